package io.trackercookie.iron;

/**
 * The encryption algorithms @hapi/iron supports. The algorithm is not written into the seal, so the
 * reader must be configured with the one the writer used.
 */
public enum IronAlgorithm {
  /** iron's default: AES-256 in CBC mode with PKCS#7 padding. */
  AES_256_CBC("aes-256-cbc", "AES/CBC/PKCS5Padding", 32),
  /** AES-128 in CTR mode, no padding. */
  AES_128_CTR("aes-128-ctr", "AES/CTR/NoPadding", 16);

  private final String ironName;
  private final String transformation;
  private final int keySizeBytes;

  IronAlgorithm(String ironName, String transformation, int keySizeBytes) {
    this.ironName = ironName;
    this.transformation = transformation;
    this.keySizeBytes = keySizeBytes;
  }

  /** The name iron uses in its options, e.g. {@code aes-256-cbc}. */
  public String ironName() {
    return ironName;
  }

  String transformation() {
    return transformation;
  }

  /** Bytes of key the cipher takes. */
  public int keySizeBytes() {
    return keySizeBytes;
  }

  /**
   * Looks an algorithm up by iron's name for it.
   *
   * @throws IllegalArgumentException if iron has no such algorithm
   */
  public static IronAlgorithm fromIronName(String name) {
    for (IronAlgorithm algorithm : values()) {
      if (algorithm.ironName.equals(name)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException("Unknown iron algorithm: " + name);
  }
}

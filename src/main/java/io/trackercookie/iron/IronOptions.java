package io.trackercookie.iron;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How seals are made and checked. The defaults are iron's {@code Iron.defaults}: AES-256-CBC, one
 * PBKDF2 iteration, 256-bit salts (fresh for every seal), 32-character passwords, no ttl, 60 s of
 * clock skew.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class IronOptions {

  /** Default bound on a seal's length: a 4 KB cookie's seal with plenty of room to spare. */
  public static final int DEFAULT_MAX_SEAL_LENGTH = 8192;

  /** Iterations above this are refused: iron's cookies use 1, and PBKDF2 work is per request. */
  public static final int MAX_ITERATIONS = 100_000;

  private static final IronOptions DEFAULTS = builder().build();

  private final IronAlgorithm algorithm;
  private final int encryptionIterations;
  private final int integrityIterations;
  private final int encryptionSaltBits;
  private final int integritySaltBits;
  private final int minPasswordLength;
  private final Duration ttl;
  private final Duration timestampSkew;
  private final Duration localtimeOffset;
  private final int maxSealLength;
  private final Clock clock;
  private final SaltPolicy saltPolicy;

  private IronOptions(Builder b) {
    this.algorithm = b.algorithm;
    this.encryptionIterations = b.encryptionIterations;
    this.integrityIterations = b.integrityIterations;
    this.encryptionSaltBits = b.encryptionSaltBits;
    this.integritySaltBits = b.integritySaltBits;
    this.minPasswordLength = b.minPasswordLength;
    this.ttl = b.ttl;
    this.timestampSkew = b.timestampSkew;
    this.localtimeOffset = b.localtimeOffset;
    this.maxSealLength = b.maxSealLength;
    this.clock = b.clock;
    this.saltPolicy = b.saltPolicy;
  }

  /** iron's defaults. */
  public static IronOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from iron's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.algorithm = algorithm;
    b.encryptionIterations = encryptionIterations;
    b.integrityIterations = integrityIterations;
    b.encryptionSaltBits = encryptionSaltBits;
    b.integritySaltBits = integritySaltBits;
    b.minPasswordLength = minPasswordLength;
    b.ttl = ttl;
    b.timestampSkew = timestampSkew;
    b.localtimeOffset = localtimeOffset;
    b.maxSealLength = maxSealLength;
    b.clock = clock;
    b.saltPolicy = saltPolicy;
    return b;
  }

  /** The cipher; {@link IronAlgorithm#AES_256_CBC} by default. */
  public IronAlgorithm algorithm() {
    return algorithm;
  }

  /** PBKDF2 iterations for the encryption key; 1 by default. */
  public int encryptionIterations() {
    return encryptionIterations;
  }

  /** PBKDF2 iterations for the integrity key; 1 by default. */
  public int integrityIterations() {
    return integrityIterations;
  }

  /** Size of the encryption salt in bits; 256 by default. */
  public int encryptionSaltBits() {
    return encryptionSaltBits;
  }

  /** Size of the integrity salt in bits; 256 by default. */
  public int integritySaltBits() {
    return integritySaltBits;
  }

  /** Minimum password length in UTF-16 code units; 32 by default. */
  public int minPasswordLength() {
    return minPasswordLength;
  }

  /** Lifetime written into each seal; {@link Duration#ZERO} writes none (iron's default). */
  public Duration ttl() {
    return ttl;
  }

  /** How far past its expiration a seal is still accepted; 60 seconds by default. */
  public Duration timestampSkew() {
    return timestampSkew;
  }

  /** Added to the clock when writing and checking expirations; zero by default. */
  public Duration localtimeOffset() {
    return localtimeOffset;
  }

  /**
   * The longest seal read, in characters; {@value #DEFAULT_MAX_SEAL_LENGTH} by default. Longer ones
   * are refused before any other work.
   */
  public int maxSealLength() {
    return maxSealLength;
  }

  /** The clock for expirations; the system clock unless a test set one. */
  public Clock clock() {
    return clock;
  }

  /** Which salts new seals get; {@link SaltPolicy#fresh()}, iron's own behaviour, by default. */
  public SaltPolicy saltPolicy() {
    return saltPolicy;
  }

  @Override
  public String toString() {
    return "IronOptions[algorithm="
        + algorithm.ironName()
        + ", encryptionIterations="
        + encryptionIterations
        + ", integrityIterations="
        + integrityIterations
        + ", encryptionSaltBits="
        + encryptionSaltBits
        + ", integritySaltBits="
        + integritySaltBits
        + ", minPasswordLength="
        + minPasswordLength
        + ", ttl="
        + ttl
        + ", timestampSkew="
        + timestampSkew
        + ", localtimeOffset="
        + localtimeOffset
        + ", maxSealLength="
        + maxSealLength
        + ", saltPolicy="
        + saltPolicy
        + "]";
  }

  /** Builds {@link IronOptions}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private IronAlgorithm algorithm = IronAlgorithm.AES_256_CBC;
    private int encryptionIterations = 1;
    private int integrityIterations = 1;
    private int encryptionSaltBits = 256;
    private int integritySaltBits = 256;
    private int minPasswordLength = 32;
    private Duration ttl = Duration.ZERO;
    private Duration timestampSkew = Duration.ofSeconds(60);
    private Duration localtimeOffset = Duration.ZERO;
    private int maxSealLength = DEFAULT_MAX_SEAL_LENGTH;
    private Clock clock = Clock.systemUTC();
    private SaltPolicy saltPolicy = SaltPolicy.fresh();

    private Builder() {}

    /**
     * The cipher; iron's default is {@link IronAlgorithm#AES_256_CBC}.
     *
     * @throws NullPointerException if null
     */
    public Builder algorithm(IronAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * PBKDF2 iterations for the encryption key; iron's default is 1.
     *
     * @throws IllegalArgumentException unless 1 to {@value IronOptions#MAX_ITERATIONS}
     */
    public Builder encryptionIterations(int iterations) {
      this.encryptionIterations = checkIterations("encryptionIterations", iterations);
      return this;
    }

    /**
     * PBKDF2 iterations for the integrity key; iron's default is 1.
     *
     * @throws IllegalArgumentException unless 1 to {@value IronOptions#MAX_ITERATIONS}
     */
    public Builder integrityIterations(int iterations) {
      this.integrityIterations = checkIterations("integrityIterations", iterations);
      return this;
    }

    /**
     * Size of the encryption salt; iron's default is 256 bits.
     *
     * @throws IllegalArgumentException unless a multiple of 8 from 64 to 1024
     */
    public Builder encryptionSaltBits(int bits) {
      this.encryptionSaltBits = checkSaltBits("encryptionSaltBits", bits);
      return this;
    }

    /**
     * Size of the integrity salt; iron's default is 256 bits.
     *
     * @throws IllegalArgumentException unless a multiple of 8 from 64 to 1024
     */
    public Builder integritySaltBits(int bits) {
      this.integritySaltBits = checkSaltBits("integritySaltBits", bits);
      return this;
    }

    /**
     * Minimum password length in UTF-16 code units (as JavaScript counts). Lowering it below 32
     * weakens every seal and is only for reading cookies from a service configured that way.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder minPasswordLength(int length) {
      if (length < 1) {
        throw new IllegalArgumentException("minPasswordLength must be at least 1, was " + length);
      }
      this.minPasswordLength = length;
      return this;
    }

    /**
     * Lifetime written into each seal; {@link Duration#ZERO} (iron's default) writes none.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder ttl(Duration ttl) {
      this.ttl = checkNotNegative("ttl", ttl);
      return this;
    }

    /**
     * How far past its expiration a seal is still accepted; iron's default is 60 seconds.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder timestampSkew(Duration skew) {
      this.timestampSkew = checkNotNegative("timestampSkew", skew);
      return this;
    }

    /** Added to the clock, as iron's {@code localtimeOffsetMsec}; may be negative. */
    public Builder localtimeOffset(Duration offset) {
      this.localtimeOffset = Objects.requireNonNull(offset, "localtimeOffset");
      return this;
    }

    /**
     * Seals longer than this are refused before any other work.
     *
     * @throws IllegalArgumentException if below 64
     */
    public Builder maxSealLength(int length) {
      if (length < 64) {
        throw new IllegalArgumentException("maxSealLength must be at least 64, was " + length);
      }
      this.maxSealLength = length;
      return this;
    }

    /**
     * Which salts new seals get (see {@link SaltPolicy}); readers are unaffected, as each seal
     * carries its own salts.
     */
    public Builder saltPolicy(SaltPolicy policy) {
      this.saltPolicy = Objects.requireNonNull(policy, "saltPolicy");
      return this;
    }

    /**
     * Lets up to {@code maxSeals} seals, made within {@code maxAge} of each other, share one pair
     * of salts and so one pair of derived keys: the same as {@code
     * saltPolicy(SaltPolicy.reuse(maxSeals, maxAge))}, where the trade is described. {@code
     * saltReuse(1, Duration.ZERO)} gives iron's fresh salts for every seal, the default.
     *
     * @throws IllegalArgumentException if {@code maxSeals} is below 1 or {@code maxAge} is
     *     negative, or zero while {@code maxSeals} is above 1
     * @throws NullPointerException if {@code maxAge} is null
     */
    public Builder saltReuse(int maxSeals, Duration maxAge) {
      return saltPolicy(SaltPolicy.reuse(maxSeals, maxAge));
    }

    /** The clock for expirations and for {@link SaltPolicy#reuse} windows; there for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The options; each value was checked when it was set. */
    public IronOptions build() {
      return new IronOptions(this);
    }

    private static int checkIterations(String name, int iterations) {
      if (iterations < 1 || iterations > MAX_ITERATIONS) {
        throw new IllegalArgumentException(
            name + " must be from 1 to " + MAX_ITERATIONS + ", was " + iterations);
      }
      return iterations;
    }

    private static int checkSaltBits(String name, int bits) {
      if (bits < 64 || bits > 1024 || bits % 8 != 0) {
        throw new IllegalArgumentException(
            name + " must be a multiple of 8 from 64 to 1024, was " + bits);
      }
      return bits;
    }

    private static Duration checkNotNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + value);
      }
      return value;
    }
  }
}

package io.trackercookie.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JCA floor for iron's default seal (AES-256-CBC, HMAC-SHA256, PBKDF2-HMAC-SHA1 with one
 * iteration, 256-bit salts, no password id, no ttl): the same work as {@code IronCodec}, written by
 * hand with nothing but what the work needs, so the codec's overhead can be measured against it.
 *
 * <p>It reuses one Mac and one Cipher per instance and keeps the PBKDF2 PRF (HMAC-SHA1) keyed with
 * the password, so each derived 32-byte key is exactly two HMAC-SHA1 blocks (one iteration). It
 * checks nothing a well-formed seal does not need checked: it is a yardstick, not a codec. One
 * instance per thread.
 */
final class JcaFloor {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The IVs sealReusedSalts takes from one DRBG draw. */
  static final int IVS_PER_DRAW = 64;

  private final Mac pbkdf2Prf;
  private final Mac hmacSha256;
  private final Cipher aesCbc;
  private final byte[] block = new byte[4];
  // sealReusedSalts's own: its Mac keeps one key, so seal and unseal re-keying the other cost it
  // nothing.
  private final Mac fixedHmacSha256;
  private final SecureRandom ivRandom;
  private final byte[] ivs = new byte[IVS_PER_DRAW * 16];
  private int ivOffset = ivs.length;
  private FixedKeys fixedKeys; // made on the first sealReusedSalts

  private record FixedKeys(SecretKeySpec encryptionKey, String prefix, String hmacSaltPart) {}

  JcaFloor(String password) {
    try {
      pbkdf2Prf = Mac.getInstance("HmacSHA1");
      pbkdf2Prf.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      hmacSha256 = Mac.getInstance("HmacSHA256");
      fixedHmacSha256 = Mac.getInstance("HmacSHA256");
      ivRandom = SecureRandom.getInstance("DRBG");
      aesCbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PBKDF2-HMAC-SHA1, one iteration, 32 bytes: blocks 1 and 2 of the pre-keyed PRF. */
  private byte[] key32(byte[] salt) {
    byte[] key = new byte[32];
    block[3] = 1;
    pbkdf2Prf.update(salt);
    pbkdf2Prf.update(block);
    byte[] t1 = pbkdf2Prf.doFinal();
    System.arraycopy(t1, 0, key, 0, 20);
    block[3] = 2;
    pbkdf2Prf.update(salt);
    pbkdf2Prf.update(block);
    byte[] t2 = pbkdf2Prf.doFinal();
    System.arraycopy(t2, 0, key, 20, 12);
    return key;
  }

  String unseal(String sealed) throws GeneralSecurityException {
    int p1 = sealed.indexOf('*');
    int p2 = sealed.indexOf('*', p1 + 1);
    int p3 = sealed.indexOf('*', p2 + 1);
    int p4 = sealed.indexOf('*', p3 + 1);
    int p5 = sealed.indexOf('*', p4 + 1);
    int p6 = sealed.indexOf('*', p5 + 1);
    int p7 = sealed.indexOf('*', p6 + 1);
    // A seal is ASCII, so its chars are its bytes.
    byte[] all = sealed.getBytes(StandardCharsets.ISO_8859_1);

    byte[] integrityKey = key32(Arrays.copyOfRange(all, p6 + 1, p7));
    hmacSha256.init(new SecretKeySpec(integrityKey, "HmacSHA256"));
    hmacSha256.update(all, 0, p6);
    byte[] expected = B64.encode(hmacSha256.doFinal());
    byte[] presented = Arrays.copyOfRange(all, p7 + 1, all.length);
    if (!MessageDigest.isEqual(expected, presented)) {
      throw new GeneralSecurityException("bad mac");
    }

    byte[] encryptionKey = key32(Arrays.copyOfRange(all, p2 + 1, p3));
    byte[] iv = B64D.decode(Arrays.copyOfRange(all, p3 + 1, p4));
    byte[] encrypted = B64D.decode(Arrays.copyOfRange(all, p4 + 1, p5));
    aesCbc.init(
        Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new IvParameterSpec(iv));
    return new String(aesCbc.doFinal(encrypted), StandardCharsets.UTF_8);
  }

  String seal(String text) throws GeneralSecurityException {
    byte[] randomBytes = new byte[32 + 16 + 32];
    RANDOM.nextBytes(randomBytes);
    String encryptionSalt = HEX.formatHex(randomBytes, 0, 32);
    String hmacSalt = HEX.formatHex(randomBytes, 48, 80);
    byte[] iv = Arrays.copyOfRange(randomBytes, 32, 48);

    byte[] encryptionKey = key32(encryptionSalt.getBytes(StandardCharsets.ISO_8859_1));
    aesCbc.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new IvParameterSpec(iv));
    byte[] encrypted = aesCbc.doFinal(text.getBytes(StandardCharsets.UTF_8));

    StringBuilder sealed = new StringBuilder(200 + encrypted.length * 4 / 3);
    sealed
        .append("Fe26.2**")
        .append(encryptionSalt)
        .append('*')
        .append(B64.encodeToString(iv))
        .append('*')
        .append(B64.encodeToString(encrypted))
        .append('*');
    String macBase = sealed.toString();

    byte[] integrityKey = key32(hmacSalt.getBytes(StandardCharsets.ISO_8859_1));
    hmacSha256.init(new SecretKeySpec(integrityKey, "HmacSHA256"));
    byte[] mac = hmacSha256.doFinal(macBase.getBytes(StandardCharsets.ISO_8859_1));
    return sealed
        .append('*')
        .append(hmacSalt)
        .append('*')
        .append(B64.encodeToString(mac))
        .toString();
  }

  /**
   * A seal under one salt pair for this instance's life, as the provider seals by default ({@code
   * SaltPolicy.reuse}): the keys are derived once, so a seal is one AES-CBC encryption under a
   * fresh IV, one HMAC-SHA256 and the text around them. The least any cookie that changes on every
   * response costs in this format, the yardstick for the provider's seal and for the HTTP bench's
   * {@code sealfloor} app. IVs come from a per-instance DRBG, {@link #IVS_PER_DRAW} at a time: a
   * draw per seal would make the DRBG, not the seal, the floor.
   */
  String sealReusedSalts(String text) throws GeneralSecurityException {
    if (fixedKeys == null) {
      byte[] salts = new byte[64];
      ivRandom.nextBytes(salts);
      String encryptionSalt = HEX.formatHex(salts, 0, 32);
      String hmacSalt = HEX.formatHex(salts, 32, 64);
      fixedKeys =
          new FixedKeys(
              new SecretKeySpec(key32(encryptionSalt.getBytes(StandardCharsets.ISO_8859_1)), "AES"),
              "Fe26.2**" + encryptionSalt + "*",
              "*" + hmacSalt + "*");
      fixedHmacSha256.init(
          new SecretKeySpec(key32(hmacSalt.getBytes(StandardCharsets.ISO_8859_1)), "HmacSHA256"));
    }
    if (ivOffset == ivs.length) {
      ivRandom.nextBytes(ivs);
      ivOffset = 0;
    }
    IvParameterSpec iv = new IvParameterSpec(ivs, ivOffset, 16);
    ivOffset += 16;
    aesCbc.init(Cipher.ENCRYPT_MODE, fixedKeys.encryptionKey(), iv);
    byte[] encrypted = aesCbc.doFinal(text.getBytes(StandardCharsets.UTF_8));

    StringBuilder sealed = new StringBuilder(200 + encrypted.length * 4 / 3);
    sealed
        .append(fixedKeys.prefix())
        .append(B64.encodeToString(iv.getIV()))
        .append('*')
        .append(B64.encodeToString(encrypted))
        .append('*');
    // The Mac stays keyed: doFinal leaves it ready for the next seal under the same key.
    byte[] mac = fixedHmacSha256.doFinal(sealed.toString().getBytes(StandardCharsets.ISO_8859_1));
    return sealed.append(fixedKeys.hmacSaltPart()).append(B64.encodeToString(mac)).toString();
  }

  /**
   * The same unseal with every JCA object created per call and PBKDF2 through SecretKeyFactory:
   * what code that does not keep its crypto objects pays.
   */
  static String naiveUnseal(String password, String sealed) throws GeneralSecurityException {
    String[] parts = sealed.split("\\*", -1);
    SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
    byte[] integrityKey =
        pbkdf2
            .generateSecret(
                new PBEKeySpec(
                    password.toCharArray(), parts[6].getBytes(StandardCharsets.UTF_8), 1, 256))
            .getEncoded();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(integrityKey, "HmacSHA256"));
    String macBase = String.join("*", parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    String expected = B64.encodeToString(mac.doFinal(macBase.getBytes(StandardCharsets.UTF_8)));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), parts[7].getBytes(StandardCharsets.UTF_8))) {
      throw new GeneralSecurityException("bad mac");
    }
    byte[] encryptionKey =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
            .generateSecret(
                new PBEKeySpec(
                    password.toCharArray(), parts[2].getBytes(StandardCharsets.UTF_8), 1, 256))
            .getEncoded();
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(encryptionKey, "AES"),
        new IvParameterSpec(B64D.decode(parts[3])));
    return new String(cipher.doFinal(B64D.decode(parts[4])), StandardCharsets.UTF_8);
  }
}

package io.trackercookie.iron;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens text in @hapi/iron's "Fe26.2" format, byte-compatible with iron 7 both ways.
 *
 * <p>Wire format (eight parts joined by {@code *}, binary parts in unpadded base64url):
 *
 * <pre>
 * Fe26.2*[password-id]*encryption-salt*encryption-iv*encrypted*[expiration]*hmac-salt*hmac
 * </pre>
 *
 * <ul>
 *   <li>Keys: PBKDF2-HMAC-SHA1 over the password's UTF-8, salted with the UTF-8 bytes of the salt's
 *       hex <em>text</em>; a raw-key secret is used as it stands and both salts are empty.
 *   <li>encrypted: AES-256-CBC/PKCS#7 (or AES-128-CTR) of the text's UTF-8 under a random IV.
 *   <li>expiration: milliseconds since the epoch, empty for none.
 *   <li>hmac: HMAC-SHA256 with the integrity key over the first six parts joined by {@code *}.
 * </ul>
 *
 * <p>{@link #unseal} checks in iron's order, so the same seal fails for the same reason in Java
 * and in Node: length bound (ours, before anything else), part count, prefix, expiration format,
 * expiry, password lookup, MAC (in constant time, before any decryption), base64, decryption,
 * UTF-8. Every failure is an {@link IronException} with a {@link IronException.Reason}.
 *
 * <p>Immutable and thread-safe. Each thread keeps its own Mac and Cipher objects, so a codec can
 * be shared by all requests.
 *
 * <pre>{@code
 * IronCodec codec = IronCodec.create(IronPasswords.single(password), IronOptions.defaults());
 * String sealed = codec.seal("{\"visits\":1}");
 * String json = codec.unseal(sealed);
 * }</pre>
 */
public final class IronCodec {

  /** The first part of every seal this codec reads or writes. */
  public static final String MAC_PREFIX = "Fe26.2";

  static final int INTEGRITY_KEY_BYTES = 32;
  private static final int IV_SIZE_BYTES = 16;

  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<CryptoContext> CRYPTO = ThreadLocal.withInitial(CryptoContext::new);

  private final IronPasswords passwords;
  private final IronOptions options;
  // Salt reuse (IronOptions.saltReuse): the pair in use for sealing and the one before it.
  private volatile SealKeys currentSealKeys;
  private volatile SealKeys previousSealKeys;

  private IronCodec(IronPasswords passwords, IronOptions options) {
    this.passwords = passwords;
    this.options = options;
  }

  /**
   * A codec for these passwords and options.
   *
   * @throws IronException with {@link IronException.Reason#PASSWORD_TOO_SHORT} if any password is
   *     shorter than {@link IronOptions#minPasswordLength()} or any raw key shorter than its key
   */
  public static IronCodec create(IronPasswords passwords, IronOptions options) {
    Objects.requireNonNull(passwords, "passwords");
    Objects.requireNonNull(options, "options");
    passwords.checkLengths(options.minPasswordLength(), options.algorithm());
    return new IronCodec(passwords, options);
  }

  /** A codec with one password and iron's defaults. */
  public static IronCodec create(String password) {
    return create(IronPasswords.single(password), IronOptions.defaults());
  }

  public IronPasswords passwords() {
    return passwords;
  }

  public IronOptions options() {
    return options;
  }

  /** A codec with the same passwords and other options. */
  public IronCodec withOptions(IronOptions newOptions) {
    return create(passwords, newOptions);
  }

  /** Seals text (iron seals {@code JSON.stringify(value)}; pass JSON text to match it). */
  public String seal(String text) {
    return seal(Utf8.encode(Objects.requireNonNull(text, "text")));
  }

  /**
   * Seals bytes.
   *
   * @throws IronException with {@link IronException.Reason#SEAL_TOO_LONG} if the seal would be
   *     longer than {@link IronOptions#maxSealLength()}
   */
  public String seal(byte[] plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    IronSecret secret = passwords.sealingSecret();
    CryptoContext crypto = CRYPTO.get();
    IronAlgorithm algorithm = options.algorithm();

    SealKeys keys;
    byte[] iv = new byte[IV_SIZE_BYTES];
    if (options.saltReuseSeals() == 1) {
      // iron's way: fresh salts for every seal, drawn with the IV in one call (each DRBG call has
      // a fixed cost: its lock and its state update).
      int encryptionSaltBytes = secret.encryption().isRawKey() ? 0 : options.encryptionSaltBits() / 8;
      int hmacSaltBytes = secret.integrity().isRawKey() ? 0 : options.integritySaltBits() / 8;
      byte[] random = new byte[encryptionSaltBytes + IV_SIZE_BYTES + hmacSaltBytes];
      crypto.random.nextBytes(random);
      System.arraycopy(random, encryptionSaltBytes, iv, 0, IV_SIZE_BYTES);
      keys = deriveSealKeys(secret, HEX.formatHex(random, 0, encryptionSaltBytes),
          HEX.formatHex(random, encryptionSaltBytes + IV_SIZE_BYTES, random.length), 0);
    } else {
      keys = reusableSealKeys(secret);
      crypto.nextIv(iv);
    }
    String encryptionSalt = keys.encryptionSalt();
    String hmacSalt = keys.hmacSalt();
    byte[] encrypted = crypto.encrypt(algorithm, keys.encryptionKey(), iv, plaintext);

    String expiration = "";
    if (!options.ttl().isZero()) {
      long now = options.clock().millis() + options.localtimeOffset().toMillis();
      expiration = Long.toString(now + options.ttl().toMillis());
    }

    // Room for the whole seal at once: 64-char hex salts, a 22-char IV, a 43-char MAC, up to 15
    // expiration digits and the separators, around the base64 of the ciphertext.
    StringBuilder sealed = new StringBuilder(256 + passwords.sealingId().length() + encrypted.length * 4 / 3);
    sealed.append(MAC_PREFIX).append('*')
        .append(passwords.sealingId()).append('*')
        .append(encryptionSalt).append('*')
        .append(Base64Url.encode(iv)).append('*')
        .append(Base64Url.encode(encrypted)).append('*')
        .append(expiration);
    String macBase = sealed.toString();

    // Every part of a base this codec writes is ASCII (base64url, hex, digits, a \\w+ password
    // id), so its bytes are its chars: no UTF-8 encoding or surrogate check needed.
    String hmac = Base64Url.encode(crypto.hmacSha256(keys.integrityKey(),
        macBase.getBytes(StandardCharsets.ISO_8859_1)));
    sealed.append('*').append(hmacSalt).append('*').append(hmac);
    // A seal this codec would refuse to open is refused here, where the caller can still act.
    if (sealed.length() > options.maxSealLength()) {
      throw new IronException(IronException.Reason.SEAL_TOO_LONG);
    }
    return sealed.toString();
  }

  /**
   * Opens a seal and returns its text.
   *
   * @throws IronException for any seal that is malformed, expired, altered or not ours
   */
  public String unseal(String sealed) {
    return open(sealed).text();
  }

  /**
   * Opens a seal and returns its text with what the seal says about itself.
   *
   * @throws IronException for any seal that is malformed, expired, altered or not ours
   */
  public Unsealed open(String sealed) {
    Objects.requireNonNull(sealed, "sealed");
    if (sealed.length() > options.maxSealLength()) {
      throw new IronException(IronException.Reason.SEAL_TOO_LONG);
    }
    SealParts parts = SealParts.parse(sealed);

    Optional<Instant> expiration = Optional.empty();
    if (!parts.expiration().isEmpty()) {
      long expirationMillis = parseExpiration(parts.expiration());
      long now = options.clock().millis() + options.localtimeOffset().toMillis();
      // iron treats the boundary itself as expired.
      if (expirationMillis <= now - options.timestampSkew().toMillis()) {
        throw new IronException(IronException.Reason.EXPIRED);
      }
      expiration = Optional.of(Instant.ofEpochMilli(expirationMillis));
    }

    IronSecret secret = passwords.secretFor(parts.passwordId());
    CryptoContext crypto = CRYPTO.get();

    if (!secret.integrity().isRawKey() && parts.hmacSalt().isEmpty()) {
      // iron would draw a random salt here, so such a seal can never verify.
      throw new IronException(IronException.Reason.BAD_MAC);
    }
    SealKeys ours = reusedKeysFor(secret, parts);
    byte[] integrityKey = ours != null ? ours.integrityKey()
        : secret.integrity().key(parts.hmacSalt(), options.integrityIterations(), INTEGRITY_KEY_BYTES);
    byte[] expectedMac = crypto.hmacSha256(integrityKey, Utf8.encode(parts.macBase(sealed)));
    // iron compares the base64url text, so a non-canonical spelling of the right bytes fails too.
    // MessageDigest.isEqual takes time independent of where the first difference is.
    byte[] expectedMacText = Base64Url.encode(expectedMac).getBytes(StandardCharsets.US_ASCII);
    byte[] presentedMacText = parts.hmac().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expectedMacText, presentedMacText)) {
      throw new IronException(IronException.Reason.BAD_MAC);
    }

    byte[] encrypted = Base64Url.decodeStrict(parts.encryptedB64());
    byte[] iv = Base64Url.decodeStrict(parts.encryptionIv());
    if (iv.length != IV_SIZE_BYTES) {
      throw new IronException(IronException.Reason.DECRYPTION_FAILED);
    }
    if (!secret.encryption().isRawKey() && parts.encryptionSalt().isEmpty()) {
      throw new IronException(IronException.Reason.DECRYPTION_FAILED);
    }
    IronAlgorithm algorithm = options.algorithm();
    byte[] encryptionKey = ours != null ? ours.encryptionKey()
        : secret.encryption().key(parts.encryptionSalt(), options.encryptionIterations(), algorithm.keySizeBytes());
    byte[] plaintext = crypto.decrypt(algorithm, encryptionKey, iv, encrypted);
    return new Unsealed(
        Utf8.decodeStrict(plaintext),
        parts.passwordId(),
        expiration,
        passwords.isCurrent(parts.passwordId()));
  }

  /** A salt pair and the keys derived from it, with how often and since when it seals. */
  private record SealKeys(IronSecret secret, String encryptionSalt, byte[] encryptionKey,
      String hmacSalt, byte[] integrityKey, long createdMillis, AtomicInteger uses) {}

  private SealKeys deriveSealKeys(IronSecret secret, String encryptionSalt, String hmacSalt, long now) {
    return new SealKeys(secret,
        encryptionSalt,
        secret.encryption().key(encryptionSalt, options.encryptionIterations(), options.algorithm().keySizeBytes()),
        hmacSalt,
        secret.integrity().key(hmacSalt, options.integrityIterations(), INTEGRITY_KEY_BYTES),
        now,
        new AtomicInteger());
  }

  /**
   * The current salt pair while it has seals and time left, else a fresh one. Each pair seals at
   * most {@code saltReuseSeals} times: a seal claims a use before taking the pair. Two threads may
   * both replace a spent pair; one replacement wins and the other is used for one seal, which is
   * harmless.
   */
  private SealKeys reusableSealKeys(IronSecret secret) {
    long now = options.clock().millis();
    SealKeys keys = currentSealKeys;
    if (keys != null && keys.secret() == secret
        && now - keys.createdMillis() < options.saltReuseMaxAge().toMillis()
        && now >= keys.createdMillis()
        && keys.uses().incrementAndGet() <= options.saltReuseSeals()) {
      return keys;
    }
    int encryptionSaltBytes = secret.encryption().isRawKey() ? 0 : options.encryptionSaltBits() / 8;
    int hmacSaltBytes = secret.integrity().isRawKey() ? 0 : options.integritySaltBits() / 8;
    byte[] salts = new byte[encryptionSaltBytes + hmacSaltBytes];
    CRYPTO.get().random.nextBytes(salts);
    SealKeys fresh = deriveSealKeys(secret, HEX.formatHex(salts, 0, encryptionSaltBytes),
        HEX.formatHex(salts, encryptionSaltBytes, salts.length), now);
    fresh.uses().incrementAndGet();
    previousSealKeys = keys;
    currentSealKeys = fresh;
    return fresh;
  }

  /**
   * The keys of a seal made with this codec's current or previous salt pair, so opening our own
   * recent seals skips PBKDF2; null for any other seal. The keys are those PBKDF2 would give for
   * the same secret and salts, so nothing about the check changes.
   */
  private SealKeys reusedKeysFor(IronSecret secret, SealParts parts) {
    SealKeys keys = currentSealKeys;
    if (keys == null || !matches(keys, secret, parts)) {
      keys = previousSealKeys;
      if (keys == null || !matches(keys, secret, parts)) {
        return null;
      }
    }
    return keys;
  }

  private static boolean matches(SealKeys keys, IronSecret secret, SealParts parts) {
    return keys.secret() == secret
        && keys.hmacSalt().equals(parts.hmacSalt())
        && keys.encryptionSalt().equals(parts.encryptionSalt());
  }

  /**
   * Reads the expiration strictly: ASCII digits, no leading zero, at most 15 digits (enough for
   * the year 33658). iron also accepts leading zeros and numbers past a long; the MAC does not
   * cover a check that comes before it, so the strict form keeps this parse cheap and exact.
   */
  private static long parseExpiration(String text) {
    int length = text.length();
    if (length > 15 || (length > 1 && text.charAt(0) == '0')) {
      throw new IronException(IronException.Reason.INVALID_EXPIRATION);
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IronException(IronException.Reason.INVALID_EXPIRATION);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  @Override
  public String toString() {
    return "IronCodec[" + passwords + ", " + options + "]";
  }

  /**
   * One thread's reusable JCA objects: creating them costs more than the work they do. The thread
   * has its own SecureRandom too: the platform's default one is shared by every thread behind a
   * lock, and on Linux reads the kernel's pool every few calls, which under concurrent requests
   * made salts and IVs a point of contention.
   */
  private static final class CryptoContext {
    // IVs are drawn this many at a time: each DRBG call has a fixed cost (its lock, its state
    // update) that was a fifth of a seal with reused salts. IVs need to be unpredictable, not
    // secret, so holding the next few in memory gives nothing away.
    private static final int IVS_PER_DRAW = 64;

    final SecureRandom random;
    private final Mac hmacSha256;
    private final Cipher aesCbc;
    private final Cipher aesCtr;
    private final byte[] ivs = new byte[IVS_PER_DRAW * IV_SIZE_BYTES];
    private int nextIvOffset = ivs.length;
    // The key the Mac holds: a reused salt pair's key is the same array on every seal, and
    // doFinal leaves the Mac ready for the same key, so init is skipped for it.
    private byte[] hmacKey;

    CryptoContext() {
      try {
        // NIST SP 800-90A DRBG (SHA-256 Hash_DRBG by default), seeded from the platform's entropy
        // source when the thread first seals, and reseeded by the JDK on its own schedule.
        random = SecureRandom.getInstance("DRBG");
        hmacSha256 = Mac.getInstance("HmacSHA256");
        aesCbc = Cipher.getInstance(IronAlgorithm.AES_256_CBC.transformation());
        aesCtr = Cipher.getInstance(IronAlgorithm.AES_128_CTR.transformation());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES and HmacSHA256 are required of every Java platform", e);
      }
    }

    void nextIv(byte[] iv) {
      if (nextIvOffset == ivs.length) {
        random.nextBytes(ivs);
        nextIvOffset = 0;
      }
      System.arraycopy(ivs, nextIvOffset, iv, 0, IV_SIZE_BYTES);
      // Each IV is handed out once: its bytes are cleared as they are taken.
      Arrays.fill(ivs, nextIvOffset, nextIvOffset + IV_SIZE_BYTES, (byte) 0);
      nextIvOffset += IV_SIZE_BYTES;
    }

    byte[] hmacSha256(byte[] key, byte[] base) {
      if (key != hmacKey) {
        try {
          hmacSha256.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
          hmacKey = null;
          throw new IllegalStateException("An HMAC key of 32 bytes is always valid", e);
        }
        hmacKey = key;
      }
      return hmacSha256.doFinal(base);
    }

    byte[] encrypt(IronAlgorithm algorithm, byte[] key, byte[] iv, byte[] plaintext) {
      Cipher cipher = cipherFor(algorithm);
      try {
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(plaintext);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES with a valid key and IV cannot fail to encrypt", e);
      }
    }

    byte[] decrypt(IronAlgorithm algorithm, byte[] key, byte[] iv, byte[] encrypted) {
      // The JCA returns nothing for an empty CBC ciphertext where OpenSSL reports a bad final
      // block; a padded ciphertext always has at least one block.
      if (algorithm == IronAlgorithm.AES_256_CBC
          && (encrypted.length == 0 || encrypted.length % IV_SIZE_BYTES != 0)) {
        throw new IronException(IronException.Reason.DECRYPTION_FAILED);
      }
      Cipher cipher = cipherFor(algorithm);
      try {
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(encrypted);
      } catch (GeneralSecurityException e) {
        throw new IronException(IronException.Reason.DECRYPTION_FAILED);
      }
    }

    private Cipher cipherFor(IronAlgorithm algorithm) {
      return algorithm == IronAlgorithm.AES_256_CBC ? aesCbc : aesCtr;
    }
  }
}

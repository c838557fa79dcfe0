package io.trackercookie.iron;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
 * <p>{@link #unseal} checks in iron's order, so the same seal fails for the same reason in Java and
 * in Node: length bound (ours, before anything else), part count, prefix, expiration format,
 * expiry, password lookup, MAC (in constant time, before any decryption), base64, decryption,
 * UTF-8. Every failure is an {@link IronException} with a {@link IronException.Reason}.
 *
 * <p>Thread-safe, and shared by all requests. The passwords and options never change; the one part
 * of a codec that does is the salt pair its {@link SaltPolicy} may keep for new seals (see {@link
 * IronOptions#saltPolicy()}). Each thread keeps its own Mac and Cipher objects ({@link
 * CryptoContext}).
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

  private static final int IV_SIZE_BYTES = CryptoContext.IV_SIZE_BYTES;
  private static final long NO_EXPIRATION = Long.MIN_VALUE; // a seal without an expiration part

  /** The latest expiration {@link #open} reads: 15 digits of milliseconds, the year 33658. */
  public static final Instant LATEST_EXPIRATION = Instant.ofEpochMilli(999_999_999_999_999L);

  private final IronPasswords passwords;
  private final IronOptions options;
  private final SaltSource salts; // the salts and keys of new seals, as options.saltPolicy() says

  private IronCodec(IronPasswords passwords, IronOptions options) {
    this.passwords = passwords;
    this.options = options;
    this.salts = SaltSource.of(options);
  }

  /**
   * A codec for these passwords and options.
   *
   * @throws IllegalArgumentException if a password is shorter than {@link
   *     IronOptions#minPasswordLength()} or a raw key shorter than the key it stands for; the
   *     message names the password's id, never the password
   */
  public static IronCodec create(IronPasswords passwords, IronOptions options) {
    Objects.requireNonNull(passwords, "passwords");
    Objects.requireNonNull(options, "options");
    passwords.checkLengths(options.minPasswordLength(), options.algorithm());
    return new IronCodec(passwords, options);
  }

  /**
   * A codec with one password and iron's defaults.
   *
   * @throws IllegalArgumentException if the password is empty or shorter than 32 characters
   */
  public static IronCodec create(String password) {
    return create(IronPasswords.single(password), IronOptions.defaults());
  }

  /** The passwords this codec seals and opens with. */
  public IronPasswords passwords() {
    return passwords;
  }

  /** The options this codec was made with. */
  public IronOptions options() {
    return options;
  }

  /** A codec with the same passwords and other options (and salts of its own). */
  public IronCodec withOptions(IronOptions newOptions) {
    return create(passwords, newOptions);
  }

  /** Seals text (iron seals {@code JSON.stringify(value)}; pass JSON text to match it). */
  public String seal(String text) {
    return seal(Utf8.encode(Objects.requireNonNull(text, "text")));
  }

  /**
   * Seals text to expire no later than {@code notAfter}: the ttl's expiration if that comes first,
   * else {@code notAfter} (also when there is no ttl). For sealing again what an earlier seal held
   * without giving it a longer life than that seal had.
   *
   * @throws IronException with {@link IronException.Reason#SEAL_TOO_LONG} as {@link #seal(byte[])}
   */
  public String seal(String text, Instant notAfter) {
    Objects.requireNonNull(notAfter, "notAfter");
    return seal(Utf8.encode(Objects.requireNonNull(text, "text")), expirationForNewSeal(notAfter));
  }

  /**
   * Seals bytes.
   *
   * @throws IronException with {@link IronException.Reason#SEAL_TOO_LONG} if the seal would be
   *     longer than {@link IronOptions#maxSealLength()}
   */
  public String seal(byte[] plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    return seal(plaintext, expirationForNewSeal());
  }

  /** A seal and what {@link #open} gives back for it. */
  public record Sealed(String value, Unsealed opened) {
    @Override
    public String toString() {
      return "Sealed[" + value.length() + " chars, redacted]"; // never the seal itself
    }
  }

  /**
   * Seals text and says what {@link #open} will give back for the seal, without opening it: the
   * text as the seal holds it (a lone surrogate becomes U+FFFD), the sealing password's id and the
   * exact expiration written. For callers that keep seals they know to be valid, such as a cache of
   * verified seals.
   *
   * @throws IronException with {@link IronException.Reason#SEAL_TOO_LONG} as {@link #seal(byte[])}
   */
  public Sealed sealDescribed(String text) {
    return sealDescribed(text, null);
  }

  /**
   * As {@link #sealDescribed(String)}, expiring no later than {@code notAfter} as {@link
   * #seal(String, Instant)} does; a null {@code notAfter} sets no bound.
   *
   * @throws IronException with {@link IronException.Reason#SEAL_TOO_LONG} as {@link #seal(byte[])}
   */
  public Sealed sealDescribed(String text, @Nullable Instant notAfter) {
    Utf8.Encoded plaintext = Utf8.encodeWithText(Objects.requireNonNull(text, "text"));
    long expirationMillis = expirationForNewSeal(notAfter);
    String value = seal(plaintext.bytes(), expirationMillis);
    Unsealed opened =
        new Unsealed(
            plaintext.decodesTo(),
            passwords.sealingId(),
            expirationMillis == NO_EXPIRATION
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(expirationMillis)),
            true);
    return new Sealed(value, opened);
  }

  private long expirationForNewSeal() {
    if (options.ttl().isZero()) {
      return NO_EXPIRATION;
    }
    long now = options.clock().millis() + options.localtimeOffset().toMillis();
    return now + options.ttl().toMillis();
  }

  private long expirationForNewSeal(@Nullable Instant notAfter) {
    long fresh = expirationForNewSeal();
    if (notAfter == null) {
      return fresh;
    }
    if (notAfter.isAfter(LATEST_EXPIRATION)) {
      return fresh; // past what an expiration can say: no bound
    }
    long bound = notAfter.toEpochMilli();
    return fresh == NO_EXPIRATION ? bound : Math.min(fresh, bound);
  }

  private String seal(byte[] plaintext, long expirationMillis) {
    // The ciphertext, and so the seal, is at least as long as the plaintext: a plaintext past the
    // bound is refused before any crypto work.
    if (plaintext.length > options.maxSealLength()) {
      throw new IronException(IronException.Reason.SEAL_TOO_LONG);
    }
    IronSecret secret = passwords.sealingSecret();
    CryptoContext crypto = CryptoContext.forCurrentThread();
    SealKeys keys = salts.forSeal(secret, crypto);
    byte[] iv = new byte[IV_SIZE_BYTES];
    crypto.nextIv(iv);
    String encryptionSalt = keys.encryptionSalt();
    String hmacSalt = keys.hmacSalt();
    byte[] encrypted = crypto.encrypt(options.algorithm(), keys.encryptionKey(), iv, plaintext);

    SealBuffer sealed =
        crypto
            .sealBuffer()
            .clear()
            .append(MAC_PREFIX)
            .append('*')
            .append(passwords.sealingId())
            .append('*')
            .append(encryptionSalt)
            .append('*')
            .appendBase64Url(iv)
            .append('*')
            .appendBase64Url(encrypted)
            .append('*');
    if (expirationMillis != NO_EXPIRATION) {
      sealed.append(expirationMillis);
    }
    // The MAC covers the first six parts, hashed where they lie.
    byte[] hmac = crypto.hmacSha256(keys.integrityKey(), sealed.bytes(), sealed.length());
    sealed.append('*').append(hmacSalt).append('*').appendBase64Url(hmac);
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
    CryptoContext crypto = CryptoContext.forCurrentThread();

    if (!secret.integrity().isRawKey() && parts.hmacSalt().isEmpty()) {
      // iron would draw a random salt here, so such a seal can never verify.
      throw new IronException(IronException.Reason.BAD_MAC);
    }
    SealKeys ours = salts.heldFor(secret, parts);
    byte[] integrityKey =
        ours != null
            ? ours.integrityKey()
            : SealKeys.integrityKey(secret, parts.hmacSalt(), options, crypto);
    byte[] macBase = Utf8.encode(parts.macBase(sealed));
    byte[] expectedMac = crypto.hmacSha256(integrityKey, macBase, macBase.length);
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
    byte[] encryptionKey =
        ours != null
            ? ours.encryptionKey()
            : SealKeys.encryptionKey(secret, parts.encryptionSalt(), options, crypto);
    byte[] plaintext = crypto.decrypt(options.algorithm(), encryptionKey, iv, encrypted);
    String text;
    try {
      // Strict, where iron substitutes U+FFFD: a seal whose MAC holds and whose content is not
      // UTF-8 was not written by iron's JSON.stringify.
      text = Utf8.decodeStrict(plaintext);
    } catch (CharacterCodingException e) {
      throw new IronException(IronException.Reason.INVALID_UTF8);
    }
    return new Unsealed(
        text, parts.passwordId(), expiration, passwords.isCurrent(parts.passwordId()));
  }

  /**
   * Reads the expiration strictly: ASCII digits, no leading zero, at most 15 digits (enough for the
   * year 33658). iron also accepts leading zeros and numbers past a long; the MAC does not cover a
   * check that comes before it, so the strict form keeps this parse cheap and exact.
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
}

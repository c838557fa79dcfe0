package io.trackercookie.internal.engine;

import io.trackercookie.iron.IronPasswords;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of a session: minted for {@code Tracker.csrfToken()}, checked by the cross-site
 * filter. A signed token bound to the session's random nonce (kept inside the seal, in {@link
 * SessionMetadata}) and to its subject, never stored anywhere else:
 *
 * <pre>
 * key   = HMAC-SHA256(password, "tracker-cookie/csrf-token/v1")    one per password in force
 * mac   = HMAC-SHA256(key, nonce || 0x00 || 0x00)                   no subject
 *       | HMAC-SHA256(key, nonce || 0x00 || 0x01 || subject)        the subject's JSON text
 * token = base64url(mask || mask XOR mac)                           a fresh 32-byte mask each time
 * </pre>
 *
 * <p>A token of another session (another nonce), of this session before its nonce was renewed, or
 * of another subject gives another MAC, and is refused. The key is derived from the password with
 * its own label ({@link IronPasswords#derivedKeys}), so the token is no oracle for the seals' keys,
 * and a fleet sharing the passwords shares the tokens. A token minted under a password that is
 * still accepted after a rotation still matches. The mask makes every token a page carries
 * different, so a compressed response that reflects an attacker's guess beside it (BREACH) learns
 * nothing; the MAC is compared in constant time. Thread-safe.
 */
final class CsrfTokens {

  /** The label of the token's key, distinct from every other use of the passwords. */
  static final String KEY_LABEL = "tracker-cookie/csrf-token/v1";

  /** Random bytes in a session's nonce. */
  static final int NONCE_BYTES = 32;

  private static final int MAC_BYTES = 32;

  /** A token's length: base64url of the mask and the masked MAC, without padding. */
  static final int TOKEN_LENGTH = (2 * MAC_BYTES * 8 + 5) / 6;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  // One DRBG per thread: the platform's shared SecureRandom serializes every thread behind a lock.
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(
          () -> {
            try {
              return SecureRandom.getInstance("DRBG");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("DRBG is required of every Java platform", e);
            }
          });

  private final Supplier<IronPasswords> passwords;
  private volatile Keys keys;

  /** The keys derived from one set of passwords, by identity: a ring swaps the set whole. */
  private record Keys(IronPasswords from, List<byte[]> keys) {}

  /** Tokens keyed by the passwords {@code passwords} says are in force at each call. */
  CsrfTokens(Supplier<IronPasswords> passwords) {
    this.passwords = Objects.requireNonNull(passwords, "passwords");
  }

  /** A new session nonce: 32 random bytes as base64url text. */
  static String newNonce() {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.get().nextBytes(nonce);
    return BASE64URL.encodeToString(nonce);
  }

  /** A token for this nonce and subject (null: none), under the password that seals now. */
  String mint(String nonce, String subject) {
    byte[] mac = mac(keys().get(0), nonce, subject);
    byte[] token = new byte[2 * MAC_BYTES];
    byte[] mask = new byte[MAC_BYTES];
    RANDOM.get().nextBytes(mask);
    System.arraycopy(mask, 0, token, 0, MAC_BYTES);
    for (int i = 0; i < MAC_BYTES; i++) {
      token[MAC_BYTES + i] = (byte) (mask[i] ^ mac[i]);
    }
    return BASE64URL.encodeToString(token);
  }

  /**
   * Whether {@code token} was minted for this nonce and subject under a password in force: false
   * for anything else, a token that is no token included; never throws for the token's content.
   */
  boolean matches(String token, String nonce, String subject) {
    byte[] bytes = decode(token);
    if (bytes == null) {
      return false;
    }
    byte[] unmasked = new byte[MAC_BYTES];
    for (int i = 0; i < MAC_BYTES; i++) {
      unmasked[i] = (byte) (bytes[i] ^ bytes[MAC_BYTES + i]);
    }
    boolean matched = false;
    for (byte[] key : keys()) {
      // Constant time: a comparison that stops at the first wrong byte tells how many were right.
      matched |= MessageDigest.isEqual(mac(key, nonce, subject), unmasked);
    }
    return matched;
  }

  /** The token's bytes, or null unless it is exactly base64url of the right length. */
  private static byte[] decode(String token) {
    if (token == null || token.length() != TOKEN_LENGTH) {
      return null;
    }
    for (int i = 0; i < TOKEN_LENGTH; i++) {
      char c = token.charAt(i);
      boolean base64url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!base64url) {
        return null;
      }
    }
    return Base64.getUrlDecoder().decode(token);
  }

  private List<byte[]> keys() {
    IronPasswords inForce = passwords.get();
    Keys current = keys;
    if (current == null || current.from() != inForce) {
      current = new Keys(inForce, inForce.derivedKeys(KEY_LABEL));
      keys = current;
    }
    return current.keys();
  }

  private static byte[] mac(byte[] key, String nonce, String subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(nonce.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      if (subject == null) {
        mac.update((byte) 0);
      } else {
        mac.update((byte) 1);
        mac.update(subject.getBytes(StandardCharsets.UTF_8));
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "CsrfTokens[redacted]";
  }
}

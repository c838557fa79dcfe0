package io.trackercookie.iron;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * One thread's JCA objects, shared by every codec of this library: the iron codec and the legacy
 * cookie-sessions decoder. Creating a Mac or a Cipher costs more than the work it then does, so
 * each thread keeps one of each here, behind a single ThreadLocal (a server's worker threads keep
 * their ThreadLocals in small tables shared with the server's own hottest lookups).
 *
 * <p>The primitives are the JCA's own, used plainly: {@code AES/CBC/PKCS5Padding} and {@code
 * AES/CTR/NoPadding} initialised with the key and IV on every operation, {@code HmacSHA256}
 * initialised with its key on every MAC. The one Mac that keeps its key between calls is the {@code
 * HmacSHA1} behind PBKDF2: a codec derives every key from the same password, and a Mac left keyed
 * costs two SHA-1 blocks per derived key instead of a new key schedule.
 *
 * <p>The thread has its own SecureRandom too: the platform's default one is shared by every thread
 * behind a lock, and under concurrent requests made salts and IVs a point of contention.
 *
 * <p>Every method leaves its objects ready for the next call, whatever it threw. Not thread-safe:
 * use {@link #forCurrentThread()}, and never hand the context to another thread.
 */
public final class CryptoContext {

  private static final ThreadLocal<CryptoContext> PER_THREAD =
      ThreadLocal.withInitial(CryptoContext::new);

  static final int IV_SIZE_BYTES = 16;
  private static final int SHA1_SIZE_BYTES = 20;
  // IVs are drawn this many at a time: each DRBG call has a fixed cost (its lock, its state
  // update) that was a fifth of a seal whose keys were already derived. IVs need to be
  // unpredictable, not secret, so holding the next few in memory gives nothing away.
  private static final int IVS_PER_DRAW = 64;

  private final SecureRandom random;
  private final Mac hmacSha256;
  private final Mac hmacSha1;
  private final Cipher aesCbc;
  private final Cipher aesCtr;
  // The key hmacSha1 holds, by identity: a password's bytes are the same array on every
  // derivation, and doFinal leaves a Mac ready for the same key. Null until an init succeeds.
  private byte @Nullable [] hmacSha1Key;
  private final byte[] ivs = new byte[IVS_PER_DRAW * IV_SIZE_BYTES];
  private int nextIvOffset = ivs.length;
  private final SealBuffer sealBuffer = new SealBuffer();

  /** The calling thread's context. */
  public static CryptoContext forCurrentThread() {
    return PER_THREAD.get();
  }

  CryptoContext() {
    try {
      // NIST SP 800-90A DRBG (SHA-256 Hash_DRBG by default), seeded from the platform's entropy
      // source when the context is made, and reseeded by the JDK on its own schedule.
      random = SecureRandom.getInstance("DRBG");
      hmacSha256 = Mac.getInstance("HmacSHA256");
      hmacSha1 = Mac.getInstance("HmacSHA1");
      aesCbc = settled(Cipher.getInstance(IronAlgorithm.AES_256_CBC.transformation()));
      aesCtr = settled(Cipher.getInstance(IronAlgorithm.AES_128_CTR.transformation()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "AES, HmacSHA1, HmacSHA256 and DRBG are required of every Java platform", e);
    }
  }

  /**
   * A Cipher with its provider chosen. The JCA picks a Cipher's provider on its first init, and a
   * Cipher whose first init fails has used up its candidates and refuses every key after: one init
   * with a valid key here keeps a bad key in a later call from spoiling the thread's Cipher.
   */
  private static Cipher settled(Cipher cipher) throws GeneralSecurityException {
    cipher.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(new byte[16], "AES"),
        new IvParameterSpec(new byte[IV_SIZE_BYTES]));
    return cipher;
  }

  /** Fills {@code bytes} from the thread's DRBG. */
  void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }

  /** A fresh random IV into {@code iv}; each one is handed out once. */
  void nextIv(byte[] iv) {
    if (nextIvOffset == ivs.length) {
      random.nextBytes(ivs);
      nextIvOffset = 0;
    }
    System.arraycopy(ivs, nextIvOffset, iv, 0, IV_SIZE_BYTES);
    // Cleared as they are taken, so no IV is left behind once used.
    Arrays.fill(ivs, nextIvOffset, nextIvOffset + IV_SIZE_BYTES, (byte) 0);
    nextIvOffset += IV_SIZE_BYTES;
  }

  SealBuffer sealBuffer() {
    return sealBuffer;
  }

  /** HMAC-SHA256 of {@code data}'s first {@code length} bytes. */
  byte[] hmacSha256(byte[] key, byte[] data, int length) {
    try {
      hmacSha256.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC accepts a key of any length", e);
    }
    hmacSha256.update(data, 0, length);
    return hmacSha256.doFinal();
  }

  /**
   * HMAC-SHA1 of {@code data}. Pass the same array for the same key on every call: the Mac keeps
   * the last key it was given (compared by identity) and skips its init for it.
   *
   * @param key the HMAC key, not empty; neither array is modified
   */
  public byte[] hmacSha1(byte[] key, byte[] data) {
    return keyedHmacSha1(key).doFinal(data);
  }

  /**
   * PBKDF2-HMAC-SHA1 (RFC 8018, section 5.2), composed here over the thread's HmacSHA1 rather than
   * taken from SecretKeyFactory, so the Mac stays keyed with the password from one derivation to
   * the next; a test checks it against the JCA's {@code PBKDF2WithHmacSHA1}.
   */
  byte[] pbkdf2HmacSha1(byte[] password, byte[] salt, int iterations, int keySizeBytes) {
    Mac prf = keyedHmacSha1(password);
    byte[] derived = new byte[keySizeBytes];
    int blocks = (keySizeBytes + SHA1_SIZE_BYTES - 1) / SHA1_SIZE_BYTES;
    for (int block = 1; block <= blocks; block++) {
      prf.update(salt);
      prf.update(
          new byte[] {
            (byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block
          });
      byte[] u = prf.doFinal();
      byte[] t = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = prf.doFinal(u);
        for (int j = 0; j < t.length; j++) {
          t[j] ^= u[j];
        }
      }
      int offset = (block - 1) * SHA1_SIZE_BYTES;
      System.arraycopy(t, 0, derived, offset, Math.min(SHA1_SIZE_BYTES, keySizeBytes - offset));
    }
    return derived;
  }

  private Mac keyedHmacSha1(byte[] key) {
    if (key != hmacSha1Key) {
      hmacSha1Key = null; // known only once init has succeeded
      try {
        hmacSha1.init(new SecretKeySpec(key, "HmacSHA1"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC accepts a key of any length", e);
      }
      hmacSha1Key = key;
    } else {
      // A no-op after a completed doFinal; clears whatever an interrupted call left mid-update.
      hmacSha1.reset();
    }
    return hmacSha1;
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

  /**
   * Decrypts a seal's content.
   *
   * @throws IronException with {@link IronException.Reason#DECRYPTION_FAILED} if the cipher refuses
   *     the ciphertext or its padding
   */
  byte[] decrypt(IronAlgorithm algorithm, byte[] key, byte[] iv, byte[] encrypted) {
    // The JCA returns nothing for an empty CBC ciphertext where OpenSSL (and so iron) reports a
    // bad final block; a padded ciphertext always has at least one block.
    if (algorithm == IronAlgorithm.AES_256_CBC && encrypted.length == 0) {
      throw new IronException(IronException.Reason.DECRYPTION_FAILED);
    }
    try {
      return decrypt(cipherFor(algorithm), key, iv, encrypted);
    } catch (GeneralSecurityException e) {
      throw new IronException(IronException.Reason.DECRYPTION_FAILED);
    }
  }

  /**
   * AES-CBC with PKCS#7 padding ({@code AES/CBC/PKCS5Padding}), for a key of 16, 24 or 32 bytes.
   *
   * @throws GeneralSecurityException if the ciphertext is not whole blocks or its padding is wrong
   *     (and for a key or IV of the wrong size)
   */
  public byte[] decryptAesCbc(byte[] key, byte[] iv, byte[] encrypted)
      throws GeneralSecurityException {
    return decrypt(aesCbc, key, iv, encrypted);
  }

  private static byte[] decrypt(Cipher cipher, byte[] key, byte[] iv, byte[] encrypted)
      throws GeneralSecurityException {
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    return cipher.doFinal(encrypted);
  }

  private Cipher cipherFor(IronAlgorithm algorithm) {
    return algorithm == IronAlgorithm.AES_256_CBC ? aesCbc : aesCtr;
  }
}

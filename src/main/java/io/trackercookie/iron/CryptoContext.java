package io.trackercookie.iron;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One thread's reusable JCA objects, for every codec: creating them costs more than the work they
 * do. The thread has its own SecureRandom too: the platform's default one is shared by every
 * thread behind a lock, and on Linux reads the kernel's pool every few calls, which under
 * concurrent requests made salts and IVs a point of contention. Everything iron keeps per thread
 * is here, behind one ThreadLocal: a server's worker threads keep their ThreadLocals in small
 * open-addressed tables shared with the server's own hottest lookups, so the codec takes one slot.
 *
 * <p>Every method leaves its objects ready for the next call, whatever it threw: Macs are reset
 * before use, the CBC encryptor is initialised again after any failure, and the other Ciphers are
 * initialised for each call.
 */
final class CryptoContext {

  private static final ThreadLocal<CryptoContext> PER_THREAD = ThreadLocal.withInitial(CryptoContext::new);

  static final int IV_SIZE_BYTES = 16;
  // IVs are drawn this many at a time: each DRBG call has a fixed cost (its lock, its state
  // update) that was a fifth of a seal with reused salts. IVs need to be unpredictable, not
  // secret, so holding the next few in memory gives nothing away.
  private static final int IVS_PER_DRAW = 64;
  private static final byte[] ZERO_IV = new byte[IV_SIZE_BYTES];

  final SecureRandom random;
  private final Mac hmacSha256;
  private final Mac hmacSha1;
  private final Cipher aesCbc;
  private final Cipher aesCtr;
  // Encrypts AES-256-CBC without a Cipher.init per seal under a held key (fresh salts bring a new
  // key, and an init): it stays initialised with the key in use and an all-zero IV, and each
  // seal's IV is folded into its first block instead, which CBC makes the same ciphertext (the
  // first block is E(K, P1 xor IV) either way, and each later block chains on the one before).
  // Cipher.init's path was the costliest part of a seal once the caches were cold, as they are
  // between a server's requests: about 2 µs, against 0.5 µs for the encryption.
  private final Cipher aesCbcEncryptor;
  private byte[] aesCbcEncryptorKey; // the key it holds: a reused salt pair's is the same array every seal
  private final byte[] ivs = new byte[IVS_PER_DRAW * IV_SIZE_BYTES];
  private final SealBuffer sealBuffer = new SealBuffer();
  private int nextIvOffset = ivs.length;
  // The keys the Macs hold: a reused salt pair's key is the same array on every seal, a
  // password's bytes the same array on every derivation, and doFinal leaves a Mac ready for the
  // same key, so init is skipped for it.
  private byte[] hmacSha256Key;
  private byte[] hmacSha1Key;

  /** The calling thread's context. */
  static CryptoContext forCurrentThread() {
    return PER_THREAD.get();
  }

  CryptoContext() {
    try {
      // NIST SP 800-90A DRBG (SHA-256 Hash_DRBG by default), seeded from the platform's entropy
      // source when the context is made, and reseeded by the JDK on its own schedule.
      random = SecureRandom.getInstance("DRBG");
      hmacSha256 = Mac.getInstance("HmacSHA256");
      hmacSha1 = Mac.getInstance("HmacSHA1");
      aesCbc = Cipher.getInstance(IronAlgorithm.AES_256_CBC.transformation());
      aesCbcEncryptor = Cipher.getInstance("AES/CBC/NoPadding");
      // Settles its provider now: a Cipher whose first init fails never picks one, and would
      // refuse every key after.
      aesCbcEncryptor.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new IvParameterSpec(ZERO_IV));
      aesCtr = Cipher.getInstance(IronAlgorithm.AES_128_CTR.transformation());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES, HmacSHA1 and HmacSHA256 are required of every Java platform", e);
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

  SealBuffer sealBuffer() {
    return sealBuffer;
  }

  byte[] hmacSha256(byte[] key, byte[] base) {
    return hmacSha256(key, base, base.length);
  }

  /** The HMAC of {@code base}'s first {@code length} bytes. */
  byte[] hmacSha256(byte[] key, byte[] base, int length) {
    if (key != hmacSha256Key) {
      hmacSha256Key = null; // known only once init has succeeded
      init(hmacSha256, key);
      hmacSha256Key = key;
    } else {
      // A no-op after a completed doFinal; clears what an interrupted caller left mid-update.
      hmacSha256.reset();
    }
    hmacSha256.update(base, 0, length);
    return hmacSha256.doFinal();
  }

  /** PBKDF2's PRF keyed with a password's bytes (for a password, the same array on every call). */
  Mac pbkdf2Prf(byte[] password) {
    if (password != hmacSha1Key) {
      hmacSha1Key = null;
      init(hmacSha1, password);
      hmacSha1Key = password;
    } else {
      hmacSha1.reset();
    }
    return hmacSha1;
  }

  private static void init(Mac mac, byte[] key) {
    try {
      mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("An HMAC accepts a key of any length", e);
    }
  }

  byte[] encrypt(IronAlgorithm algorithm, byte[] key, byte[] iv, byte[] plaintext) {
    if (algorithm == IronAlgorithm.AES_256_CBC) {
      return encryptCbc(key, iv, plaintext);
    }
    Cipher cipher = cipherFor(algorithm);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES with a valid key and IV cannot fail to encrypt", e);
    }
  }

  /** AES-256-CBC with PKCS#7 padding, as {@code AES/CBC/PKCS5Padding} under {@code iv} gives it. */
  private byte[] encryptCbc(byte[] key, byte[] iv, byte[] plaintext) {
    int padding = IV_SIZE_BYTES - plaintext.length % IV_SIZE_BYTES; // 1 to 16 bytes, each its count
    byte[] blocks = Arrays.copyOf(plaintext, plaintext.length + padding);
    Arrays.fill(blocks, plaintext.length, blocks.length, (byte) padding);
    for (int i = 0; i < IV_SIZE_BYTES; i++) {
      blocks[i] ^= iv[i];
    }
    try {
      if (key != aesCbcEncryptorKey) {
        aesCbcEncryptorKey = null; // known only once init has succeeded
        aesCbcEncryptor.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(ZERO_IV));
        aesCbcEncryptorKey = key;
      }
      // In place (the JCA's doFinal is copy-safe), and it leaves the Cipher as init did: this key,
      // the zero IV.
      aesCbcEncryptor.doFinal(blocks, 0, blocks.length, blocks, 0);
      return blocks;
    } catch (GeneralSecurityException e) {
      aesCbcEncryptorKey = null;
      throw new IllegalStateException("AES with a valid key and whole blocks cannot fail to encrypt", e);
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

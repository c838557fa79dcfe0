package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The per-thread JCA objects: one context per thread, the JCA's own results, always ready. */
class CryptoContextTest {

  private static final String PASSWORD = "crypto-context-password-0123456789-abcdefgh";

  @Test
  void eachThread_hasItsOwnContext_andKeepsIt() throws Exception {
    CryptoContext mine = CryptoContext.forCurrentThread();
    assertSame(mine, CryptoContext.forCurrentThread());
    CryptoContext[] other = new CryptoContext[1];
    Thread thread = new Thread(() -> other[0] = CryptoContext.forCurrentThread());
    thread.start();
    thread.join();
    assertNotSame(mine, other[0]);
  }

  @Test
  void pbkdf2_matchesTheJcasPbkdf2WithHmacSha1_overTheSaltsHexText() throws Exception {
    // iron's derivation: the salt is the hex TEXT's bytes, one iteration, a 32-byte key. Other
    // iteration counts and lengths (a partial last block, several blocks) check the composition.
    String salt = "0cdd607945dd1dffb7da0b0bf5f1a7daa6218cbae14cac51dcbd91fb077aeb5b";
    byte[] saltText = salt.getBytes(StandardCharsets.US_ASCII);
    byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
    CryptoContext context = new CryptoContext();
    for (int iterations : new int[] {1, 2, 5}) {
      for (int keySizeBytes : new int[] {16, 20, 32, 64}) {
        byte[] expected =
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(
                    new PBEKeySpec(PASSWORD.toCharArray(), saltText, iterations, keySizeBytes * 8))
                .getEncoded();
        assertArrayEquals(
            expected,
            context.pbkdf2HmacSha1(password, saltText, iterations, keySizeBytes),
            iterations + " iterations, " + keySizeBytes + " bytes");
      }
    }
  }

  @Test
  void pbkdf2AndHmacSha1_sharingOneMac_eachUseTheirOwnKey() throws Exception {
    // The legacy decoder's HMAC-SHA1 and iron's PBKDF2 take turns with the thread's one HmacSHA1.
    byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
    byte[] legacySecret = "a-legacy-cookie-sessions-secret".getBytes(StandardCharsets.UTF_8);
    byte[] salt = "ab12".getBytes(StandardCharsets.US_ASCII);
    byte[] data = "1700000000000cafe".getBytes(StandardCharsets.US_ASCII);
    byte[] expectedKey = new CryptoContext().pbkdf2HmacSha1(password, salt, 1, 32);
    byte[] expectedMac = jcaHmacSha1(legacySecret, data);

    CryptoContext context = new CryptoContext();
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(expectedKey, context.pbkdf2HmacSha1(password, salt, 1, 32));
      assertArrayEquals(expectedKey, context.pbkdf2HmacSha1(password, salt, 1, 32)); // the held key
      assertArrayEquals(expectedMac, context.hmacSha1(legacySecret, data));
      assertArrayEquals(expectedMac, context.hmacSha1(legacySecret.clone(), data)); // an equal key
    }
  }

  @Test
  void encryptAndDecrypt_areTheJcasOwnCbcAndCtr() throws Exception {
    Random random = new Random(7);
    CryptoContext context = new CryptoContext();
    for (IronAlgorithm algorithm : IronAlgorithm.values()) {
      for (int length = 0; length <= 33; length++) {
        byte[] key = new byte[algorithm.keySizeBytes()];
        byte[] iv = new byte[CryptoContext.IV_SIZE_BYTES];
        byte[] plaintext = new byte[length];
        random.nextBytes(key);
        random.nextBytes(iv);
        random.nextBytes(plaintext);
        byte[] encrypted = context.encrypt(algorithm, key, iv, plaintext);
        assertArrayEquals(
            jca(algorithm, Cipher.ENCRYPT_MODE, key, iv, plaintext),
            encrypted,
            algorithm + " " + length);
        if (length > 0 || algorithm == IronAlgorithm.AES_128_CTR) {
          assertArrayEquals(
              plaintext, context.decrypt(algorithm, key, iv, encrypted), algorithm + " " + length);
        }
      }
    }
  }

  @Test
  void cbcDecryption_refusesAnEmptyCiphertextAsOpenSslDoes() {
    IronException e =
        assertThrows(
            IronException.class,
            () ->
                new CryptoContext()
                    .decrypt(IronAlgorithm.AES_256_CBC, new byte[32], new byte[16], new byte[0]));
    assertEquals(IronException.Reason.DECRYPTION_FAILED, e.reason());
  }

  @Test
  void aFailedEncryption_leavesTheContextEncryptingWithTheNextKey() throws Exception {
    CryptoContext context = new CryptoContext();
    byte[] key = new byte[32];
    byte[] iv = new byte[CryptoContext.IV_SIZE_BYTES];
    byte[] plaintext = "{\"visits\":1}".getBytes(StandardCharsets.US_ASCII);
    // A failed init (no AES key has 7 bytes) must not stop the Cipher taking the next key.
    assertThrows(
        IllegalStateException.class,
        () -> context.encrypt(IronAlgorithm.AES_256_CBC, new byte[7], iv, plaintext));
    assertArrayEquals(
        jca(IronAlgorithm.AES_256_CBC, Cipher.ENCRYPT_MODE, key, iv, plaintext),
        context.encrypt(IronAlgorithm.AES_256_CBC, key, iv, plaintext));
  }

  @Test
  void aFailedDecryption_leavesTheContextDecryptingWithTheNextKey() throws Exception {
    CryptoContext context = new CryptoContext();
    byte[] key = new byte[24]; // AES-192, as the legacy decoder uses it
    byte[] iv = new byte[CryptoContext.IV_SIZE_BYTES];
    byte[] plaintext = "{\"visits\":1}".getBytes(StandardCharsets.US_ASCII);
    byte[] encrypted = jca(IronAlgorithm.AES_256_CBC, Cipher.ENCRYPT_MODE, key, iv, plaintext);
    assertThrows(
        GeneralSecurityException.class, () -> context.decryptAesCbc(new byte[7], iv, encrypted));
    byte[] badPadding = encrypted.clone();
    badPadding[badPadding.length - 1] ^= 1;
    assertThrows(GeneralSecurityException.class, () -> context.decryptAesCbc(key, iv, badPadding));
    assertArrayEquals(plaintext, context.decryptAesCbc(key, iv, encrypted));
  }

  private static byte[] jca(IronAlgorithm algorithm, int mode, byte[] key, byte[] iv, byte[] input)
      throws Exception {
    Cipher cipher = Cipher.getInstance(algorithm.transformation());
    cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    return cipher.doFinal(input);
  }

  private static byte[] jcaHmacSha1(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(key, "HmacSHA1"));
    return mac.doFinal(data);
  }

  @Test
  void afterAFailedOpen_theContextStillSealsAndOpens() {
    IronCodec codec = IronCodec.create(PASSWORD);
    String sealed = codec.seal("{\"visits\":1}");
    String tampered = sealed.substring(0, sealed.length() - 1) + (sealed.endsWith("A") ? "B" : "A");
    for (int i = 0; i < 3; i++) {
      assertThrows(IronException.class, () -> codec.unseal(tampered));
      assertEquals("{\"visits\":1}", codec.unseal(codec.seal("{\"visits\":1}")));
    }
  }

  @Test
  void manyThreadsSealingAndOpeningAtOnce_eachGetTheirOwnResult() throws Exception {
    IronCodec codec = IronCodec.create(PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int opened = 0;
                  for (int i = 0; i < 200; i++) {
                    String json = "{\"thread\":" + thread + ",\"i\":" + i + "}";
                    assertEquals(json, codec.unseal(codec.seal(json)));
                    opened++;
                  }
                  return opened;
                }));
      }
      for (Future<Integer> result : results) {
        assertEquals(200, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

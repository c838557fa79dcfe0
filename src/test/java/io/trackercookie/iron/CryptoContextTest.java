package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The per-thread JCA objects: one context per thread, always ready for the next call. */
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
  void aPrfLeftMidUpdate_isResetForTheNextCaller() {
    byte[] password = Utf8.encode(PASSWORD);
    byte[] block = "salt\0\0\0\1".getBytes(StandardCharsets.US_ASCII);
    byte[] expected = new CryptoContext().pbkdf2Prf(password).doFinal(block);

    CryptoContext context = new CryptoContext();
    // A caller interrupted between update and doFinal leaves bytes in the Mac.
    context.pbkdf2Prf(password).update(new byte[] {1, 2, 3});
    assertArrayEquals(expected, context.pbkdf2Prf(password).doFinal(block));
  }

  @Test
  void macsKeyedInTurnWithDifferentKeys_eachUseTheirOwnKey() {
    byte[] first = new byte[32];
    byte[] second = new byte[32];
    second[0] = 1;
    byte[] base = "Fe26.2**base".getBytes(StandardCharsets.US_ASCII);
    byte[] firstMac = new CryptoContext().hmacSha256(first, base);
    byte[] secondMac = new CryptoContext().hmacSha256(second, base);

    CryptoContext context = new CryptoContext();
    assertArrayEquals(firstMac, context.hmacSha256(first, base));
    assertArrayEquals(secondMac, context.hmacSha256(second, base));
    assertArrayEquals(firstMac, context.hmacSha256(first, base));
    assertArrayEquals(firstMac, context.hmacSha256(first, base)); // the held key, no init
  }

  @Test
  void cbcEncryption_withTheIvFoldedIn_isExactlyTheJcasPaddedCbc() throws Exception {
    Random random = new Random(7);
    byte[] first = new byte[32];
    byte[] second = new byte[32];
    random.nextBytes(first);
    random.nextBytes(second);
    CryptoContext context = new CryptoContext();
    // Every padding length (1 to 16 bytes); a key held across calls (the codec hands out a reused
    // key as the same array every time), keys taken in turn, and an equal key in a new array.
    for (int length = 0; length <= 48; length++) {
      for (byte[] key : new byte[][] {first, first, second, first, second.clone()}) {
        byte[] iv = new byte[CryptoContext.IV_SIZE_BYTES];
        byte[] plaintext = new byte[length];
        random.nextBytes(iv);
        random.nextBytes(plaintext);
        byte[] plaintextBefore = plaintext.clone();
        byte[] ivBefore = iv.clone();
        assertArrayEquals(jcaPaddedCbc(key, iv, plaintext), context.encrypt(IronAlgorithm.AES_256_CBC, key, iv, plaintext),
            "length " + length);
        assertArrayEquals(plaintextBefore, plaintext, "the plaintext is left as it was");
        assertArrayEquals(ivBefore, iv, "the IV is left as it was");
      }
    }
  }

  @Test
  void aFailedCbcEncryption_leavesTheContextEncryptingWithTheNextKey() throws Exception {
    CryptoContext context = new CryptoContext();
    byte[] key = new byte[32];
    byte[] iv = new byte[CryptoContext.IV_SIZE_BYTES];
    byte[] plaintext = "{\"visits\":1}".getBytes(StandardCharsets.US_ASCII);
    assertThrows(IllegalStateException.class,
        () -> context.encrypt(IronAlgorithm.AES_256_CBC, new byte[7], iv, plaintext)); // no AES key
    assertArrayEquals(jcaPaddedCbc(key, iv, plaintext), context.encrypt(IronAlgorithm.AES_256_CBC, key, iv, plaintext));
  }

  private static byte[] jcaPaddedCbc(byte[] key, byte[] iv, byte[] plaintext) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    return cipher.doFinal(plaintext);
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
        results.add(pool.submit(() -> {
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

package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Keys derived from the passwords for another use: labelled, ordered, never the secret. */
class DerivedKeysTest {

  private static final String A = "gQ7vN2kXc9TzR4wLpB8hYs3mDf6JuEa1Ko5xWn0iCtV";
  private static final String B = "Zr4HqP9sLm2VbX7cNt1WyKe6GdJ3uFo8Ai5RzQw0Es_";

  private static byte[] hmacSha256(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPasswordsKey_isHmacSha256OfTheLabel_keyedWithItsUtf8() throws Exception {
    List<byte[]> keys = IronPasswords.single(A).derivedKeys("label");
    assertEquals(1, keys.size());
    assertArrayEquals(hmacSha256(A.getBytes(StandardCharsets.UTF_8), "label"), keys.get(0));
    assertFalse(Arrays.equals(A.getBytes(StandardCharsets.UTF_8), keys.get(0)), "never the secret");
  }

  @Test
  void anotherLabel_givesAnotherKey() {
    IronPasswords passwords = IronPasswords.single(A);
    assertFalse(
        Arrays.equals(passwords.derivedKeys("one").get(0), passwords.derivedKeys("two").get(0)));
  }

  @Test
  void aKeyring_givesTheSealingPasswordsKeyFirst() throws Exception {
    IronPasswords ring = IronPasswords.builder().accept("k1", A).current("k2", B).build();
    List<byte[]> keys = ring.derivedKeys("label");
    assertEquals(2, keys.size());
    assertEquals(
        HexFormat.of().formatHex(hmacSha256(B.getBytes(StandardCharsets.UTF_8), "label")),
        HexFormat.of().formatHex(keys.get(0)));
    assertEquals(
        HexFormat.of().formatHex(hmacSha256(A.getBytes(StandardCharsets.UTF_8), "label")),
        HexFormat.of().formatHex(keys.get(1)));
  }

  @Test
  void aRawKey_keysTheHmacAsItStands() throws Exception {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 7);
    assertArrayEquals(
        hmacSha256(raw, "label"),
        IronPasswords.single(IronSecret.rawKey(raw)).derivedKeys("label").get(0));
  }
}

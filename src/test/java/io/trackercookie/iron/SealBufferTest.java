package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte buffer seals are written into: its base64url must be the JDK's, byte for byte. */
class SealBufferTest {

  @Test
  void base64Url_isTheJdksUnpaddedUrlAlphabet_forEveryLengthAndRemainder() {
    Random random = new Random(7);
    Base64.Encoder jdk = Base64.getUrlEncoder().withoutPadding();
    SealBuffer buffer = new SealBuffer();
    for (int length = 0; length <= 300; length++) {
      for (int trial = 0; trial < 5; trial++) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        buffer.clear().append("Fe26.2*");
        assertEquals(
            "Fe26.2*" + jdk.encodeToString(data),
            buffer.appendBase64Url(data).toString(),
            "length " + length);
      }
    }
  }

  @Test
  void allByteValues_mapToTheirCharacters() {
    byte[] every = new byte[256 * 3];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) (i / 3);
    }
    assertEquals(
        Base64.getUrlEncoder().withoutPadding().encodeToString(every),
        new SealBuffer().appendBase64Url(every).toString());
  }

  @Test
  void aBufferGrownByALargeSeal_writesTheNextSealFromItsStart() {
    SealBuffer buffer = new SealBuffer();
    buffer.append("x".repeat(40_000));
    assertEquals(40_000, buffer.length());
    assertEquals("Fe26.2*1", buffer.clear().append("Fe26.2*").append(1L).toString());
  }
}

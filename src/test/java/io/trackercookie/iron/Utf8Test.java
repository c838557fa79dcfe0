package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one strict UTF-8 reader that the codec, the legacy decoder and the CLI share. */
class Utf8Test {

  @Test
  void decodeStrict_readsWellFormedText_includingARealReplacementCharacter() throws Exception {
    for (String text : new String[] {"", "{\"a\":1}", "caf\u00e9", "\ud83d\ude00", "a \ufffd b"}) {
      assertEquals(text, Utf8.decodeStrict(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void decodeStrict_refusesEveryMalformedSequence() {
    byte[][] malformed = {
      {(byte) 0xFF}, // never valid
      {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate (U+D800)
      {(byte) 0xE2, (byte) 0x82}, // truncated
      {'a', (byte) 0x80}, // a lone continuation byte
    };
    for (byte[] bytes : malformed) {
      assertThrows(CharacterCodingException.class, () -> Utf8.decodeStrict(bytes));
    }
  }

  @Test
  void encode_writesALoneSurrogateAsNodeDoes() {
    assertEquals("?\ufffd", new String(Utf8.encode("?\ud800"), StandardCharsets.UTF_8));
    assertEquals("{\"a\":\"\ufffd\"}", Utf8.encodeWithText("{\"a\":\"\udc00\"}").decodesTo());
  }
}

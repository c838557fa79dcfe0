package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.internal.seal.TrackerJson;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionMetadataTest {

  private static ObjectNode parse(String json) throws Exception {
    return (ObjectNode) TrackerJson.WIRE.readTree(json);
  }

  @Test
  void aNonce_isReadFromTheReservedObject() throws Exception {
    ObjectNode content = parse("{\"$tracker\":{\"csrf\":\"abc\"},\"a\":1}");
    assertEquals(Optional.of("abc"), SessionMetadata.in(content).csrfNonce());
  }

  @Test
  void aReservedValueThatIsNoObject_readsAsNoMetadata() throws Exception {
    assertSame(SessionMetadata.NONE, SessionMetadata.in(parse("{\"$tracker\":\"x\"}")));
    assertSame(SessionMetadata.NONE, SessionMetadata.in(parse("{\"$tracker\":{}}")));
    assertSame(SessionMetadata.NONE, SessionMetadata.in(parse("{\"a\":1}")));
    assertEquals(
        Optional.empty(), SessionMetadata.in(parse("{\"$tracker\":{\"csrf\":5}}")).csrfNonce());
  }

  @Test
  void fieldsOfALaterVersion_areKeptWhenTheNonceChanges() throws Exception {
    SessionMetadata read = SessionMetadata.in(parse("{\"$tracker\":{\"csrf\":\"a\",\"next\":7}}"));
    SessionMetadata renewed = read.withCsrfNonce("b");
    assertEquals("{\"csrf\":\"b\",\"next\":7}", renewed.toNode().toString());
    assertEquals(Optional.of("a"), read.csrfNonce(), "immutable");
  }

  @Test
  void theMetadata_isACopy_notTheSharedContent() throws Exception {
    ObjectNode content = parse("{\"$tracker\":{\"csrf\":\"a\"}}");
    SessionMetadata.in(content).toNode().put("csrf", "changed");
    ((ObjectNode) content.get("$tracker")).put("csrf", "changed too");
    assertEquals("{\"csrf\":\"changed too\"}", content.get("$tracker").toString());
    assertEquals(
        Optional.of("a"), SessionMetadata.in(parse("{\"$tracker\":{\"csrf\":\"a\"}}")).csrfNonce());
  }

  @Test
  void visible_leavesTheKeyOut_withoutWritingTheContent() throws Exception {
    ObjectNode content = parse("{\"a\":1,\"$tracker\":{\"csrf\":\"a\"},\"b\":2}");
    assertEquals("{\"a\":1,\"b\":2}", SessionMetadata.visible(content).toString());
    assertTrue(content.has("$tracker"));
    ObjectNode without = parse("{\"a\":1}");
    assertSame(without, SessionMetadata.visible(without));
  }

  @Test
  void toString_namesFieldsOnly() throws Exception {
    String text = SessionMetadata.in(parse("{\"$tracker\":{\"csrf\":\"s3cret\"}}")).toString();
    assertEquals("SessionMetadata[csrf]", text);
    assertFalse(text.contains("s3cret"));
  }
}

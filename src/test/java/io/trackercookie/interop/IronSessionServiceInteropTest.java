package io.trackercookie.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackercookie.PayloadFormat;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.IronPasswords;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cookies cross between the real iron-session 8 (through the Node bridge's sealData/unsealData) and
 * the Java service over HTTP, both ways, with a plain password and with numeric key rotation.
 * Skipped, not passed, without Node.
 */
class IronSessionServiceInteropTest {

  private static final String NAME = "persistent-information";
  private static final String PASSWORD = TestConfigs.PASSWORD;
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final NodeScript<NodeBridge> BRIDGE = NodeScript.bridge();

  private static String nodeSeals(JsonNode password, String json) throws Exception {
    ObjectNode request = BRIDGE.get().request("sessionSeal");
    request.set("password", password);
    request.set("data", JSON.readTree(json));
    return BRIDGE.get().call(request).orFail().get("sealed").asText();
  }

  private static JsonNode nodeUnseals(JsonNode password, String sealed) {
    ObjectNode request = BRIDGE.get().request("sessionUnseal").put("sealed", sealed);
    request.set("password", password);
    return BRIDGE.get().call(request).orFail().get("data");
  }

  private static TestServer javaService(TrackerConfig config) {
    return new TestServer(() -> TestConfigs.app(config));
  }

  @Test
  void sessionSealedByIronSession_isReadByTheJavaService_inEveryFormat() throws Exception {
    String sealed = nodeSeals(TextNode.valueOf(PASSWORD), "{\"user\":\"alice\",\"n\":[1,2]}");
    for (PayloadFormat format : PayloadFormat.values()) {
      try (TestServer java = javaService(TestConfigs.builder().payloadFormat(format).build())) {
        RawHttp.Response response = java.get("/read", "Cookie: " + NAME + "=" + sealed);
        assertEquals(
            JSON.readTree("{\"user\":\"alice\",\"n\":[1,2]}"),
            JSON.readTree(response.body()),
            format.name());
      }
    }
  }

  @Test
  void cookieWrittenByTheJavaServiceInIronSessionFormat_isUnsealedByIronSession() throws Exception {
    try (TestServer java =
        javaService(TestConfigs.builder().payloadFormat(PayloadFormat.IRON_SESSION).build())) {
      String value = java.get("/put?k=user&v=b%C3%B6b").cookieValue(NAME);
      assertTrue(value.endsWith("~2"), value);
      assertEquals(
          JSON.readTree("{\"user\":\"b\u00f6b\"}"), nodeUnseals(TextNode.valueOf(PASSWORD), value));
    }
  }

  @Test
  void numericRotation_nodeAndJavaAgreeOnWhichIdSeals_andJavaResealsTheOlderOne() throws Exception {
    JsonNode nodeOld = NodeBridge.passwordMap(Map.of("1", PASSWORD));
    JsonNode nodeNew = NodeBridge.passwordMap(Map.of("2", TestConfigs.OTHER_PASSWORD));
    JsonNode nodeBoth =
        NodeBridge.passwordMap(Map.of("1", PASSWORD, "2", TestConfigs.OTHER_PASSWORD));
    TrackerConfig config =
        TrackerConfig.builder()
            .payloadFormat(PayloadFormat.IRON_SESSION)
            .passwords(
                IronPasswords.builder()
                    .current("2", TestConfigs.OTHER_PASSWORD)
                    .accept("1", PASSWORD)
                    .build())
            .build();
    try (TestServer java = javaService(config)) {
      String fromNodeNew = nodeSeals(nodeBoth, "{\"user\":\"new\"}");
      RawHttp.Response readNew = java.get("/read", "Cookie: " + NAME + "=" + fromNodeNew);
      assertEquals("{\"user\":\"new\"}", readNew.body());
      assertTrue(readNew.setCookies().isEmpty(), "both seal with id 2, the highest");

      String fromNodeOld = nodeSeals(nodeOld, "{\"user\":\"old\"}");
      RawHttp.Response readOld = java.get("/read", "Cookie: " + NAME + "=" + fromNodeOld);
      assertEquals("{\"user\":\"old\"}", readOld.body());
      String resealed = readOld.cookieValue(NAME);
      assertEquals(
          JSON.readTree("{\"user\":\"old\"}"),
          nodeUnseals(nodeNew, resealed),
          "resealed with id 2, which a node that dropped id 1 reads");
    }
  }
}

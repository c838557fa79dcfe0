package io.trackercookie.interop;

import static io.trackercookie.interop.JsonValues.assertSameJson;
import static io.trackercookie.interop.NodeBridge.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackercookie.interop.NodeBridge.Response;
import io.trackercookie.iron.IronAlgorithm;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.iron.Unsealed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Wire compatibility with the real npm code, both ways: seals made by this codec open in
 *
 * @hapi/iron 7.0.1 (and iron-session 8 on iron-webcrypto) to the same JSON value, and theirs open
 *     here. Skipped, not passed, when Node or the installed npm packages are missing.
 *     <p>Expirations come from real time on the Node side (iron has no clock to set), so the tests
 *     with a ttl use margins of minutes.
 */
class IronNodeInteropTest {

  private static final long SEED = 0x7ac4_c00c_1e5eL;
  private static final int PAYLOADS = 300;
  private static final int MAX_PAYLOAD_BYTES = 3 * 1024;
  private static final int BATCH = 60;

  private static final String PASSWORD = "interop-password-0123456789-abcdefghij";
  private static final String PASSWORD_V1 = "rotation-password-v1-0123456789-abcdefgh";
  private static final String PASSWORD_V2 = "rotation-password-v2-0123456789-abcdefgh";
  private static final String OTHER_PASSWORD = "some-other-password-0123456789-abcdefgh";

  @RegisterExtension static final NodeScript<NodeBridge> NODE = NodeScript.bridge();

  // ---- random payloads, string password ----

  @Test
  void javaSeals_nodeUnsealsToTheSameValue_forRandomPayloads() {
    IronCodec codec = IronCodec.create(PASSWORD);
    List<JsonNode> payloads = payloads(SEED, PAYLOADS);
    assertTrue(
        payloads.stream().anyMatch(p -> utf8Length(p) > 2048),
        "the generator should produce payloads of more than 2 KB");
    assertJavaToNode(codec, payloads, JSON.getNodeFactory().textNode(PASSWORD), null);
  }

  @Test
  void javaSealsWithReusedSalts_nodeUnsealsToTheSameValue() {
    IronCodec codec =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder().saltReuse(1000, java.time.Duration.ofMinutes(5)).build());
    List<JsonNode> payloads = payloads(SEED + 7, BATCH);
    assertJavaToNode(codec, payloads, JSON.getNodeFactory().textNode(PASSWORD), null);
  }

  @Test
  void nodeSeals_javaUnsealsToJsonStringifyText_forRandomPayloads() {
    IronCodec codec = IronCodec.create(PASSWORD);
    assertNodeToJava(
        codec, payloads(SEED + 1, PAYLOADS), JSON.getNodeFactory().textNode(PASSWORD), null);
  }

  @Test
  void unicodePassword_isHashedAsUtf8_inBothDirections() {
    String password = "pässwörd-ünïcödé-😀-日本語-עברית-0123456789";
    IronCodec codec = IronCodec.create(password);
    List<JsonNode> payloads = payloads(SEED + 2, 20);
    JsonNode nodePassword = JSON.getNodeFactory().textNode(password);
    assertJavaToNode(codec, payloads, nodePassword, null);
    assertNodeToJava(codec, payloads, nodePassword, null);
  }

  @Test
  void wrongPassword_isRefused_inBothDirections() {
    JsonNode value = payloads(SEED + 3, 1).get(0);
    String javaSealed = IronCodec.create(PASSWORD).seal(compact(value));
    Response nodeOpen =
        NODE.get()
            .call(
                NODE.get()
                    .request("unseal")
                    .put("sealed", javaSealed)
                    .put("password", OTHER_PASSWORD));
    assertFalse(nodeOpen.ok());
    assertEquals("Bad hmac value", nodeOpen.error());

    String nodeSealed = nodeSeal(value, JSON.getNodeFactory().textNode(PASSWORD), null);
    IronException refused =
        assertThrows(
            IronException.class, () -> IronCodec.create(OTHER_PASSWORD).unseal(nodeSealed));
    assertEquals(IronException.Reason.BAD_MAC, refused.reason());
  }

  // ---- password ids and rotation ----

  @Test
  void nodeSealsWithNewId_javaKeyringAcceptingBothIds_opensItAsCurrent() {
    IronCodec keyring = IronCodec.create(rotationKeyring("v2"), IronOptions.defaults());
    JsonNode value = payloads(SEED + 4, 1).get(0);

    String sealedWithV2 = nodeSeal(value, NodeBridge.passwordWithId("v2", text(PASSWORD_V2)), null);
    Unsealed opened = keyring.open(sealedWithV2);
    assertEquals("v2", opened.passwordId());
    assertTrue(opened.sealedWithCurrentPassword());
    assertSameJson(value, parse(opened.text()), "v2 seal from Node");

    String sealedWithV1 = nodeSeal(value, NodeBridge.passwordWithId("v1", text(PASSWORD_V1)), null);
    Unsealed openedOld = keyring.open(sealedWithV1);
    assertEquals("v1", openedOld.passwordId());
    assertFalse(openedOld.sealedWithCurrentPassword(), "v1 is only accepted, v2 is current");
    assertSameJson(value, parse(openedOld.text()), "v1 seal from Node");
  }

  @Test
  void javaKeyringSealsWithCurrentId_nodeOpensWithItsPasswordMap() {
    List<JsonNode> payloads = payloads(SEED + 5, 20);
    ObjectNode both = NodeBridge.passwordMap(Map.of("v1", PASSWORD_V1, "v2", PASSWORD_V2));
    IronCodec sealingWithV2 = IronCodec.create(rotationKeyring("v2"), IronOptions.defaults());
    IronCodec sealingWithV1 = IronCodec.create(rotationKeyring("v1"), IronOptions.defaults());

    assertTrue(sealingWithV2.seal("{}").startsWith("Fe26.2*v2*"));
    assertJavaToNode(sealingWithV2, payloads, both, null);
    assertJavaToNode(sealingWithV1, payloads, both, null);

    // A Node app that has not learned the new password yet cannot open the new seals.
    Response missing =
        NODE.get()
            .call(
                NODE.get()
                    .request("unseal")
                    .put("sealed", sealingWithV2.seal(compact(payloads.get(0))))
                    .set("password", NodeBridge.passwordMap(Map.of("v1", PASSWORD_V1))));
    assertFalse(missing.ok());
    assertEquals("Cannot find password: v2", missing.error());
  }

  @Test
  void javaSealWithoutId_opensInNodeUnderTheDefaultKey_andNodeSealWithoutIdOpensInJavaKeyring() {
    JsonNode value = payloads(SEED + 6, 1).get(0);
    String javaSealed = IronCodec.create(PASSWORD).seal(compact(value));
    assertTrue(javaSealed.startsWith("Fe26.2**"), "a plain password puts no id in the seal");
    JsonNode opened =
        NODE.get()
            .call(
                NODE.get()
                    .request("unseal")
                    .put("sealed", javaSealed)
                    .set("password", NodeBridge.passwordMap(Map.of("default", PASSWORD))))
            .orFail();
    assertSameJson(value, opened.get("value"), "Java seal without id, Node map with default");

    String nodeSealed = nodeSeal(value, text(PASSWORD), null);
    IronCodec keyring =
        IronCodec.create(
            IronPasswords.builder()
                .current("v9", OTHER_PASSWORD)
                .accept("default", PASSWORD)
                .build(),
            IronOptions.defaults());
    Unsealed fromNode = keyring.open(nodeSealed);
    assertEquals("", fromNode.passwordId());
    assertSameJson(
        value, parse(fromNode.text()), "Node seal without id, Java keyring with default");
  }

  // ---- ttl, clock offset and skew ----

  @Test
  void javaSealsWithTtl_nodeSeesItValid_andExpiredOnceItsClockIsPastIt() {
    IronCodec codec =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder().ttl(Duration.ofMinutes(10)).build());
    JsonNode value = payloads(SEED + 7, 1).get(0);
    String sealed = codec.seal(compact(value));

    JsonNode opened =
        NODE.get()
            .call(NODE.get().request("unseal").put("sealed", sealed).put("password", PASSWORD))
            .orFail();
    assertSameJson(value, opened.get("value"), "Java seal with ttl");

    ObjectNode anHourLater =
        JSON.createObjectNode().put("localtimeOffsetMsec", Duration.ofHours(1).toMillis());
    Response late =
        NODE.get()
            .call(
                withOptions(
                    NODE.get().request("unseal").put("sealed", sealed).put("password", PASSWORD),
                    anHourLater));
    assertFalse(late.ok());
    assertEquals("Expired seal", late.error());
  }

  @Test
  void nodeSealsWithTtl_javaReadsTheSameExpiration_andRefusesItOnceExpired() {
    long ttlMillis = Duration.ofMinutes(10).toMillis();
    JsonNode value = payloads(SEED + 8, 1).get(0);
    long before = System.currentTimeMillis();
    String sealed = nodeSeal(value, text(PASSWORD), JSON.createObjectNode().put("ttl", ttlMillis));
    long after = System.currentTimeMillis();

    Unsealed opened = IronCodec.create(PASSWORD).open(sealed);
    long expiration = opened.expiration().orElseThrow().toEpochMilli();
    assertTrue(
        expiration >= before + ttlMillis && expiration <= after + ttlMillis,
        "expiration is Node's now + ttl");
    assertSameJson(value, parse(opened.text()), "Node seal with ttl");

    IronCodec anHourLater =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder()
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
                .build());
    IronException expired = assertThrows(IronException.class, () -> anHourLater.open(sealed));
    assertEquals(IronException.Reason.EXPIRED, expired.reason());
  }

  @Test
  void expiredWithinTheSkew_isAcceptedOnlyWithAWiderSkew_inBothDirections() {
    JsonNode value = payloads(SEED + 9, 1).get(0);
    // Expired four minutes ago: past iron's default 60 s skew, inside a 10 min one.
    Clock fiveMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), ZoneOffset.UTC);
    IronCodec pastJava =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder().clock(fiveMinutesAgo).ttl(Duration.ofMinutes(1)).build());
    String javaSealed = pastJava.seal(compact(value));

    Response strict =
        NODE.get()
            .call(NODE.get().request("unseal").put("sealed", javaSealed).put("password", PASSWORD));
    assertEquals("Expired seal", strict.error());
    JsonNode lenient =
        NODE.get()
            .call(
                withOptions(
                    NODE.get()
                        .request("unseal")
                        .put("sealed", javaSealed)
                        .put("password", PASSWORD),
                    JSON.createObjectNode().put("timestampSkewSec", 600)))
            .orFail();
    assertSameJson(value, lenient.get("value"), "Java seal inside Node's wider skew");

    String nodeSealed =
        nodeSeal(
            value,
            text(PASSWORD),
            JSON.createObjectNode()
                .put("ttl", Duration.ofMinutes(1).toMillis())
                .put("localtimeOffsetMsec", -Duration.ofMinutes(5).toMillis()));
    IronException expired =
        assertThrows(IronException.class, () -> IronCodec.create(PASSWORD).open(nodeSealed));
    assertEquals(IronException.Reason.EXPIRED, expired.reason());
    IronCodec wideSkew =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder().timestampSkew(Duration.ofMinutes(10)).build());
    assertSameJson(value, parse(wideSkew.unseal(nodeSealed)), "Node seal inside Java's wider skew");
  }

  // ---- algorithm, iterations, raw keys ----

  @Test
  void aes128Ctr_withMatchingOptions_worksInBothDirections() {
    IronCodec codec =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder().algorithm(IronAlgorithm.AES_128_CTR).build());
    ObjectNode options = JSON.createObjectNode().put("algorithm", "aes-128-ctr");
    List<JsonNode> payloads = payloads(SEED + 10, 60);
    assertJavaToNode(codec, payloads, text(PASSWORD), options);
    assertNodeToJava(codec, payloads, text(PASSWORD), options);

    // The algorithm is not in the seal: the default (aes-256-cbc) cannot read it.
    Response mismatched =
        NODE.get()
            .call(
                NODE.get()
                    .request("unseal")
                    .put("sealed", codec.seal(compact(payloads.get(0))))
                    .put("password", PASSWORD));
    assertFalse(mismatched.ok(), "aes-256-cbc cannot read an aes-128-ctr seal");
  }

  @Test
  void moreIterations_withMatchingOptions_workInBothDirections() {
    IronCodec codec =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder().encryptionIterations(3).integrityIterations(3).build());
    ObjectNode options = JSON.createObjectNode().put("iterations", 3);
    List<JsonNode> payloads = payloads(SEED + 11, 20);
    assertJavaToNode(codec, payloads, text(PASSWORD), options);
    assertNodeToJava(codec, payloads, text(PASSWORD), options);

    Response defaults =
        NODE.get()
            .call(
                NODE.get()
                    .request("unseal")
                    .put("sealed", codec.seal(compact(payloads.get(0))))
                    .put("password", PASSWORD));
    assertEquals("Bad hmac value", defaults.error());
  }

  @Test
  void rawKey_isABufferPasswordInNode_inBothDirections() {
    byte[] key = new byte[32];
    new Random(SEED).nextBytes(key);
    IronCodec codec =
        IronCodec.create(IronPasswords.single(IronSecret.rawKey(key)), IronOptions.defaults());
    List<JsonNode> payloads = payloads(SEED + 12, 40);
    assertJavaToNode(codec, payloads, NodeBridge.rawKey(key), null);
    assertNodeToJava(codec, payloads, NodeBridge.rawKey(key), null);
  }

  // ---- tracker-cookie's double encoding ----

  @Test
  void trackerCookieWay_jsonStringInsideTheSeal_worksInBothDirections() {
    IronCodec codec = IronCodec.create(PASSWORD);
    JsonValues values = new JsonValues(SEED + 13);
    List<ObjectNode> infos = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      infos.add(values.object(1500));
    }

    // Java → Node: seal JSON.stringify(JSON.stringify(info)), as res.track does through iron.
    List<ObjectNode> unseals = new ArrayList<>();
    for (ObjectNode info : infos) {
      String sealed = codec.seal(compact(TextNode.valueOf(compact(info))));
      unseals.add(
          NODE.get().request("trackerUnseal").put("sealed", sealed).put("password", PASSWORD));
    }
    List<Response> opened = batched(unseals);
    for (int i = 0; i < infos.size(); i++) {
      JsonNode result = opened.get(i).orFail();
      assertTrue(result.get("parsed").asBoolean(), "tracker-cookie parses the unsealed string");
      assertSameJson(infos.get(i), result.get("info"), "tracker-cookie info #" + i);
    }

    // Node → Java: the plaintext is a JSON string whose content is the info's JSON.
    List<ObjectNode> seals = new ArrayList<>();
    for (ObjectNode info : infos) {
      ObjectNode request = NODE.get().request("trackerSeal").put("password", PASSWORD);
      request.set("info", info);
      seals.add(request);
    }
    List<Response> sealed = batched(seals);
    for (int i = 0; i < infos.size(); i++) {
      JsonNode outer = parse(codec.unseal(sealed.get(i).orFail().get("sealed").asText()));
      assertTrue(outer.isTextual(), "tracker-cookie seals a JSON string");
      assertSameJson(infos.get(i), parse(outer.asText()), "tracker-cookie seal #" + i);
    }
  }

  // ---- iron-session 8 ----

  @Test
  void ironSessionSeal_opensInJavaAfterTheVersionSuffix_withTheHighestNumericId() {
    ObjectNode passwords = NodeBridge.passwordMap(Map.of("1", PASSWORD_V1, "2", PASSWORD_V2));
    ObjectNode data = new JsonValues(SEED + 14).object(1000);
    ObjectNode request = NODE.get().request("sessionSeal");
    request.set("password", passwords);
    request.set("data", data);
    long before = System.currentTimeMillis();
    String sealed = NODE.get().call(request).orFail().get("sealed").asText();
    long after = System.currentTimeMillis();

    assertTrue(sealed.endsWith("~2"), "iron-session 8 marks its seals ~2");
    IronCodec keyring =
        IronCodec.create(
            IronPasswords.builder().current("2", PASSWORD_V2).accept("1", PASSWORD_V1).build(),
            IronOptions.defaults());
    Unsealed opened = keyring.open(sealed.substring(0, sealed.length() - "~2".length()));
    assertEquals("2", opened.passwordId());
    long fourteenDays = Duration.ofDays(14).toMillis();
    long expiration = opened.expiration().orElseThrow().toEpochMilli();
    assertTrue(
        expiration >= before + fourteenDays && expiration <= after + fourteenDays,
        "iron-session's default ttl is 14 days");
    assertSameJson(data, parse(opened.text()), "iron-session data");
  }

  @Test
  void javaSealWithVersionSuffix_opensInIronSession_forCurrentAndOlderIds() {
    ObjectNode passwords = NodeBridge.passwordMap(Map.of("1", PASSWORD_V1, "2", PASSWORD_V2));
    IronOptions fourteenDays = IronOptions.builder().ttl(Duration.ofDays(14)).build();
    JsonValues values = new JsonValues(SEED + 15);
    for (String currentId : List.of("2", "1")) {
      IronCodec codec =
          IronCodec.create(
              IronPasswords.builder()
                  .current(currentId, "2".equals(currentId) ? PASSWORD_V2 : PASSWORD_V1)
                  .build(),
              fourteenDays);
      ObjectNode data = values.object(1000);
      ObjectNode request =
          NODE.get().request("sessionUnseal").put("sealed", codec.seal(compact(data)) + "~2");
      request.set("password", passwords);
      assertSameJson(
          data,
          NODE.get().call(request).orFail().get("data"),
          "iron-session reads id " + currentId);
    }

    // iron-session turns a seal it cannot open into an empty session rather than an error.
    IronCodec stranger =
        IronCodec.create(
            IronPasswords.builder().current("2", OTHER_PASSWORD).build(), fourteenDays);
    ObjectNode request =
        NODE.get()
            .request("sessionUnseal")
            .put("sealed", stranger.seal(compact(values.object(100))) + "~2");
    request.set("password", passwords);
    assertEquals(JSON.createObjectNode(), NODE.get().call(request).orFail().get("data"));
  }

  // ---- the bridge itself ----

  @Test
  void bridge_answersBadRequestsWithErrors_andKeepsServing() {
    Response notJson = NODE.get().sendRaw("this is not json");
    assertFalse(notJson.ok());
    Response unknown = NODE.get().call(NODE.get().request("launchRockets"));
    assertFalse(unknown.ok());
    Response missingField = NODE.get().call(NODE.get().request("unseal").put("password", PASSWORD));
    assertEquals("sealed must be a string", missingField.error());
    assertTrue(NODE.get().call(NODE.get().request("ping")).ok());
    assertTrue(NODE.get().isAlive());
  }

  // ---- helpers ----

  private void assertJavaToNode(
      IronCodec codec, List<JsonNode> payloads, JsonNode password, ObjectNode options) {
    List<ObjectNode> requests = new ArrayList<>();
    for (JsonNode payload : payloads) {
      ObjectNode request = NODE.get().request("unseal").put("sealed", codec.seal(compact(payload)));
      request.set("password", password);
      requests.add(withOptions(request, options));
    }
    List<Response> responses = batched(requests);
    for (int i = 0; i < payloads.size(); i++) {
      assertSameJson(
          payloads.get(i), responses.get(i).orFail().get("value"), "Java → Node payload #" + i);
    }
  }

  private void assertNodeToJava(
      IronCodec codec, List<JsonNode> payloads, JsonNode password, ObjectNode options) {
    List<ObjectNode> requests = new ArrayList<>();
    for (JsonNode payload : payloads) {
      ObjectNode request = NODE.get().request("seal");
      request.set("value", payload);
      request.set("password", password);
      requests.add(withOptions(request, options));
    }
    List<Response> responses = batched(requests);
    for (int i = 0; i < payloads.size(); i++) {
      JsonNode result = responses.get(i).orFail();
      String text = codec.unseal(result.get("sealed").asText());
      assertEquals(
          result.get("json").asText(), text, "Node → Java payload #" + i + ": JSON.stringify text");
      assertSameJson(payloads.get(i), parse(text), "Node → Java payload #" + i);
    }
  }

  private static List<Response> batched(List<ObjectNode> requests) {
    List<Response> responses = new ArrayList<>(requests.size());
    for (int from = 0; from < requests.size(); from += BATCH) {
      responses.addAll(
          NODE.get().batch(requests.subList(from, Math.min(requests.size(), from + BATCH))));
    }
    return responses;
  }

  private static String nodeSeal(JsonNode value, JsonNode password, ObjectNode options) {
    ObjectNode request = NODE.get().request("seal");
    request.set("value", value);
    request.set("password", password);
    return NODE.get().call(withOptions(request, options)).orFail().get("sealed").asText();
  }

  private static ObjectNode withOptions(ObjectNode request, ObjectNode options) {
    if (options != null) {
      request.set("options", options);
    }
    return request;
  }

  private static IronPasswords rotationKeyring(String currentId) {
    IronPasswords.Builder builder = IronPasswords.builder();
    if ("v2".equals(currentId)) {
      return builder.current("v2", PASSWORD_V2).accept("v1", PASSWORD_V1).build();
    }
    return builder.current("v1", PASSWORD_V1).accept("v2", PASSWORD_V2).build();
  }

  /** Payloads whose compact JSON is at most 3 KB of UTF-8. */
  static List<JsonNode> payloads(long seed, int count) {
    JsonValues values = new JsonValues(seed);
    List<JsonNode> payloads = new ArrayList<>(count);
    while (payloads.size() < count) {
      JsonNode candidate = values.value(MAX_PAYLOAD_BYTES);
      if (utf8Length(candidate) <= MAX_PAYLOAD_BYTES) {
        payloads.add(candidate);
      }
    }
    return payloads;
  }

  private static int utf8Length(JsonNode value) {
    return compact(value).getBytes(StandardCharsets.UTF_8).length;
  }

  private static JsonNode text(String value) {
    return TextNode.valueOf(value);
  }

  /** Compact JSON text, as JSON.stringify writes it (up to escapes, which parse the same). */
  static String compact(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}

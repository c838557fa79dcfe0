package io.trackercookie.keys;

import static io.trackercookie.keys.KeyFiles.await;
import static io.trackercookie.keys.KeyFiles.plain;
import static io.trackercookie.keys.KeyFiles.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import io.trackercookie.testkit.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key schedule across a fleet of three nodes over HTTP, each with its own password directory and
 * its own settable clock: the new key is shipped node by node with a seal-from instant, every node
 * opens it at once, and all switch to sealing with it when their clocks reach that instant. A
 * visitor whose requests go to any node never loses the tracker.
 */
class KeyScheduleFleetHttpTest {

  private static final String NAME = "persistent-information";
  private static final Instant START = Instant.parse("2027-01-10T08:00:00Z");
  private static final Instant SWITCH = Instant.parse("2027-01-10T09:00:00Z");

  private final String k1 = PasswordFilesHttpTest.randomPassword();
  private final String k2 = PasswordFilesHttpTest.randomPassword();

  @TempDir Path root;

  /** One node: its directory, its clock, its server. */
  private record Node(Path dir, TestClock clock, TestServer server) implements AutoCloseable {
    String idOfNewSeal() {
      return SealParts.parse(server.get("/put?k=probe&v=1").cookieValue(NAME)).passwordId();
    }

    RawHttp.Response visit(String cookie, String visits) {
      return cookie == null
          ? server.get("/put?k=visits&v=" + visits)
          : server.get("/put?k=visits&v=" + visits, "Cookie: " + NAME + "=" + cookie);
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private Node node(String name) throws IOException {
    Path dir = Files.createDirectory(root.resolve(name));
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    TestClock clock = new TestClock(START);
    TrackerConfig config =
        TrackerConfig.builder()
            .passwordSource(
                PasswordSource.builder()
                    .passwordDirectory(dir)
                    .pollIntervalForTests(Duration.ofMillis(20))
                    .build())
            .clock(clock)
            .build();
    return new Node(dir, clock, new TestServer(() -> TestConfigs.app(config)));
  }

  /** A seal only a node that accepts k2 can open. */
  private String sealedWithK2() {
    return IronCodec.create(
            IronPasswords.builder().current("k2", k2).build(), IronOptions.defaults())
        .seal("\"{\\\"marker\\\":\\\"k2\\\"}\"");
  }

  /**
   * The visitor's next request goes to {@code node}: the tracker's count must have survived, and
   * the cookie the node sets (or the one sent, if none) is what the visitor keeps.
   */
  private static String visit(Node node, String cookie, int expectedVisits) {
    RawHttp.Response response = node.visit(cookie, Integer.toString(expectedVisits + 1));
    assertEquals(200, response.status());
    if (cookie != null) {
      String body = response.body();
      assertTrue(body.contains("\"visits\":\"" + (expectedVisits + 1) + "\""), body);
    }
    String set = response.cookieValue(NAME);
    return set != null ? set : cookie;
  }

  @Test
  void aScheduledKey_shippedNodeByNode_isOpenedAtOnce_andSealsEverywhereFromItsInstant()
      throws IOException {
    List<Node> fleet = new ArrayList<>();
    try {
      for (String name : List.of("a", "b", "c")) {
        fleet.add(node(name));
      }
      String visitor = null;
      int visits = 0;
      for (Node node : fleet) {
        visitor = visit(node, visitor, visits++);
      }

      // Rolling rollout: one node after another gets k2, sealing from SWITCH.
      String marker = sealedWithK2();
      for (Node updated : fleet) {
        KeyFiles.writeAtomically(updated.dir().resolve("k2"), scheduled(SWITCH.toString(), k2));
        await(
            "node " + updated.dir().getFileName() + " accepts k2",
            () ->
                updated
                    .server()
                    .get("/read", "Cookie: " + NAME + "=" + marker)
                    .body()
                    .contains("marker"));
        for (Node node : fleet) {
          assertEquals("k1", node.idOfNewSeal(), "before the instant every node seals with k1");
          visitor = visit(node, visitor, visits++);
        }
      }

      // Sealed by node a itself just before the instant, so its verified-seal cache holds it.
      String cachedOnA = fleet.get(0).server().get("/put?k=cached&v=yes").cookieValue(NAME);
      assertEquals(
          "{\"cached\":\"yes\"}",
          fleet.get(0).server().get("/read", "Cookie: " + NAME + "=" + cachedOnA).body());

      // The instant comes; node c's clock lags two seconds behind the others.
      fleet.get(0).clock().advance(Duration.between(START, SWITCH).plusSeconds(1));
      fleet.get(1).clock().advance(Duration.between(START, SWITCH).plusSeconds(1));
      fleet.get(2).clock().advance(Duration.between(START, SWITCH).minusSeconds(1));
      assertEquals("k2", fleet.get(0).idOfNewSeal());
      assertEquals("k2", fleet.get(1).idOfNewSeal());
      assertEquals("k1", fleet.get(2).idOfNewSeal(), "the lagging node has not reached it yet");
      String fromA = visit(fleet.get(0), visitor, visits++);
      assertEquals("k2", SealParts.parse(fromA).passwordId());
      visitor = visit(fleet.get(2), fromA, visits++); // the lagging node opens k2's seal
      visitor = visit(fleet.get(1), visitor, visits++);

      fleet.get(2).clock().advance(Duration.ofSeconds(2));
      for (Node node : fleet) {
        assertEquals("k2", node.idOfNewSeal(), "past the instant every node seals with k2");
        visitor = visit(node, visitor, visits++);
        assertEquals("k2", SealParts.parse(visitor).passwordId());
      }
      // Past the instant, a k1 cookie is resealed with k2 even when only read (from the cache) or
      // not read at all.
      RawHttp.Response reread =
          fleet.get(0).server().get("/read", "Cookie: " + NAME + "=" + cachedOnA);
      assertEquals("{\"cached\":\"yes\"}", reread.body());
      assertEquals("k2", SealParts.parse(reread.cookieValue(NAME)).passwordId());
      RawHttp.Response untouched =
          fleet.get(0).server().get("/nothing", "Cookie: " + NAME + "=" + cachedOnA);
      assertEquals("k2", SealParts.parse(untouched.cookieValue(NAME)).passwordId());

      // A cookie sealed with k1 before the instant still opens, and is resealed with k2.
      RawHttp.Response old =
          fleet.get(1).server().get("/read", "Cookie: " + NAME + "=" + k1Cookie());
      assertEquals("{\"visits\":\"1\"}", old.body());
      assertEquals("k2", SealParts.parse(old.cookieValue(NAME)).passwordId());
    } finally {
      fleet.forEach(Node::close);
    }
  }

  /** A cookie sealed with k1, as any node sealed before the instant. */
  private String k1Cookie() {
    return IronCodec.create(
            IronPasswords.builder().current("k1", k1).build(), IronOptions.defaults())
        .seal("\"{\\\"visits\\\":\\\"1\\\"}\"");
  }

  @Test
  void theSettingsForm_schedulesAnAcceptedPassword() {
    Map<String, String> settings = new HashMap<>();
    settings.put(TrackerSettings.PASSWORD, k1);
    settings.put(TrackerSettings.PASSWORD_ID, "k1");
    settings.put(TrackerSettings.ACCEPTED_PASSWORD_IDS, "k2");
    settings.put("tracker.password.k2", k2);
    settings.put("tracker.password.k2" + TrackerSettings.SEAL_FROM_SUFFIX, SWITCH.toString());
    assertEquals(
        "TRACKER_PASSWORD_K2_SEAL_FROM",
        TrackerSettings.environmentName("tracker.password.k2" + TrackerSettings.SEAL_FROM_SUFFIX));
    TrackerConfig config = TrackerSettings.read(settings::get);
    PasswordRing ring = config.passwordSource().ring().orElseThrow();
    assertEquals("k1", ring.sealingIdAt(SWITCH.minusMillis(1)).orElseThrow());
    assertEquals("k2", ring.sealingIdAt(SWITCH).orElseThrow());

    // Over HTTP, with the instant already past (the settings use the system clock).
    settings.put("tracker.password.k2" + TrackerSettings.SEAL_FROM_SUFFIX, "2000-01-01T00:00:00Z");
    TrackerConfig past = TrackerSettings.read(settings::get);
    try (TestServer server = new TestServer(() -> TestConfigs.app(past))) {
      String value = server.get("/put?k=a&v=b").cookieValue(NAME);
      assertEquals("k2", SealParts.parse(value).passwordId());
    }
    settings.put("tracker.password.k2" + TrackerSettings.SEAL_FROM_SUFFIX, "not an instant");
    IllegalArgumentException bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> TrackerSettings.read(settings::get));
    assertTrue(bad.getMessage().contains("TRACKER_PASSWORD_K2_SEAL_FROM"), bad.getMessage());
    assertTrue(!bad.getMessage().contains("not an instant"), bad.getMessage());
  }

  @Test
  void aSettingsSealFromBeyondYear9999_isRefusedAtBuild_namingTheSetting_notAtStartUp() {
    // Java reads such an instant; the schedule then failed with an ArithmeticException when the
    // application started. Now the settings refuse it, naming the setting, never the password.
    for (String instant : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
      Map<String, String> settings = new HashMap<>();
      settings.put(TrackerSettings.PASSWORD, k1);
      settings.put(TrackerSettings.PASSWORD_ID, "k1");
      settings.put(TrackerSettings.ACCEPTED_PASSWORD_IDS, "k2");
      settings.put("tracker.password.k2", k2);
      settings.put("tracker.password.k2" + TrackerSettings.SEAL_FROM_SUFFIX, instant);
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> TrackerSettings.read(settings::get));
      assertTrue(e.getMessage().contains("tracker.password.k2.sealFrom"), e.getMessage());
      assertTrue(e.getMessage().contains("TRACKER_PASSWORD_K2_SEAL_FROM"), e.getMessage());
      assertTrue(e.getMessage().contains("years 0000 to 9999"), e.getMessage());
      assertTrue(!e.getMessage().contains(k2) && !e.getMessage().contains(k1), e.getMessage());
    }
  }
}

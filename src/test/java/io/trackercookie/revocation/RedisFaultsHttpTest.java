package io.trackercookie.revocation;

import static io.trackercookie.revocation.EmbeddedRevocationHttpTest.cookieHeader;
import static io.trackercookie.revocation.RedisFleetHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.revocation.RedisFleetHttpTest.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis killed mid-traffic and restarted, and Redis down when a node starts: the fail-closed policy
 * holds, no request gets a 500, one warning per node per outage, no visitor who was not revoked
 * loses a tracker, and every node recovers without a restart.
 */
class RedisFaultsHttpTest {

  private static final Duration GENEROUS = Duration.ofSeconds(5);

  private final List<Node> nodes = new ArrayList<>();
  private final Recorder recorder = new Recorder();
  private RedisServer redis;

  @AfterEach
  void stop() {
    nodes.forEach(node -> node.server().close());
    recorder.close();
    if (redis != null) {
      redis.close();
    }
  }

  private static String read(Node node, String cookie) {
    RawHttp.Response response = node.get("/read", cookie);
    assertEquals(200, response.status(), node.name() + ": " + response.body());
    return response.body();
  }

  @Test
  void redisKilledMidTrafficThenRestarted_failsClosedWithoutA500_andLosesNoTracker()
      throws Exception {
    // Synced to an append-only file: the restarted Redis still holds the revocations.
    redis = RedisServer.start(true);
    String prefix = "faults:" + UUID.randomUUID() + ":";
    for (String name : List.of("A", "B", "C")) {
      nodes.add(RedisFleetHttpTest.node(name, redis.url(), prefix));
    }
    Node a = nodes.get(0);
    String carol = cookieHeader(a.get("/login?user=carol"));
    carol = cookieHeader(a.get("/visit", carol));
    String carolContent = "{\"userId\":\"carol\",\"visits\":1}";
    String dave = cookieHeader(a.get("/login?user=dave"));
    assertEquals("{\"recorded\":true}", a.get("/logout", dave).body());
    for (Node node : nodes) {
      String cookie = carol;
      eventually(
          GENEROUS, node.name() + " reads carol", () -> read(node, cookie).equals(carolContent));
      assertEquals("{}", read(node, dave));
    }

    // Traffic on every node, through the kill and the restart.
    Set<Integer> statuses = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    String carolCookie = carol;
    Thread traffic =
        new Thread(
            () -> {
              while (running.get()) {
                for (Node node : nodes) {
                  statuses.add(node.get("/read", carolCookie).status());
                  statuses.add(node.get("/visit", carolCookie).status());
                }
              }
            });
    traffic.start();
    try {
      redis.kill();
      for (Node node : nodes) {
        eventually(
            GENEROUS, node.name() + " fails closed", () -> read(node, carolCookie).equals("{}"));
        RawHttp.Response write = node.get("/visit", carolCookie);
        assertEquals(200, write.status());
        assertTrue(
            write.setCookies().isEmpty(), "the cookie is left in place: " + write.setCookies());
        assertEquals("{}", read(node, dave));
        assertTrue(node.told().contains(RejectionReason.STORE_UNAVAILABLE));
      }
      int warnings = recorder.warningsAbout("revocation store is unavailable").size();
      assertEquals(3, warnings, "one warning per node for the outage: " + recorder.warnings);

      redis.restart();
      for (Node node : nodes) {
        eventually(
            GENEROUS,
            node.name() + " recovers",
            () -> read(node, carolCookie).equals(carolContent));
        assertEquals("{}", read(node, dave)); // still revoked
      }
      // Each node's connection tracks again, so its local view is back in use.
      io.lettuce.core.RedisClient probeClient = io.lettuce.core.RedisClient.create(redis.url());
      try (var probe = probeClient.connect()) {
        eventually(
            GENEROUS,
            "three connections broadcast-tracking again",
            () ->
                java.util.Arrays.stream(probe.sync().clientList().split("\n"))
                        .filter(line -> line.matches(".* flags=[A-Za-z]*t[A-Za-z]* .*"))
                        .filter(line -> line.matches(".* flags=[A-Za-z]*B[A-Za-z]* .*"))
                        .count()
                    == 3);
      } finally {
        probeClient.shutdown();
      }
    } finally {
      running.set(false);
      traffic.join();
    }
    assertEquals(Set.of(200), statuses);
  }

  @Test
  void aNodeStartedWhileRedisIsDown_failsClosed_thenRecoversOnceRedisStarts() {
    redis = RedisServer.notStarted(false);
    Node node = RedisFleetHttpTest.node("D", redis.url(), "startup:" + UUID.randomUUID() + ":");
    nodes.add(node);
    // Issuing a cookie needs no store; checking one does.
    String erin = cookieHeader(node.get("/login?user=erin"));
    RawHttp.Response response = node.get("/read", erin);
    assertEquals(200, response.status());
    assertEquals("{}", response.body());
    assertTrue(response.setCookies().isEmpty(), response.setCookies().toString());

    redis.restart();
    eventually(GENEROUS, "recovery", () -> read(node, erin).equals("{\"userId\":\"erin\"}"));
  }
}

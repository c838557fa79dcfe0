package io.trackercookie.revocation;

import static io.trackercookie.revocation.EmbeddedRevocationHttpTest.cookieHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackercookie.RawHttp;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerFeature;
import io.trackercookie.micrometer.TrackerMetrics;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full embedded store, over HTTP: a visitor who logs in and out at will fills it with its own
 * logouts, and the store must then sign everyone out rather than forget a victim's logout.
 */
class EmbeddedStoreFullHttpTest {

  private static final int MAX_ENTRIES = 8;

  private final TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05Z"));
  private final Recorder recorder = new Recorder();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TestServer server;
  private TrackerFeature feature;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    recorder.close();
  }

  private void start() {
    feature =
        new TrackerFeature(
            TestConfigs.builder()
                .ttl(Duration.ofDays(30))
                .revocation(
                    RevocationOptions.builder()
                        .subjectKey("userId")
                        .maxEntries(MAX_ENTRIES)
                        .build())
                .clock(clock)
                .listener(recorder)
                .listener(TrackerMetrics.registeredWith(registry))
                .build());
    server = new TestServer(() -> new ResourceConfig(RevocationResource.class).register(feature));
  }

  private String login(String user) {
    RawHttp.Response response = server.get("/login?user=" + user);
    assertEquals(200, response.status());
    return cookieHeader(response);
  }

  private String read(String cookie) {
    RawHttp.Response response = server.get("/read", cookie);
    assertEquals(200, response.status());
    return response.body();
  }

  /** The attacker's loop: log in and log out, as often as it likes; its revoked cookies. */
  private List<String> logInAndOut(String user, int times) {
    List<String> revoked = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      String cookie = login(user);
      assertEquals("{\"recorded\":true}", server.get("/logout", cookie).body());
      revoked.add(cookie);
    }
    return revoked;
  }

  /**
   * Fills the store with the attacker's logouts, then lets the victim act, then goes on logging in
   * and out while replaying its first revoked cookies (which makes them look popular to an eviction
   * by frequency, so that the newest entries are the ones dropped).
   */
  private void attackAround(Runnable victimActs) {
    List<String> popular = logInAndOut("mallory", MAX_ENTRIES);
    victimActs.run();
    for (int cycle = 0; cycle < 4 * MAX_ENTRIES; cycle++) {
      logInAndOut("mallory", 1);
      popular.forEach(this::read);
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void aVisitorFillingTheStoreWithItsOwnLogouts_neverReopensAVictimsRevokedCookie() {
    start();
    String victim = login("alice");
    attackAround(() -> assertEquals("{\"recorded\":true}", server.get("/logout", victim).body()));
    assertEquals("{}", read(victim), "the victim's stolen copy");
  }

  @Test
  void logOutEverywhere_holdsThroughAStoreFilledAroundIt() {
    start();
    String phone = login("alice");
    clock.advance(Duration.ofSeconds(1));
    attackAround(() -> feature.revocations().revokeAllFor("alice"));
    assertEquals("{}", read(phone), "alice's stolen phone cookie");
  }

  @Test
  void afterAnOverflow_everyoneSignedInBeforeIsSignedOut_andLaterCookiesKeepWorking() {
    start();
    String bob = login("bob");
    assertEquals("{\"userId\":\"bob\"}", read(bob));
    clock.advance(Duration.ofSeconds(1));

    logInAndOut("mallory", MAX_ENTRIES + 1); // one more than the store can keep

    assertEquals("{}", read(bob), "failing closed: signed in before the overflow");
    clock.advance(Duration.ofSeconds(1));
    String carol = login("carol");
    assertEquals("{\"userId\":\"carol\"}", read(carol), "signed in after it: not failing dead");
    assertEquals("{\"recorded\":true}", server.get("/logout", carol).body());
    assertEquals("{}", read(carol), "and her logout holds");
    String again = login("bob");
    assertEquals("{\"userId\":\"bob\"}", read(again), "bob signs in again");
  }

  private double overflowsCounted() {
    return registry.get(TrackerMetrics.REVOCATION_OVERFLOWS).counter().count();
  }

  @Test
  void eachOverflow_isCountedAndToldTheListener_butWarnedAtMostOnceAnHour_namingNoUserNorKey() {
    start();
    assertEquals(0, overflowsCounted());
    logInAndOut("mallory", MAX_ENTRIES);
    assertEquals(0, overflowsCounted(), "full, not yet over");
    assertEquals(List.of(), recorder.warningsAbout("maxEntries"));

    logInAndOut("mallory", 1);
    assertEquals(1, overflowsCounted());
    assertEquals(1, recorder.overflows.get());
    List<String> warnings = recorder.warningsAbout("tracker.revocation.maxEntries");
    assertEquals(1, warnings.size(), recorder.warnings.toString());
    assertTrue(warnings.get(0).contains("(" + MAX_ENTRIES + " entries)"), warnings.get(0));
    assertFalse(warnings.get(0).contains("mallory"), warnings.get(0));
    assertFalse(warnings.get(0).contains("seal:"), warnings.get(0));

    // Full again within the hour: counted, not warned again.
    clock.advance(Duration.ofMinutes(30));
    logInAndOut("mallory", MAX_ENTRIES);
    assertEquals(2, overflowsCounted());
    assertEquals(1, recorder.warningsAbout("tracker.revocation.maxEntries").size());

    // An hour after the warning, the next overflow warns again, counting those in between.
    clock.advance(Duration.ofMinutes(31));
    logInAndOut("mallory", MAX_ENTRIES);
    assertEquals(3, overflowsCounted());
    warnings = recorder.warningsAbout("tracker.revocation.maxEntries");
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(1).contains("2 times since the last warning"), warnings.get(1));
  }
}

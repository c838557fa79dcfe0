package io.trackercookie.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.revocation.EmbeddedRevocationStore;
import io.trackercookie.revocation.RevocationResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test kit and revocation: which kit sees the application's revocations, over HTTP. */
class TrackerTestKitRevocationHttpTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private TrackerFeature start(RevocationOptions revocation) {
    TrackerConfig config =
        TestConfigs.builder().clock(clock).ttl(Duration.ofDays(7)).revocation(revocation).build();
    TrackerFeature feature = new TrackerFeature(config);
    server = new TestServer(() -> new ResourceConfig(RevocationResource.class).register(feature));
    return feature;
  }

  /** The Cookie header value of the tracker cookie a response set. */
  private static String cookie(RawHttp.Response response) {
    String line = response.setCookies().get(0);
    return line.substring(0, line.indexOf(';'));
  }

  @Test
  void aKitOfTheRunningFeature_readsACookieTheApplicationRevoked_asRevoked() {
    TrackerFeature feature = start(RevocationOptions.builder().subjectKey("userId").build());
    TrackerTestKit kit = TrackerTestKit.of(feature);
    assertTrue(kit.checksRevocation());
    RawHttp.Response login = server.get("/login?user=alice");
    String alice = cookie(login);
    assertEquals(Map.of("userId", "alice"), kit.readCookieHeader(alice));

    server.get("/logout", "Cookie: " + alice);

    assertEquals(Map.of(), kit.readCookieHeader(alice));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> kit.read(login.setCookies()));
    assertTrue(e.getMessage().endsWith("REVOKED"), e.getMessage());
  }

  @Test
  void aKitOfAConfigHoldingItsOwnStore_readsACookieTheApplicationRevoked_asRevoked() {
    EmbeddedRevocationStore store = new EmbeddedRevocationStore(100, clock);
    TrackerFeature feature =
        start(RevocationOptions.builder().store(store).subjectKey("userId").build());
    TrackerTestKit kit = TrackerTestKit.of(feature.config());
    assertTrue(kit.checksRevocation());
    String alice = cookie(server.get("/login?user=alice"));

    server.get("/logout", "Cookie: " + alice);

    assertEquals(Map.of(), kit.readCookieHeader(alice));
  }

  @Test
  void aKitOfAConfigWithTheEmbeddedStore_saysItNeverChecks_andReadsARevokedCookie() {
    TrackerFeature feature = start(RevocationOptions.builder().subjectKey("userId").build());
    TrackerTestKit kit = TrackerTestKit.of(feature.config());
    assertFalse(kit.checksRevocation());
    String alice = cookie(server.get("/login?user=alice"));

    server.get("/logout", "Cookie: " + alice);

    assertEquals("{}", server.get("/read", "Cookie: " + alice).body());
    assertEquals(Map.of("userId", "alice"), kit.readCookieHeader(alice), "as its javadoc says");
  }

  @Test
  void aCookieForgedAtTheSameFrozenInstantAsRevokeAllFor_isRevoked_andOneForgedAfterIsNot() {
    TrackerFeature feature = start(RevocationOptions.builder().subjectKey("userId").build());
    TrackerTestKit kit = TrackerTestKit.of(feature);
    String forged = kit.cookieHeader(Map.of("userId", "alice"));

    feature.revocations().revokeAllFor("alice"); // the clock has not moved since the kit sealed

    assertEquals("{}", server.get("/read", "Cookie: " + forged).body());
    assertEquals(Map.of(), kit.readCookieHeader(forged));
    clock.advance(Duration.ofMillis(1));
    String after = kit.cookieHeader(Map.of("userId", "alice"));
    assertEquals("{\"userId\":\"alice\"}", server.get("/read", "Cookie: " + after).body());
    assertEquals(Map.of("userId", "alice"), kit.readCookieHeader(after));
  }

  @Test
  void aKitOfAFeatureWithRevocationOff_checksNothing_andWorksBeforeTheApplicationStarts() {
    TrackerFeature notStarted = new TrackerFeature(TestConfigs.builder().clock(clock).build());
    TrackerTestKit kit = TrackerTestKit.of(notStarted);
    assertFalse(kit.checksRevocation());
    assertEquals(Map.of("visits", 1), kit.readCookieHeader(kit.cookieHeader(Map.of("visits", 1))));

    TrackerFeature revocable =
        new TrackerFeature(
            TestConfigs.builder().clock(clock).revocation(RevocationOptions.embedded()).build());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> TrackerTestKit.of(revocable));
    assertTrue(e.getMessage().contains("not configured"), e.getMessage());
  }
}

package io.trackercookie.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerFeature;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stolen-cookie race of {@link LogoutRaceHttpTest} against a real redis-server (started by the
 * test; skipped without it, failed under CI=true), where recording a logout is a round trip that
 * can straddle the clock's millisecond.
 */
class RedisLogoutRaceHttpTest {

  private RedisServer redis;
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void sixWritersRenewingAStolenCookie_whileItsUserLogsOutEverywhere_leaveNoSurvivor() {
    redis = RedisServer.start();
    TrackerFeature feature =
        new TrackerFeature(
            TestConfigs.builder()
                .ttl(Duration.ofDays(1))
                .revocation(
                    RevocationOptions.builder()
                        .redis(redis.url())
                        .keyPrefix("test:" + UUID.randomUUID() + ":")
                        .subjectKey("userId")
                        .build())
                .build());
    server =
        new TestServer(
            () ->
                new ResourceConfig()
                    .register(new RaceResource(new RaceResource.Gate()))
                    .register(feature));

    // The store connects in the background: fail-closed reads are empty until it answers.
    String probe = EmbeddedRevocationHttpTest.cookieHeader(server.get("/login?user=probe"));
    RedisFleetHttpTest.eventually(
        Duration.ofSeconds(10),
        "the store answering",
        () -> server.get("/read", probe).body().contains("probe"));

    StolenCookieRace.Result result = new StolenCookieRace(server, server, 6, 20).run();

    assertEquals(List.of(), result.survivors(), result.toString());
    assertTrue(result.overlapping() > 0, "no write overlapped a logout: " + result);
  }
}

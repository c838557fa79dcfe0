package io.trackercookie.revocation;

import static io.trackercookie.revocation.EmbeddedRevocationHttpTest.cookieHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.testkit.TestClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Log-out-everywhere against requests that overlap it, over HTTP with the embedded store: once
 * {@code revokeAllFor} returns, no cookie written by a request that started before it opens,
 * however the request's check and write fall around it.
 */
class LogoutRaceHttpTest {

  static final String NAME = EmbeddedRevocationHttpTest.NAME;
  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  private final TestClock clock = new TestClock(START);
  private final RaceResource.Gate gate = new RaceResource.Gate();
  private TestServer server;
  private TrackerFeature feature;

  @AfterEach
  void stop() {
    gate.proceed.countDown();
    if (server != null) {
      server.close();
    }
  }

  private void start(TrackerConfig.Builder config) {
    feature = new TrackerFeature(config.build());
    server =
        new TestServer(
            () -> new ResourceConfig().register(new RaceResource(gate)).register(feature));
  }

  private TrackerConfig.Builder revocable(Clock clock) {
    return TestConfigs.builder()
        .clock(clock)
        .ttl(Duration.ofDays(7))
        .revocation(RevocationOptions.builder().subjectKey("userId").build());
  }

  private String login(String user) {
    RawHttp.Response response =
        server.get("/login?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    assertEquals(200, response.status());
    return cookieHeader(response);
  }

  private String read(String cookie) {
    return server.get("/read", cookie).body();
  }

  @Test
  void aWriteWhoseCheckPassedBeforeALogOutOnAnotherNode_givesACookieThatDoesNotOpenAfterIt() {
    // Two nodes sharing one store: this node learns of the log-out only from the store.
    EmbeddedRevocationStore shared = new EmbeddedRevocationStore(1000, clock);
    TrackerConfig.Builder config =
        TestConfigs.builder()
            .clock(clock)
            .ttl(Duration.ofDays(7))
            .revocation(RevocationOptions.builder().store(shared).subjectKey("userId").build());
    start(config);
    TrackerFeature otherNode = new TrackerFeature(config.build());
    try (TestServer other =
        new TestServer(
            () -> new ResourceConfig().register(new RaceResource(gate)).register(otherNode))) {
      String stolen = login("alice");
      clock.advance(Duration.ofSeconds(1));

      // The attacker's request reads the tracker (its check passes), then works while the user
      // logs out everywhere on the other node, then writes.
      CompletableFuture<RawHttp.Response> visit =
          CompletableFuture.supplyAsync(() -> server.get("/gated-visit", stolen));
      gate.awaitOpened();
      clock.advance(Duration.ofSeconds(1));
      otherNode.revocations().revokeAllFor("alice");
      clock.advance(Duration.ofSeconds(1));
      gate.proceed.countDown();
      RawHttp.Response written = visit.join();
      assertEquals("{\"userId\":\"alice\",\"visits\":1}", written.body());

      String renewed = cookieHeader(written);
      assertEquals("{}", read(renewed));
      assertEquals("{}", other.get("/read", renewed).body());
      assertEquals("{}", read(stolen));
    }
  }

  @Test
  void aRequestInFlightOnTheNodeThatLogsOut_readsAsEmptyFromThen_andWritesNoSignedInCookie() {
    start(revocable(clock));
    String stolen = login("alice");
    clock.advance(Duration.ofSeconds(1));

    CompletableFuture<RawHttp.Response> visit =
        CompletableFuture.supplyAsync(() -> server.get("/gated-visit", stolen));
    gate.awaitOpened();
    clock.advance(Duration.ofSeconds(1));
    feature.revocations().revokeAllFor("alice");
    gate.proceed.countDown();
    RawHttp.Response written = visit.join();

    // The visit counted on a tracker that had ended: a new one, holding no subject.
    assertEquals("{\"visits\":1}", written.body());
    assertEquals("{\"visits\":1}", read(cookieHeader(written)));
    assertEquals("{}", read(stolen));
  }

  @Test
  void aSlidingReissueWhoseRecheckRanJustBeforeTheLogout_doesNotSurviveIt() {
    PausingStore store = new PausingStore(clock);
    start(
        TestConfigs.builder()
            .clock(clock)
            .slidingExpiry(Duration.ofHours(1))
            .revocation(RevocationOptions.builder().store(store).subjectKey("userId").build()));
    String stolen = login("alice");
    clock.advance(Duration.ofMinutes(45)); // past the reissue share: a read is resealed

    // The second subject read of the next request is the re-check before the reissue: it answers
    // "not logged out", then the logout is recorded before the reissue is sealed.
    store.pauseAtSubjectRead(2);
    CompletableFuture<RawHttp.Response> reissue =
        CompletableFuture.supplyAsync(() -> server.get("/read", stolen));
    RaceResource.Gate.await(store.reached);
    clock.advance(Duration.ofSeconds(1));
    feature.revocations().revokeAllFor("alice");
    clock.advance(Duration.ofSeconds(1));
    store.proceed.countDown();
    RawHttp.Response response = reissue.join();
    assertEquals("{\"userId\":\"alice\"}", response.body());
    assertNotNull(response.cookieValue(NAME), "the reissue was sealed after the logout");

    assertEquals("{}", read(cookieHeader(response)));
  }

  @Test
  void aCookieSealedInTheSameMillisecondAsLogOutEverywhere_isRevoked() {
    start(revocable(clock));
    String alice = login("alice"); // the clock stands still: sealed at the very instant below

    feature.revocations().revokeAllFor("alice");

    assertEquals("{}", read(alice));
    clock.advance(Duration.ofMillis(1));
    String again = login("alice");
    assertEquals("{\"userId\":\"alice\"}", read(again));
  }

  @Test
  void logOutEverywhere_readsThisRequestsTrackerAsEmpty_andAWriteAfterStartsANewOne() {
    start(revocable(clock));
    String alice = login("alice");
    clock.advance(Duration.ofSeconds(1));

    RawHttp.Response response = server.get("/logout-everywhere-then-visit", alice);

    assertEquals(
        "{\"userIdAfter\":null,\"tracker\":{\"visits\":1}}",
        response.body(),
        "read after the call");
    assertEquals("{\"visits\":1}", read(cookieHeader(response)));
    assertEquals("{}", read(alice));
  }

  @Test
  void logOutEverywhere_thenSigningTheSameUserInAgainInTheSameRequest_setsNoSignedInCookie() {
    start(revocable(clock));
    String alice = login("alice");
    clock.advance(Duration.ofSeconds(1));

    RawHttp.Response response = server.get("/logout-everywhere-then-login", alice);

    assertEquals(200, response.status());
    // Such a seal would be dated before the log-out: none is written, and the cookie the browser
    // keeps is revoked with the rest.
    assertTrue(response.setCookies().isEmpty(), response.setCookies().toString());
    assertEquals("{}", read(alice));
  }

  @Test
  void logOutEverywhereElse_keepsThisRequestsSession_andEndsEveryOther_withAStoppedClock() {
    start(revocable(clock));
    logOutEverywhereElse_keepsThisSession_andEndsEveryOther(
        () -> clock.advance(Duration.ofSeconds(1)));
  }

  @Test
  void logOutEverywhereElse_keepsThisRequestsSession_andEndsEveryOther_withTheSystemClock() {
    start(revocable(Clock.systemUTC()));
    logOutEverywhereElse_keepsThisSession_andEndsEveryOther(() -> {});
  }

  private void logOutEverywhereElse_keepsThisSession_andEndsEveryOther(Runnable later) {
    String phone = login("alice");
    String laptop = login("alice");
    String bob = login("bob");
    later.run();

    RawHttp.Response response = server.get("/logout-others", laptop);
    assertEquals("{\"userId\":\"alice\"}", response.body());
    String kept = cookieHeader(response);

    assertEquals("{\"userId\":\"alice\"}", read(kept));
    assertEquals("{}", read(phone));
    assertEquals("{}", read(laptop), "the laptop's cookie from before is another copy");
    assertEquals("{\"userId\":\"bob\"}", read(bob));
  }

  @Test
  void subjectsThatDifferOnlyInUnicodeNormalization_areOneSubject() {
    start(revocable(clock));
    String composed = login("Ren\u00e9"); // NFC: é as one code point
    String decomposed = login("Rene\u0301"); // NFD: e and a combining acute accent
    clock.advance(Duration.ofSeconds(1));

    feature.revocations().revokeAllFor("Rene\u0301");
    assertEquals("{}", read(composed));
    assertEquals("{}", read(decomposed));

    clock.advance(Duration.ofSeconds(1));
    String again = login("Rene\u0301");
    clock.advance(Duration.ofSeconds(1));
    feature.revocations().revokeAllFor("Ren\u00e9");
    assertEquals("{}", read(again));
  }

  /** Over the system clock: several clients renewing one stolen cookie while its user logs out. */
  @Test
  void sixWritersRenewingAStolenCookie_whileItsUserLogsOutEverywhere_leaveNoSurvivor() {
    start(revocable(Clock.systemUTC()));
    StolenCookieRace.Result result = new StolenCookieRace(server, server, 6, 20).run();
    assertEquals(List.of(), result.survivors(), result.toString());
    assertTrue(result.overlapping() > 0, "no write overlapped a logout: " + result);
  }

  /**
   * As above, with the logout on another node sharing the store: the writers' node learns of it
   * only from the store, so only the dates of their seals keep them from outliving it.
   */
  @Test
  void sixWritersOnOneNode_whileItsUserLogsOutEverywhereOnAnother_leaveNoSurvivor() {
    TrackerConfig.Builder config =
        TestConfigs.builder()
            .clock(Clock.systemUTC())
            .ttl(Duration.ofDays(7))
            .revocation(
                RevocationOptions.builder()
                    .store(new EmbeddedRevocationStore(10_000, Clock.systemUTC()))
                    .subjectKey("userId")
                    .build());
    start(config);
    TrackerFeature otherNode = new TrackerFeature(config.build());
    try (TestServer other =
        new TestServer(
            () -> new ResourceConfig().register(new RaceResource(gate)).register(otherNode))) {
      StolenCookieRace.Result result = new StolenCookieRace(server, other, 6, 20).run();
      assertEquals(List.of(), result.survivors(), result.toString());
      assertTrue(result.overlapping() > 0, "no write overlapped a logout: " + result);
    }
  }

  /**
   * An embedded store that stops on a chosen subject read, after it has answered, until the test
   * lets it go.
   */
  static final class PausingStore implements io.trackercookie.revocation.RevocationStore {
    private final EmbeddedRevocationStore inner;
    private final AtomicInteger subjectReads = new AtomicInteger();
    private volatile int pauseAt = -1;
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch proceed = new CountDownLatch(1);

    PausingStore(Clock clock) {
      this.inner = new EmbeddedRevocationStore(1000, clock);
    }

    /** Pauses on the n-th subject read from now on. */
    void pauseAtSubjectRead(int n) {
      pauseAt = subjectReads.get() + n;
    }

    @Override
    public void put(String key, long value, Instant expiresAt) {
      inner.put(key, value, expiresAt);
    }

    @Override
    public OptionalLong get(String key) {
      OptionalLong answer = inner.get(key);
      if (key.startsWith("subject:") && subjectReads.incrementAndGet() == pauseAt) {
        reached.countDown();
        try {
          proceed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return answer;
    }
  }
}

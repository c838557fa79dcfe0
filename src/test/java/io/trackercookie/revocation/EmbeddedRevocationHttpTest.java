package io.trackercookie.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.legacy.LegacyCookieWriter;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Revocation on one node with the embedded store, over HTTP, with a clock the test moves. */
class EmbeddedRevocationHttpTest {

  static final String NAME = "persistent-information";
  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  private final TestClock clock = new TestClock(START);
  private final Recorder recorder = new Recorder();
  private TestServer server;
  private TrackerFeature feature;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    recorder.close();
  }

  private void start(TrackerConfig.Builder config) {
    feature = new TrackerFeature(config.clock(clock).listener(recorder).build());
    server = new TestServer(() -> new ResourceConfig(RevocationResource.class).register(feature));
  }

  private static TrackerConfig.Builder revocable() {
    return TestConfigs.builder()
        .ttl(Duration.ofDays(7))
        .revocation(RevocationOptions.builder().subjectKey("userId").build());
  }

  /** The Cookie header line carrying every tracker cookie (or chunk) a response set. */
  static String cookieHeader(RawHttp.Response response) {
    String cookies =
        response.setCookies().stream()
            .filter(line -> !line.contains("Max-Age=0"))
            .map(line -> line.substring(0, line.indexOf(';')))
            .collect(Collectors.joining("; "));
    assertFalse(cookies.isEmpty(), "no cookie was set: " + response.setCookies());
    return "Cookie: " + cookies;
  }

  private String login(String user) {
    RawHttp.Response response = server.get("/login?user=" + user);
    assertEquals(200, response.status());
    return cookieHeader(response);
  }

  @Test
  void aRevokedCookie_readsAsEmpty_andTheListenerIsToldRevoked() {
    start(revocable());
    String alice = login("alice");
    assertEquals("{\"userId\":\"alice\"}", server.get("/read", alice).body());

    RawHttp.Response logout = server.get("/logout", alice);
    assertEquals("{\"recorded\":true}", logout.body());
    assertTrue(logout.setCookies().get(0).contains("Max-Age=0"), logout.setCookies().toString());

    // A copy of the cookie kept from before the logout, replayed by any client.
    RawHttp.Response replay = server.get("/read", alice);
    assertEquals(200, replay.status());
    assertEquals("{}", replay.body());
    assertEquals(List.of(RejectionReason.REVOKED), recorder.rejections);
  }

  @Test
  void revokingOneCookie_leavesOtherVisitorsAndOtherCookiesOfTheSameUserUntouched() {
    start(revocable());
    String alicePhone = login("alice");
    String aliceLaptop = login("alice");
    String bob = login("bob");
    server.get("/logout", alicePhone);

    assertEquals("{}", server.get("/read", alicePhone).body());
    assertEquals("{\"userId\":\"alice\"}", server.get("/read", aliceLaptop).body());
    assertEquals("{\"userId\":\"bob\"}", server.get("/read", bob).body());
  }

  @Test
  void aRevokedCookie_isNotResealedBySlidingExpiry_norUpgradedByAWrite() {
    start(
        TestConfigs.builder()
            .slidingExpiry(Duration.ofHours(1))
            .revocation(RevocationOptions.embedded()));
    String alice = login("alice");
    server.get("/logout", alice);
    clock.advance(Duration.ofMinutes(45)); // past the reissue share: a valid cookie is resealed

    RawHttp.Response read = server.get("/read", alice);
    assertEquals("{}", read.body());
    assertTrue(read.setCookies().isEmpty(), read.setCookies().toString());
    // A write starts a new, empty tracker: nothing of the revoked one comes back.
    assertEquals("{\"visits\":1}", server.get("/visit", alice).body());
  }

  @Test
  void aChunkedCookie_isRevokedAsOneSeal_whicheverChunksAreReplayed() {
    start(revocable().chunking());
    RawHttp.Response login = server.get("/login?user=alice&padding=3500");
    String chunks = cookieHeader(login);
    assertTrue(login.cookieValue(NAME + ".1") != null, login.setCookies().toString());
    assertTrue(server.get("/read", chunks).body().contains("alice"));

    server.get("/logout", chunks);

    assertEquals("{}", server.get("/read", chunks).body());
    assertEquals(List.of(RejectionReason.REVOKED), recorder.rejections);
  }

  @Test
  void logOutEverywhere_fromAResourceMethod_emptiesEveryCookieOfThatSubjectIssuedBefore() {
    start(revocable());
    String alicePhone = login("alice");
    String aliceLaptop = login("alice");
    String bob = login("bob");
    clock.advance(Duration.ofSeconds(1));

    assertEquals(
        "{\"revokedFor\":\"alice\"}", server.get("/logout-everywhere", aliceLaptop).body());

    assertEquals("{}", server.get("/read", alicePhone).body());
    assertEquals("{}", server.get("/read", aliceLaptop).body());
    assertEquals("{\"userId\":\"bob\"}", server.get("/read", bob).body());
    // Logging in again afterwards works.
    clock.advance(Duration.ofSeconds(1));
    String again = login("alice");
    assertEquals("{\"userId\":\"alice\"}", server.get("/read", again).body());
  }

  @Test
  void logOutEverywhere_fromOutsideARequest_throughTheFeature() {
    start(revocable());
    String alice = login("alice");
    clock.advance(Duration.ofSeconds(1));

    feature.revocations().revokeAllFor("alice");

    assertEquals("{}", server.get("/read", alice).body());
    assertEquals(List.of(RejectionReason.REVOKED), recorder.rejections);
  }

  @Test
  void logOutEverywhere_throughAnInjectedField_inAnAdminResource() {
    start(revocable());
    String alice = login("alice");
    String bob = login("bob");
    clock.advance(Duration.ofSeconds(1));

    assertEquals(
        "{\"revokedFor\":\"alice\"}", server.get("/admin/logout-everywhere?user=alice").body());

    assertEquals("{}", server.get("/read", alice).body());
    assertEquals("{\"userId\":\"bob\"}", server.get("/read", bob).body());
  }

  @Test
  void aSlidingReissue_neverRevivesACookieIssuedBeforeTheSubjectsEpoch() {
    start(
        TestConfigs.builder()
            .slidingExpiry(Duration.ofHours(1))
            .revocation(RevocationOptions.builder().subjectKey("userId").build()));
    String first = login("alice");
    clock.advance(Duration.ofMinutes(40));
    RawHttp.Response reissue = server.get("/read", first);
    assertNotNull(reissue.cookieValue(NAME), "the sliding reissue happens before the epoch");
    String reissued = cookieHeader(reissue);
    clock.advance(Duration.ofSeconds(1));

    feature.revocations().revokeAllFor("alice");
    clock.advance(Duration.ofMinutes(40)); // both would be due for another reissue now

    for (String copy : List.of(first, reissued)) {
      RawHttp.Response response = server.get("/read", copy);
      assertEquals("{}", response.body());
      assertNull(response.cookieValue(NAME), response.setCookies().toString());
    }
  }

  @Test
  void theRequestThatLogsOutEverywhere_isNotGivenASlidingReissueThatSurvivesIt() {
    start(
        TestConfigs.builder()
            .slidingExpiry(Duration.ofHours(1))
            .revocation(RevocationOptions.builder().subjectKey("userId").build()));
    String alice = login("alice");
    clock.advance(Duration.ofMinutes(45)); // past the reissue share: this response would reseal

    RawHttp.Response everywhere = server.get("/logout-everywhere", alice);
    assertEquals("{\"revokedFor\":\"alice\"}", everywhere.body());
    assertNull(everywhere.cookieValue(NAME), everywhere.setCookies().toString());
    assertEquals("{}", server.get("/read", alice).body());
  }

  @Test
  void aNumericSubject_isRevokedByItsDecimalText() {
    start(revocable());
    RawHttp.Response login = server.get("/login?user=alice");
    String cookie = cookieHeader(login);
    // The resource stores a string; a number under the key is read as its decimal text.
    String numeric =
        "Cookie: "
            + NAME
            + "="
            + IronCodec.create(
                    IronPasswords.single(TestConfigs.PASSWORD),
                    IronOptions.builder().ttl(Duration.ofDays(7)).clock(clock).build())
                .seal("{\"userId\":42}");
    assertEquals("{\"userId\":42}", server.get("/read", numeric).body());
    clock.advance(Duration.ofSeconds(1));
    feature.revocations().revokeAllFor("42");
    assertEquals("{}", server.get("/read", numeric).body());
    assertNotEquals("{}", server.get("/read", cookie).body());
  }

  @Test
  void revokeAllFor_aSubjectWithALoneSurrogate_isRefused_notTakenForAnotherSubject() {
    start(revocable());
    String question = login("?");
    assertThrows(
        IllegalArgumentException.class, () -> feature.revocations().revokeAllFor("\uD800"));
    assertEquals("{\"userId\":\"?\"}", server.get("/read", question).body());
  }

  private static final String LEGACY_SECRET = "a-legacy-cookie-sessions-secret";

  /** A cookie-sessions cookie for this user, written an hour before the test starts. */
  private static String legacyCookie(String user) {
    return "Cookie: _node="
        + LegacyCookieWriter.write(
            LEGACY_SECRET,
            START.minus(Duration.ofHours(1)).toEpochMilli(),
            "{\"userId\":\"" + user + "\"}");
  }

  private static TrackerConfig.Builder revocableWithLegacy() {
    return revocable().legacySecret(LEGACY_SECRET).legacyTimeout(Duration.ofHours(24));
  }

  @Test
  void aLegacyCookieWrittenBeforeLogOutEverywhere_isNeitherReadNorUpgraded() {
    start(revocableWithLegacy());
    String alice = legacyCookie("alice");
    feature.revocations().revokeAllFor("alice");

    RawHttp.Response read = server.get("/read", alice);
    assertEquals("{}", read.body());
    assertNull(read.cookieValue(NAME), read.setCookies().toString());
    assertEquals(List.of(RejectionReason.REVOKED), recorder.rejections);
    // Another user's legacy cookie is still carried over.
    RawHttp.Response bob = server.get("/read", legacyCookie("bob"));
    assertEquals("{\"userId\":\"bob\"}", bob.body());
    assertNotNull(bob.cookieValue(NAME));
  }

  @Test
  void aLegacyCookieRevokedByLogout_cannotBeReplayedIntoANewSeal() {
    start(revocableWithLegacy());
    String alice = legacyCookie("alice");
    assertEquals("{\"recorded\":true}", server.get("/logout", alice).body());

    RawHttp.Response replay = server.get("/read", alice);
    assertEquals("{}", replay.body());
    assertNull(replay.cookieValue(NAME), replay.setCookies().toString());
    assertEquals(List.of(RejectionReason.REVOKED), recorder.rejections);
  }

  @Test
  void revokeAllFor_withoutASubjectKey_failsNamingTheSetting() {
    start(TestConfigs.builder().ttl(Duration.ofDays(1)).revocation(RevocationOptions.embedded()));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> feature.revocations().revokeAllFor("a"));
    assertTrue(e.getMessage().contains("tracker.revocation.subjectKey"), e.getMessage());
  }

  @Test
  void withRevocationOff_revokeRefuses_andTheFeatureHasNoRevocations() {
    start(TestConfigs.builder());
    String alice = login("alice");
    assertEquals(500, server.get("/logout", alice).status()); // a programming error, not a cookie
    assertThrows(IllegalStateException.class, () -> feature.revocations());
  }
}

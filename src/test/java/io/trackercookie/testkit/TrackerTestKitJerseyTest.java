package io.trackercookie.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerListener;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.iron.SealParts;
import io.trackercookie.keys.PasswordRing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The test kit as an application's tests use it: on the Jersey test framework, with the JAX-RS
 * client, the application's real config and a test clock.
 */
class TrackerTestKitJerseyTest {

  /** The application under test: a visit counter. */
  @Path("/")
  public static final class Visits {
    @GET
    @Path("visit")
    public String visit(@Context Tracker tracker) {
      Integer visits = tracker.get("visits", Integer.class);
      int next = visits == null ? 1 : visits + 1;
      tracker.put("visits", next);
      return Integer.toString(next);
    }

    @GET
    @Path("peek")
    public String peek(@Context Tracker tracker) {
      Integer visits = tracker.get("visits", Integer.class);
      return visits == null ? "none" : visits.toString();
    }

    @GET
    @Path("reset")
    public String reset(@Context Tracker tracker) {
      tracker.clear();
      return "reset";
    }

    @GET
    @Path("note")
    public String note(@Context Tracker tracker, @QueryParam("n") int length) {
      tracker.put("note", "x".repeat(length));
      return "noted";
    }
  }

  /** The Jersey test framework on a free port, for the application with this config. */
  abstract static class AppTest extends JerseyTest {
    abstract TrackerConfig config();

    @Override
    protected Application configure() {
      forceSet(TestProperties.CONTAINER_PORT, "0"); // other builds share this machine
      return new ResourceConfig(Visits.class).register(new TrackerFeature(config()));
    }

    Response get(String path, String cookieHeader) {
      var request = target(path).request();
      return cookieHeader == null
          ? request.get()
          : request.header(HttpHeaders.COOKIE, cookieHeader).get();
    }

    static List<String> setCookies(Response response) {
      List<String> lines = response.getStringHeaders().get(HttpHeaders.SET_COOKIE);
      return lines == null ? List.of() : lines;
    }
  }

  static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  static final List<RejectionReason> APP_REJECTIONS = new CopyOnWriteArrayList<>();
  static final TrackerConfig CONFIG =
      TestConfigs.builder()
          .clock(CLOCK)
          .ttl(Duration.ofHours(1))
          .listener(
              new TrackerListener() {
                @Override
                public void cookieRejected(RejectionReason reason) {
                  APP_REJECTIONS.add(reason);
                }
              })
          .build();
  static final TrackerTestKit KIT = TrackerTestKit.of(CONFIG);

  @Nested
  class WithATtl extends AppTest {
    @Override
    TrackerConfig config() {
      return CONFIG;
    }

    @Test
    void aForgedCookie_isReadByTheApplication_andTheResponseTrackerIsReadBack() {
      CLOCK.set(Instant.parse("2026-03-01T10:00:00Z"));
      Response response = get("visit", KIT.cookieHeader(Map.of("visits", 41)));
      assertEquals("42", response.readEntity(String.class));
      assertEquals(Map.of("visits", 42), KIT.read(setCookies(response)).orElseThrow());
    }

    @Test
    void anUntouchedTracker_readsAsNotWritten_andAClearedOneAsEmpty() {
      CLOCK.set(Instant.parse("2026-03-01T10:00:00Z"));
      String cookie = KIT.cookieHeader(Map.of("visits", 3));
      Response peek = get("peek", cookie);
      assertEquals("3", peek.readEntity(String.class));
      assertTrue(KIT.read(setCookies(peek)).isEmpty(), "nothing written");
      Response reset = get("reset", cookie);
      assertEquals(Map.of(), KIT.read(setCookies(reset)).orElseThrow(), "deleted");
    }

    @Test
    void theTestClock_expiresAForgedCookie_asTheTtlSays() {
      CLOCK.set(Instant.parse("2026-03-01T10:00:00Z"));
      String cookie = KIT.cookieHeader(Map.of("visits", 7));
      CLOCK.advance(Duration.ofMinutes(30));
      assertEquals("7", get("peek", cookie).readEntity(String.class));
      // ttl one hour, and iron's 60 s of allowed skew.
      CLOCK.advance(Duration.ofMinutes(32));
      assertEquals("none", get("peek", cookie).readEntity(String.class));
      assertEquals(Map.of(), KIT.readCookieHeader(cookie), "the kit agrees: expired");
    }

    @Test
    void aCookieThisConfigCannotOpen_failsTheRead_namingTheReasonOnly_andIsNotCounted() {
      CLOCK.set(Instant.parse("2026-03-01T10:00:00Z"));
      TrackerTestKit other =
          TrackerTestKit.of(TrackerConfig.builder().password(TestConfigs.OTHER_PASSWORD).build());
      String foreign = other.cookieHeader(Map.of("visits", 1));
      int before = APP_REJECTIONS.size();
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> KIT.read(List.of(foreign + "; Path=/; HttpOnly")));
      assertTrue(e.getMessage().endsWith("BAD_MAC"), e.getMessage());
      assertFalse(e.getMessage().contains(foreign.substring(foreign.indexOf('='))));
      assertEquals(before, APP_REJECTIONS.size(), "the kit tells the app's listeners nothing");
      // The application itself refuses it and counts it.
      assertEquals("none", get("peek", foreign).readEntity(String.class));
      assertEquals(List.of(RejectionReason.BAD_MAC), APP_REJECTIONS.subList(before, before + 1));
    }

    @Test
    void contentThatIsNoTracker_isRefusedWhenForged() {
      assertThrows(IllegalArgumentException.class, () -> KIT.cookieHeader(List.of(1, 2)));
      assertThrows(IllegalArgumentException.class, () -> KIT.cookieHeader(Map.of("__proto__", 1)));
    }
  }

  static final TrackerConfig CHUNKED = TestConfigs.builder().chunking().build();
  static final TrackerTestKit CHUNKED_KIT = TrackerTestKit.of(CHUNKED);

  @Nested
  class WithChunking extends AppTest {
    @Override
    TrackerConfig config() {
      return CHUNKED;
    }

    @Test
    void aForgedCookieTooLargeForOne_isSentAsChunks_andChunksAreReadBack() {
      String cookie = CHUNKED_KIT.cookieHeader(Map.of("visits", 1, "note", "y".repeat(3500)));
      assertTrue(cookie.startsWith(CHUNKED_KIT.cookieName() + ".0="), "chunked");
      assertTrue(cookie.contains("; " + CHUNKED_KIT.cookieName() + ".1="), "chunked");
      Response response = get("visit", cookie);
      assertEquals("2", response.readEntity(String.class));
      assertTrue(setCookies(response).size() >= 2, "the response chunks too");
      Map<String, Object> tracker = CHUNKED_KIT.read(setCookies(response)).orElseThrow();
      assertEquals(2, tracker.get("visits"));
      assertEquals("y".repeat(3500), tracker.get("note"));
    }
  }

  static final TestClock SLIDING_CLOCK = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  static final TrackerConfig SLIDING =
      TestConfigs.builder().clock(SLIDING_CLOCK).slidingExpiry(Duration.ofHours(1)).build();
  static final TrackerTestKit SLIDING_KIT = TrackerTestKit.of(SLIDING);

  @Nested
  class WithSlidingExpiry extends AppTest {
    @Override
    TrackerConfig config() {
      return SLIDING;
    }

    @Test
    void anActiveVisitorsCookie_isReissued_pastHalfItsLifetime() {
      SLIDING_CLOCK.set(Instant.parse("2026-03-01T10:00:00Z"));
      String cookie = SLIDING_KIT.cookieHeader(Map.of("visits", 5));
      SLIDING_CLOCK.advance(Duration.ofMinutes(20));
      assertTrue(SLIDING_KIT.read(setCookies(get("peek", cookie))).isEmpty(), "not due yet");
      SLIDING_CLOCK.advance(Duration.ofMinutes(20));
      Response due = get("peek", cookie);
      assertEquals("5", due.readEntity(String.class));
      assertEquals(Map.of("visits", 5), SLIDING_KIT.read(setCookies(due)).orElseThrow());
    }
  }

  static final TestClock SCHEDULE_CLOCK = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  static final TrackerConfig SCHEDULED =
      TrackerConfig.builder()
          .passwordRing(
              PasswordRing.builder()
                  .current("k1", IronSecret.password(TestConfigs.PASSWORD))
                  .sealFrom(
                      "k2",
                      IronSecret.password(TestConfigs.OTHER_PASSWORD),
                      Instant.parse("2026-03-01T12:00:00Z"))
                  .build())
          .clock(SCHEDULE_CLOCK)
          .build();
  static final TrackerTestKit SCHEDULED_KIT = TrackerTestKit.of(SCHEDULED);

  @Nested
  class WithAKeySchedule extends AppTest {
    @Override
    TrackerConfig config() {
      return SCHEDULED;
    }

    @Test
    void theKitSeals_withThePasswordTheScheduleNamesAtTheClocksTime() {
      SCHEDULE_CLOCK.set(Instant.parse("2026-03-01T11:00:00Z"));
      String before = SCHEDULED_KIT.cookieHeader(Map.of("visits", 1));
      assertEquals("k1", SealParts.parse(before.substring(before.indexOf('=') + 1)).passwordId());
      SCHEDULE_CLOCK.set(Instant.parse("2026-03-01T12:30:00Z"));
      String after = SCHEDULED_KIT.cookieHeader(Map.of("visits", 1));
      assertEquals("k2", SealParts.parse(after.substring(after.indexOf('=') + 1)).passwordId());
      // The application opens both, and reseals the k1 cookie with k2.
      assertEquals("2", get("visit", after).readEntity(String.class));
      Response old = get("visit", before);
      assertEquals("2", old.readEntity(String.class));
      assertEquals(Map.of("visits", 2), SCHEDULED_KIT.read(setCookies(old)).orElseThrow());
    }
  }

  @Test
  void theTestClock_movesOnlyForward_whenAdvanced() {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    clock.advance(Duration.ofSeconds(5));
    assertEquals(Instant.parse("2026-03-01T10:00:05Z"), clock.instant());
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
  }
}

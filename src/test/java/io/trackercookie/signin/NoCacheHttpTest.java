package io.trackercookie.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.SignInOptions;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No cache may store a response that sets the tracker's cookie: it gets {@code Cache-Control:
 * no-store} unless the application's own directive already has it; responses without the cookie are
 * left alone.
 */
class NoCacheHttpTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05Z"));
  private SignInServer server;

  @BeforeEach
  void start() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .slidingExpiry(Duration.ofMinutes(30))
                .signIn(SignInOptions.defaults()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void signInResponse_isNoStore() {
    RawHttp.Response response = server.post("/signin?user=alice");
    assertNotNull(server.setCookieLine(response));
    assertEquals(List.of("no-store"), response.header("Cache-Control"));
  }

  @Test
  void writeReissueAndDeletion_areNoStore_aResponseWithoutTheCookieIsLeftAlone() {
    server.get("/put?k=a&v=1");
    RawHttp.Response unchanged = server.get("/read");
    assertTrue(unchanged.setCookies().isEmpty());
    assertEquals(List.of(), unchanged.header("Cache-Control"));
    clock.advance(Duration.ofMinutes(20));
    RawHttp.Response reissued = server.get("/read");
    assertNotNull(server.setCookieLine(reissued), "reissued: past half its lifetime");
    assertEquals(List.of("no-store"), reissued.header("Cache-Control"));
    server.post("/signin?user=alice");
    RawHttp.Response deleted = server.post("/signout");
    assertTrue(server.setCookieLine(deleted).contains("Max-Age=0"));
    assertEquals(List.of("no-store"), deleted.header("Cache-Control"));
  }

  @Test
  void applicationsPublicDirective_isReplacedByNoStore() {
    RawHttp.Response response = server.get("/put-cached?v=1&cc=public,%20max-age=3600");
    assertEquals(List.of("no-store"), response.header("Cache-Control"));
  }

  @Test
  void applicationsOwnNoStore_isKeptAsItIs() {
    RawHttp.Response response = server.get("/put-cached?v=1&cc=no-store,%20no-transform");
    assertEquals(List.of("no-store, no-transform"), response.header("Cache-Control"));
  }
}

package io.trackercookie.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RecentSignInRequiredException;
import io.trackercookie.SignInOptions;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerFeature;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @RecentSignIn} and {@code requireSignInWithin}: a request whose sign-in is older, or
 * absent, is refused before the method runs with a 403 and a problem body the client can act on.
 */
class RecentSignInHttpTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final String OLDER_THAN_FIVE_MINUTES =
      "{\"type\":\"urn:io.trackercookie:recent-sign-in-required\",\"title\":\"Recent sign-in"
          + " required\",\"status\":403,\"detail\":\"Sign in again: this action needs a sign-in"
          + " within the last 300 seconds.\",\"signInWithinSeconds\":300,\"signedIn\":true}";

  private final TestClock clock = new TestClock(START);
  private SignInServer server;

  @BeforeEach
  void start() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .ttl(Duration.ofDays(1))
                .signIn(SignInOptions.builder().absoluteLifetime(Duration.ofDays(1)).build()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void recentSignIn_runsTheMethod() {
    server.post("/signin?user=alice");
    clock.advance(Duration.ofMinutes(5));
    RawHttp.Response response = server.post("/sensitive");
    assertEquals(200, response.status());
    assertEquals("{\"done\":true}", response.body());
  }

  @Test
  void olderSignIn_is403WithAProblemBody_andTheMethodDoesNotRun() {
    server.post("/signin?user=alice");
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    RawHttp.Response response = server.post("/sensitive");
    assertEquals(403, response.status());
    assertEquals(List.of("application/problem+json"), response.header("Content-Type"));
    assertEquals(List.of("no-store"), response.header("Cache-Control"));
    assertFalse(response.headerLines().stream().anyMatch(l -> l.startsWith("WWW-Authenticate")));
    assertEquals(OLDER_THAN_FIVE_MINUTES, response.body());
    assertFalse(server.get("/read").body().contains("sensitive"), "the method did not run");
  }

  @Test
  void signingInAgain_letsTheSameRequestThrough() {
    server.post("/signin?user=alice");
    clock.advance(Duration.ofHours(1));
    assertEquals(403, server.post("/sensitive").status());
    server.post("/signin?user=alice");
    assertEquals(200, server.post("/sensitive").status());
  }

  @Test
  void notSignedIn_is403_sayingSo() {
    server.get("/put?k=cart&v=3");
    RawHttp.Response response = server.post("/sensitive");
    assertEquals(403, response.status());
    assertTrue(response.body().endsWith("\"signedIn\":false}"), response.body());
  }

  @Test
  void classAnnotation_coversItsMethods_andAMethodsOwnWins() {
    server.post("/signin?user=alice");
    clock.advance(Duration.ofMinutes(2));
    assertEquals(200, server.post("/account/email").status(), "the class allows 10 minutes");
    RawHttp.Response password = server.post("/account/password");
    assertEquals(403, password.status(), "the method allows 1 minute");
    assertTrue(password.body().contains("\"signInWithinSeconds\":60"), password.body());
  }

  @Test
  void checkInCode_refusesTheSame() {
    server.post("/signin?user=alice");
    clock.advance(Duration.ofMinutes(3));
    assertEquals(200, server.post("/sensitive-in-code?minutes=5").status());
    RawHttp.Response refused = server.post("/sensitive-in-code?minutes=2");
    assertEquals(403, refused.status());
    assertEquals(List.of("application/problem+json"), refused.header("Content-Type"));
    assertTrue(refused.body().contains("\"signInWithinSeconds\":120"), refused.body());
  }

  @Test
  void exception_saysHowRecentAndWhetherSignedIn() {
    RecentSignInRequiredException e =
        new RecentSignInRequiredException(Duration.ofMinutes(5), false);
    assertEquals(300, e.signInWithinSeconds());
    assertFalse(e.signedIn());
    assertEquals(403, e.getResponse().getStatus());
  }

  @Test
  void annotatedMethod_withSignInOff_stopsTheStart() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new TestServer(
                    () ->
                        new ResourceConfig(SignInResource.Recent.class)
                            .register(new TrackerFeature(SignInServer.config().build()))));
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertTrue(cause.getMessage().contains("@RecentSignIn on"), cause.getMessage());
    assertTrue(cause.getMessage().contains("needs sign-in on"), cause.getMessage());
  }
}

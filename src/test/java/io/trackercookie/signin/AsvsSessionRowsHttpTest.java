package io.trackercookie.signin;

import static io.trackercookie.signin.SignInServer.expirationOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.iron.SealParts;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OWASP ASVS 4.0.3 chapter V3 (5.0: V7) rows SECURITY.md claims for signed-in sessions, one
 * test a row, each named for it, over HTTP with the preset ({@code signedInSessions()}).
 */
class AsvsSessionRowsHttpTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final String NAME = "__Host-" + SignInServer.NAME;
  private static final String SIGNED_OUT =
      "{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}";

  private final TestClock clock = new TestClock(START);
  private SignInServer server;

  @BeforeEach
  void start() {
    server = new SignInServer(TestConfigs.builder().signedInSessions().clock(clock), NAME);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private boolean signedIn(String cookie) {
    return server.getWith(cookie, "/me").body().contains("\"signedIn\":true");
  }

  @Test
  void v3_2_1_signIn_writesANewToken_andEndsTheOneBefore() {
    server.get("/put?k=cart&v=3");
    String before = server.cookie;
    server.post("/signin?user=alice");
    assertNotEquals(before, server.cookie);
    assertEquals("{}", server.getWith(before, "/read").body(), "the token from before sign-in");
    // Re-authentication too (5.0 7.2.4).
    String first = server.cookie;
    server.post("/signin?user=alice");
    assertFalse(signedIn(first));
    assertTrue(signedIn(server.cookie));
  }

  @Test
  void v3_2_2_eachToken_carries128RandomBits() {
    Set<String> ivs = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      server.post("/signin?user=alice");
      String iv = SealParts.parse(server.cookie).encryptionIv();
      assertEquals(16, Base64.getUrlDecoder().decode(iv).length, "a 128-bit random IV");
      ivs.add(iv);
    }
    assertEquals(20, ivs.size(), "never repeated");
  }

  @Test
  void v3_2_3_theTokenIsKeptOnlyInASecureHttpOnlyCookie_neverInABodyOrAUrl() {
    RawHttp.Response response = server.post("/signin?user=alice");
    String line = server.setCookieLine(response);
    assertTrue(line.contains("; Secure; HttpOnly;"), line);
    for (String header : response.headerLines()) {
      if (!header.startsWith("Set-Cookie:")) {
        assertFalse(header.contains(server.cookie), header);
      }
    }
    assertFalse(response.body().contains(server.cookie));
  }

  @Test
  void v3_3_1_signOut_endsTheSession_forEveryCopyOfTheToken() {
    server.post("/signin?user=alice");
    String copy = server.cookie; // the back button, a proxy's log, another tab
    server.post("/signout");
    assertEquals(SIGNED_OUT, server.getWith(copy, "/me").body());
    // Expiration too: an idle session's token opens as nothing afterwards.
    server.post("/signin?user=alice");
    String idle = server.cookie;
    clock.advance(Duration.ofMinutes(32));
    assertEquals(SIGNED_OUT, server.getWith(idle, "/me").body());
  }

  @Test
  void v3_3_2_anActiveSessionEndsAfterTwelveHours_anIdleOneAfterThirtyMinutes() {
    server.post("/signin?user=alice&remember=true");
    for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.set(START.plus(Duration.ofMinutes(minutes)));
      assertTrue(server.get("/me").body().contains("\"signedIn\":true"), "minute " + minutes);
      assertFalse(expirationOf(server.cookie).isAfter(START.plus(Duration.ofHours(12))));
    }
    clock.set(START.plus(Duration.ofHours(12)));
    assertEquals(SIGNED_OUT, server.get("/me").body());
    clock.set(START);
    server.post("/signin?user=bob");
    clock.advance(Duration.ofMinutes(31));
    assertEquals(SIGNED_OUT, server.get("/me").body());
  }

  @Test
  void v3_3_3_afterAPasswordChange_everyOtherSessionEnds_andThisOneGoesOn() {
    server.post("/signin?user=alice");
    String laptop = server.cookie;
    server.cookie = null;
    server.post("/signin?user=alice&remember=true");
    clock.advance(Duration.ofSeconds(1));
    server.post(
        "/signout-others"); // after the password change: revokeOthersFor, then sign in again
    assertFalse(signedIn(laptop));
    assertTrue(server.get("/me").body().contains("\"signedIn\":true"));
  }

  @Test
  void v3_4_1_theCookieIsSecure() {
    assertTrue(server.setCookieLine(server.post("/signin?user=alice")).contains("; Secure;"));
  }

  @Test
  void v3_4_2_theCookieIsHttpOnly() {
    assertTrue(server.setCookieLine(server.post("/signin?user=alice")).contains("; HttpOnly;"));
  }

  @Test
  void v3_4_3_theCookieIsSameSiteLax() {
    assertTrue(server.setCookieLine(server.post("/signin?user=alice")).endsWith("; SameSite=Lax"));
  }

  @Test
  void v3_4_4_theCookieHasTheHostPrefix_withPathRootAndNoDomain() {
    String line = server.setCookieLine(server.post("/signin?user=alice"));
    assertTrue(line.startsWith("__Host-"), line);
    assertTrue(line.contains("; Path=/;") && !line.contains("Domain="), line);
  }

  @Test
  void v3_5_3_aTamperedToken_opensAsNothing() {
    server.post("/signin?user=alice");
    SealParts parts = SealParts.parse(server.cookie);
    String otherSubject =
        String.join(
            "*",
            List.of(
                parts.prefix(),
                parts.passwordId(),
                parts.encryptionSalt(),
                parts.encryptionIv(),
                flipFirst(parts.encryptedB64()),
                parts.expiration(),
                parts.hmacSalt(),
                parts.hmac()));
    assertEquals(SIGNED_OUT, server.getWith(otherSubject, "/me").body());
    String longer =
        server.cookie.replace(
            "*" + parts.expiration() + "*",
            "*" + (Long.parseLong(parts.expiration()) + 86_400_000L) + "*");
    assertEquals(SIGNED_OUT, server.getWith(longer, "/me").body(), "a longer life");
  }

  @Test
  void v3_7_1_aSensitiveAction_needsARecentSignIn() {
    server.post("/signin?user=alice");
    clock.advance(Duration.ofMinutes(4));
    assertEquals(200, server.post("/sensitive").status());
    clock.advance(Duration.ofMinutes(2));
    server.get("/me"); // an active session, but its sign-in is six minutes old
    assertEquals(403, server.post("/sensitive").status());
  }

  @Test
  void v8_2_1_responsesThatSetTheToken_areNotCached() {
    assertEquals(List.of("no-store"), server.post("/signin?user=alice").header("Cache-Control"));
  }

  private static String flipFirst(String base64url) {
    char first = base64url.charAt(0);
    return (first == 'A' ? 'B' : 'A') + base64url.substring(1);
  }
}

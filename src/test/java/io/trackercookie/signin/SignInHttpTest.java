package io.trackercookie.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.RevocationOptions;
import io.trackercookie.SignInOptions;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sign in, renew and sign out over HTTP, with and without revocation. */
class SignInHttpTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  private final TestClock clock = new TestClock(START);
  private SignInServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SignInServer withRevocation() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .slidingExpiry(Duration.ofMinutes(30))
                .signIn(SignInOptions.defaults())
                .revocation(RevocationOptions.embedded()));
    return server;
  }

  private SignInServer withoutRevocation() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .slidingExpiry(Duration.ofMinutes(30))
                .signIn(SignInOptions.defaults()));
    return server;
  }

  @Test
  void signIn_storesTheSubjectAndTime_andTheApplicationSeesOnlyTheSubject() {
    SignInServer s = withRevocation();
    s.get("/put?k=cart&v=3");
    RawHttp.Response signedIn = s.post("/signin?user=alice");
    assertEquals(200, signedIn.status(), signedIn.body());
    assertEquals(
        "{\"signedIn\":true,\"subject\":\"alice\",\"signedInAt\":\"" + START + "\"}",
        s.get("/me").body());
    // The sign-in's own fields stay in the reserved key, which no read shows.
    assertEquals("{\"cart\":\"3\",\"subject\":\"alice\"}", s.get("/read").body());
    JsonNode sealed = SignInServer.trackerObject(s.unseal(s.cookie));
    assertEquals("3", sealed.get("cart").asText());
    assertEquals("alice", sealed.get("subject").asText());
    JsonNode metadata = sealed.get("$tracker");
    assertEquals(START.toEpochMilli(), metadata.get("signedInAt").longValue());
    assertTrue(metadata.get("csrf").isTextual(), "a CSRF nonce drawn at sign-in: " + metadata);
    assertFalse(metadata.has("persistent"), "a session cookie: " + metadata);
  }

  @Test
  void signIn_revokesTheSealTheRequestCameWith_soAnEarlierCopyOpensAsNothing() {
    SignInServer s = withRevocation();
    s.get("/put?k=visit&v=1");
    String beforeSignIn = s.cookie; // planted, or copied before sign-in
    s.post("/signin?user=alice");
    assertNotEquals(beforeSignIn, s.cookie);
    assertEquals("{}", s.getWith(beforeSignIn, "/read").body());
    assertEquals(List.of(RejectionReason.REVOKED), s.rejections);
    assertEquals("{\"visit\":\"1\",\"subject\":\"alice\"}", s.get("/read").body());
  }

  @Test
  void signIn_alwaysWritesAFreshSeal_evenForTheSameSubjectInTheSameSecond() {
    SignInServer s = withRevocation();
    s.post("/signin?user=alice");
    String first = s.cookie;
    RawHttp.Response again = s.post("/signin?user=alice");
    assertNotNull(s.setCookieLine(again), "a new seal although the content is the same");
    assertNotEquals(first, s.cookie);
    assertEquals("{}", s.getWith(first, "/read").body(), "the first is revoked");
    assertTrue(s.get("/me").body().contains("\"signedIn\":true"));
  }

  @Test
  void signIn_drawsANewCsrfNonce_soTokensMadeBeforeItNoLongerMatch() {
    SignInServer s = withRevocation();
    // A visitor whose session already had a CSRF nonce, as the seal of another node holds it.
    String withNonce =
        server.sealForeign("{\"visit\":1,\"$tracker\":{\"csrf\":\"bm9uY2Utb2YtdGhlLXBhc3Q\"}}");
    s.cookie = withNonce;
    s.post("/signin?user=alice");
    String sealed = s.unseal(s.cookie);
    assertTrue(sealed.contains("csrf"), "a new nonce: " + sealed);
    assertFalse(sealed.contains("bm9uY2Utb2YtdGhlLXBhc3Q"), sealed);
    assertTrue(sealed.contains("signedInAt"), sealed);
  }

  @Test
  void renew_keepsSubjectAndSignInTime_writesAFreshSeal_andRevokesTheOldOne() {
    SignInServer s = withRevocation();
    s.post("/signin?user=alice");
    String signedIn = s.cookie;
    clock.advance(Duration.ofMinutes(10));
    RawHttp.Response renewed = s.post("/renew");
    assertEquals("{\"recorded\":true}", renewed.body());
    assertNotEquals(signedIn, s.cookie);
    assertEquals(
        "{\"signedIn\":true,\"subject\":\"alice\",\"signedInAt\":\"" + START + "\"}",
        s.get("/me").body());
    assertEquals("{}", s.getWith(signedIn, "/read").body(), "the seal before the renewal");
  }

  @Test
  void renew_whenNotSignedIn_isRefused() {
    SignInServer s = withRevocation();
    RawHttp.Response refused = s.post("/renew");
    assertEquals(409, refused.status());
    assertTrue(refused.body().contains("Tracker.renew needs a signed-in tracker"), refused.body());
  }

  @Test
  void signOut_revokesTheSeal_andDeletesTheCookie() {
    SignInServer s = withRevocation();
    s.post("/signin?user=alice");
    String signedIn = s.cookie;
    RawHttp.Response out = s.post("/signout");
    assertEquals("{\"recorded\":true}", out.body());
    assertTrue(s.setCookieLine(out).contains("Max-Age=0"), s.setCookieLine(out));
    assertNull(s.cookie);
    assertEquals(
        "{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}",
        s.getWith(signedIn, "/me").body(),
        "a copy kept from before the sign-out");
  }

  @Test
  void signOut_withoutRevocation_clearsAndDeletes() {
    SignInServer s = withoutRevocation();
    s.post("/signin?user=alice");
    RawHttp.Response out = s.post("/signout");
    assertEquals("{\"recorded\":true}", out.body());
    assertTrue(s.setCookieLine(out).contains("Max-Age=0"));
  }

  @Test
  void withoutRevocation_signInStillWritesAFreshSeal() {
    SignInServer s = withoutRevocation();
    s.get("/put?k=visit&v=1");
    RawHttp.Response signedIn = s.post("/signin?user=bob");
    assertEquals("{\"recorded\":true}", signedIn.body());
    assertEquals("{\"visit\":\"1\",\"subject\":\"bob\"}", s.get("/read").body());
  }

  @Test
  void signInOff_signInIsRefused_andNothingReadsAsSignedIn() {
    server = new SignInServer(SignInServer.config().clock(clock));
    RawHttp.Response refused = server.post("/signin?user=alice");
    assertEquals(409, refused.status());
    assertTrue(refused.body().contains("needs sign-in on"), refused.body());
    // A cookie that holds a sign-in reads as the plain data it is.
    server.cookie =
        server.sealForeign(
            "{\"subject\":\"alice\",\"$tracker\":{\"signedInAt\":" + START.toEpochMilli() + "}}");
    assertEquals(
        "{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}", server.get("/me").body());
    assertEquals("{\"subject\":\"alice\"}", server.get("/read").body());
  }

  @Test
  void cookieWithASubjectButNoSignIn_readsAsBefore_andIsNotSignedIn() {
    SignInServer s = withRevocation();
    // As npm tracker-cookie or iron-session would have written it: no reserved key.
    s.cookie = s.sealForeign("{\"subject\":\"alice\",\"visits\":3}");
    assertEquals("{\"subject\":\"alice\",\"visits\":3}", s.get("/read").body());
    assertEquals("{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}", s.get("/me").body());
    assertTrue(s.rejections.isEmpty(), s.rejections.toString());
  }

  @Test
  void signOutOtherDevices_endsEverySessionOfTheSubject_butTheNewOneHere() {
    SignInServer s = withRevocation();
    s.post("/signin?user=alice");
    String otherDevice = s.cookie;
    s.cookie = null;
    s.post("/signin?user=alice&remember=true");
    clock.advance(Duration.ofSeconds(5));
    RawHttp.Response out = s.post("/signout-others");
    assertEquals("{\"recorded\":true}", out.body());
    assertEquals("{}", s.getWith(otherDevice, "/read").body());
    assertTrue(s.get("/me").body().contains("\"signedIn\":true"), "this device signed in again");
    clock.advance(Duration.ofMinutes(1));
    assertTrue(s.get("/me").body().contains("\"signedIn\":true"), "and stays so");
  }
}

package io.trackercookie.crosssite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CrossSiteProtection;
import io.trackercookie.CrossSiteRefusal;
import io.trackercookie.RawHttp;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerListener;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the token required, over real HTTP: every unsafe request carries this session's token in
 * {@code X-CSRF-Token} or the {@code _csrf} form field, or is refused with its own reason. The
 * requests here are same-origin (or from no browser), so only the token decides.
 */
class CsrfTokenRequiredHttpTest {

  private static final String NAME = "persistent-information";
  private static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  private static final List<CrossSiteRefusal> REFUSED = new CopyOnWriteArrayList<>();
  private static TestServer server;

  @BeforeAll
  static void start() {
    TrackerConfig config =
        TestConfigs.builder()
            .crossSite(CrossSiteProtection.builder().enabled(true).requireToken(true).build())
            .revocation(RevocationOptions.builder().embedded().subjectKey("userId").build())
            .listener(
                new TrackerListener() {
                  @Override
                  public void requestRefused(CrossSiteRefusal reason) {
                    REFUSED.add(reason);
                  }
                })
            .build();
    server =
        new TestServer(
            () ->
                new ResourceConfig(CrossSiteResource.class, CrossSiteResource.Open.class)
                    .register(new TrackerFeature(config)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    CrossSiteResource.REACHED.set(0);
    REFUSED.clear();
  }

  /** A visitor's cookie header and the token its page got. */
  private record Session(String cookie, String token) {}

  private static Session newSession() {
    RawHttp.Response page = server.get("/xs/token");
    String value = page.cookieValue(NAME);
    assertNotNull(value);
    return new Session("Cookie: " + NAME + "=" + value, page.body());
  }

  private static RawHttp.Response post(String path, String body, String... headers) {
    return RawHttp.requestWithBody(server.base(), "POST", path, body, headers);
  }

  private static void assertRefused(RawHttp.Response response, CrossSiteRefusal reason) {
    assertEquals(403, response.status(), response.body());
    assertEquals(
        reason == CrossSiteRefusal.TOKEN_MISSING
            ? CrossSiteProtection.TOKEN_MISSING_BODY
            : CrossSiteProtection.TOKEN_INVALID_BODY,
        response.body());
    assertTrue(response.setCookies().isEmpty(), "the tracker is left as it was");
    assertEquals(0, CrossSiteResource.REACHED.get());
    assertEquals(List.of(reason), REFUSED);
  }

  private static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void theTokenInTheHeader_passes() {
    Session session = newSession();
    RawHttp.Response response =
        post("/xs/write", "", session.cookie(), "X-CSRF-Token: " + session.token());
    assertEquals(200, response.status(), response.body());
    assertEquals(1, CrossSiteResource.REACHED.get());
  }

  @Test
  void theTokenInAFormField_passes_andTheResourceStillReadsTheWholeForm() {
    Session session = newSession();
    String body = field("_csrf", session.token()) + "&" + field("name", "Zoë & co") + "&after=last";
    RawHttp.Response response = post("/xs/form", body, session.cookie(), FORM);
    assertEquals(200, response.status(), response.body());
    assertEquals("Zoë & co,last", response.body());
  }

  @Test
  void noToken_isRefusedAsMissing() {
    Session session = newSession();
    assertRefused(post("/xs/write", "", session.cookie()), CrossSiteRefusal.TOKEN_MISSING);
    reset();
    assertRefused(
        post("/xs/form", "name=x", session.cookie(), FORM), CrossSiteRefusal.TOKEN_MISSING);
  }

  @Test
  void aClientThatIsNoBrowser_needsTheTokenToo() {
    assertRefused(post("/xs/write", ""), CrossSiteRefusal.TOKEN_MISSING);
  }

  @Test
  void aTokenWithoutTheSession_isRefusedAsInvalid() {
    Session session = newSession();
    assertRefused(
        post("/xs/write", "", "X-CSRF-Token: " + session.token()), CrossSiteRefusal.TOKEN_INVALID);
  }

  @Test
  void anotherSessionsToken_isRefused_inHeaderAndForm() {
    Session mine = newSession();
    Session theirs = newSession();
    assertRefused(
        post("/xs/write", "", mine.cookie(), "X-CSRF-Token: " + theirs.token()),
        CrossSiteRefusal.TOKEN_INVALID);
    reset();
    assertRefused(
        post("/xs/form", field("_csrf", theirs.token()), mine.cookie(), FORM),
        CrossSiteRefusal.TOKEN_INVALID);
  }

  @Test
  void aTokenFromBeforeTheRenewal_isRefused() {
    Session session = newSession();
    RawHttp.Response renewed =
        post("/xs/renew", "", session.cookie(), "X-CSRF-Token: " + session.token());
    assertEquals(200, renewed.status());
    Session after =
        new Session("Cookie: " + NAME + "=" + renewed.cookieValue(NAME), renewed.body());
    reset();
    assertRefused(
        post("/xs/write", "", after.cookie(), "X-CSRF-Token: " + session.token()),
        CrossSiteRefusal.TOKEN_INVALID);
    reset();
    assertEquals(
        200, post("/xs/write", "", after.cookie(), "X-CSRF-Token: " + after.token()).status());
  }

  @Test
  void aTokenOfAnotherSubject_isRefused() {
    Session anonymous = newSession();
    // Signing in sets the subject: the token the anonymous page held no longer matches.
    RawHttp.Response signedIn =
        post(
            "/xs/sign-in",
            field("_csrf", anonymous.token()) + "&user=alice",
            anonymous.cookie(),
            FORM);
    assertEquals(200, signedIn.status(), signedIn.body());
    Session alice =
        new Session("Cookie: " + NAME + "=" + signedIn.cookieValue(NAME), signedIn.body());
    reset();
    assertRefused(
        post("/xs/write", "", alice.cookie(), "X-CSRF-Token: " + anonymous.token()),
        CrossSiteRefusal.TOKEN_INVALID);
    reset();
    assertEquals(
        200, post("/xs/write", "", alice.cookie(), "X-CSRF-Token: " + alice.token()).status());
  }

  @Test
  void garbage_isRefusedAsInvalid_neverAnError() {
    Session session = newSession();
    for (String token : List.of("x", "%", "a".repeat(86), "a".repeat(4_000))) {
      reset();
      assertRefused(
          post("/xs/write", "", session.cookie(), "X-CSRF-Token: " + token),
          CrossSiteRefusal.TOKEN_INVALID);
    }
    reset();
    assertRefused(
        post("/xs/form", "_csrf=%zz&_csrf", session.cookie(), FORM),
        CrossSiteRefusal.TOKEN_INVALID);
  }

  @Test
  void anUnreadableContentType_neverReachesTheResource_norMakesA500() {
    Session session = newSession();
    RawHttp.Response response =
        post("/xs/write", "_csrf=" + session.token(), session.cookie(), "Content-Type: ;;/=\"");
    // Jersey answers 400 itself while matching; a runtime that lets it through gets our 403.
    assertTrue(response.status() == 400 || response.status() == 403, "" + response.status());
    assertEquals(0, CrossSiteResource.REACHED.get());
  }

  @Test
  void aFormFieldPastTheFirst64KiB_isNotLookedFor() {
    Session session = newSession();
    String body = "name=" + "x".repeat(70_000) + "&" + field("_csrf", session.token());
    assertRefused(post("/xs/form", body, session.cookie(), FORM), CrossSiteRefusal.TOKEN_MISSING);
  }

  @Test
  void aLargeFormWithTheTokenFirst_reachesTheResourceWhole() {
    Session session = newSession();
    String name = "y".repeat(200_000);
    RawHttp.Response response =
        post(
            "/xs/form",
            field("_csrf", session.token()) + "&name=" + name + "&after=end",
            session.cookie(),
            FORM);
    assertEquals(200, response.status());
    assertEquals(name + ",end", response.body());
  }

  @Test
  void theOriginCheck_stillComesFirst() {
    Session session = newSession();
    RawHttp.Response response =
        post(
            "/xs/write",
            "",
            session.cookie(),
            "X-CSRF-Token: " + session.token(),
            "Sec-Fetch-Site: cross-site");
    assertEquals(403, response.status());
    assertEquals(CrossSiteProtection.CROSS_SITE_BODY, response.body());
    assertEquals(List.of(CrossSiteRefusal.CROSS_SITE), REFUSED);
  }

  @Test
  void anOptedOutResource_needsNoToken() {
    assertEquals(200, post("/xs/callback", "").status());
    assertEquals(200, post("/open", "").status());
  }
}

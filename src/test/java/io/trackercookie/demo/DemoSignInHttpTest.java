package io.trackercookie.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CrossSiteProtection;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's sign-in over real HTTP: the form, {@code POST /login}, {@code GET /me} from the
 * SecurityContext, {@code @RolesAllowed} on {@code GET /admin}, remember-me, {@code POST /logout}
 * and {@code POST /logout-everywhere}, and the cross-site protection in front of them.
 */
class DemoSignInHttpTest {

  private static final String NAME = "persistent-information";
  private static final String FORM = "Content-Type: application/x-www-form-urlencoded";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = demo(Map.of("TRACKER_PASSWORD", TestConfigs.PASSWORD));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestServer demo(Map<String, String> environment) {
    DemoSettings settings = DemoSettings.read(environment);
    return new TestServer(() -> DemoApp.create(settings));
  }

  private static RawHttp.Response post(
      TestServer on, String path, String body, String... headerLines) {
    return RawHttp.requestWithBody(on.base(), "POST", path, body, headerLines);
  }

  /** Signs in through the form and returns the Cookie header line of the signed-in browser. */
  private static String signIn(TestServer on, String form) {
    RawHttp.Response signedIn = post(on, "/login", form, FORM);
    assertEquals(303, signedIn.status(), signedIn.body());
    assertTrue(signedIn.header("Location").get(0).endsWith("/login"), signedIn.toString());
    String value = signedIn.cookieValue(NAME);
    assertNotNull(value, "the sign-in sets the cookie: " + signedIn.setCookies());
    return "Cookie: " + NAME + "=" + value;
  }

  private static String setCookieLine(RawHttp.Response response) {
    return response.setCookies().stream()
        .filter(line -> line.startsWith(NAME + "="))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aUserSignsIn_meNamesThem_adminIsForbidden_andAfterLogoutMeIs401() {
    String alice = signIn(server, "user=alice");
    assertEquals("Not signed in.", statusOf(server.get("/login")));
    assertTrue(
        server.get("/login", alice).body().contains("Signed in as <code id=\"user\">alice</code>"));

    RawHttp.Response me = server.get("/me", alice);
    assertEquals(200, me.status());
    assertEquals("{\"user\":\"alice\"}", me.body());
    assertEquals(403, server.get("/admin", alice).status(), "alice does not hold the role admin");

    RawHttp.Response logout = post(server, "/logout", "", alice);
    assertEquals(200, logout.status());
    assertTrue(logout.body().contains("\"revoked\":true"), logout.body());
    assertTrue(logout.body().contains("\"subject\":\"alice\""), logout.body());
    assertTrue(setCookieLine(logout).contains("Max-Age=0"), "the cookie is deleted");

    RawHttp.Response after = server.get("/me", alice);
    assertEquals(401, after.status(), "the copy kept from before the logout is revoked");
    assertEquals(List.of("rejected=REVOKED"), after.header("Tracker-Diagnostics"));
    assertEquals(401, server.get("/me").status(), "no cookie: signed out");
  }

  @Test
  void theUserNamedAdmin_holdsTheRoleAdmin() {
    String admin = signIn(server, "user=admin");
    RawHttp.Response page = server.get("/admin", admin);
    assertEquals(200, page.status());
    assertEquals("{\"user\":\"admin\",\"role\":\"admin\"}", page.body());
    assertEquals(403, server.get("/admin").status(), "signed out: refused");
  }

  @Test
  void rememberMe_givesAPersistentCookie_withoutItTheCookieEndsWithTheBrowser() {
    RawHttp.Response remembered = post(server, "/login", "user=carol&remember=on", FORM);
    String persistent = setCookieLine(remembered);
    assertTrue(
        persistent.contains("Max-Age=3600"), "remembered for the demo's hour: " + persistent);
    assertTrue(persistent.contains("Expires="), persistent);

    RawHttp.Response session = post(server, "/login", "user=carol", FORM);
    String sessionCookie = setCookieLine(session);
    assertFalse(sessionCookie.contains("Max-Age"), sessionCookie);
    assertFalse(sessionCookie.contains("Expires"), sessionCookie);
  }

  @Test
  void logoutEverywhere_revokesEveryCookieOfTheUser_inEveryBrowser() {
    String laptop = signIn(server, "user=dave");
    String phone = signIn(server, "user=dave&remember=on");
    String someoneElse = signIn(server, "user=erin");

    RawHttp.Response everywhere = post(server, "/logout-everywhere", "", phone);
    assertEquals(200, everywhere.status(), everywhere.body());
    assertEquals("{\"revoked\":true,\"everyCookieOf\":\"dave\"}", everywhere.body());
    assertTrue(setCookieLine(everywhere).contains("Max-Age=0"), "this browser's cookie is deleted");

    assertEquals(401, server.get("/me", laptop).status(), "the other browser is signed out too");
    assertEquals(401, server.get("/me", phone).status());
    assertEquals("{\"user\":\"erin\"}", server.get("/me", someoneElse).body(), "only dave's");
  }

  @Test
  void logoutEverywhere_signedOut_is401_withNothingRevoked() {
    RawHttp.Response response = post(server, "/logout-everywhere", "");
    assertEquals(401, response.status());
    assertTrue(response.body().contains("nothing to revoke"), response.body());
  }

  @Test
  void logout_withoutACookie_saysThereWasNothingToRevoke() {
    RawHttp.Response response = post(server, "/logout", "");
    assertEquals(200, response.status());
    assertTrue(response.body().contains("\"revoked\":false"), response.body());
    assertTrue(response.body().contains("nothing to revoke"), response.body());
  }

  @Test
  void aBlankMissingOrOverlongUser_is400_andSignsNobodyIn() {
    String overlong = "u".repeat(DemoSignInResource.MAX_USER_LENGTH + 1);
    for (String form : List.of("user=", "user=+++", "remember=on", "user=" + overlong)) {
      RawHttp.Response response = post(server, "/login", form, FORM);
      assertEquals(400, response.status(), form);
      assertTrue(response.setCookies().isEmpty(), form);
    }
  }

  @Test
  void aNameWithMarkup_isEscapedOnTheSignInPage() {
    String form = "user=" + URLEncoder.encode("<b>bob</b>", StandardCharsets.UTF_8);
    String page = server.get("/login", signIn(server, form)).body();
    assertTrue(page.contains("&lt;b&gt;bob&lt;/b&gt;"), page);
    assertFalse(page.contains("<b>bob"), page);
  }

  @Test
  void aSignInFormPostedFromAnotherSite_isRefused() {
    RawHttp.Response forged =
        post(server, "/login", "user=admin", FORM, "Sec-Fetch-Site: cross-site");
    assertEquals(403, forged.status());
    assertEquals(CrossSiteProtection.CROSS_SITE_BODY, forged.body());
    assertTrue(forged.setCookies().isEmpty(), "nobody was signed in");

    RawHttp.Response own =
        post(server, "/login", "user=admin", FORM, "Sec-Fetch-Site: same-origin");
    assertEquals(303, own.status(), "the demo's own form passes");
  }

  @Test
  void theSignInPage_hasTheForm_andNoTokenUnlessTheProtectionRequiresOne() {
    RawHttp.Response page = server.get("/login");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<form id=\"sign-in\" method=\"post\" action=\"/login\">"));
    assertTrue(page.body().contains("name=\"user\""));
    assertTrue(page.body().contains("name=\"remember\""));
    assertFalse(page.body().contains(CrossSiteProtection.TOKEN_FORM_FIELD), page.body());
    assertTrue(page.setCookies().isEmpty(), "showing the form writes no cookie");
  }

  @Test
  void withATokenRequired_theFormsCarryIt_andASignInWithoutItIsRefused() {
    try (TestServer strict =
        demo(
            Map.of(
                "TRACKER_PASSWORD",
                TestConfigs.PASSWORD,
                "TRACKER_CROSS_SITE_REQUIRE_TOKEN",
                "true"))) {
      RawHttp.Response page = strict.get("/login");
      Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
      assertTrue(token.find(), page.body());
      String cookie = "Cookie: " + NAME + "=" + page.cookieValue(NAME);

      RawHttp.Response without = post(strict, "/login", "user=frank", FORM, cookie);
      assertEquals(403, without.status());
      assertEquals(CrossSiteProtection.TOKEN_MISSING_BODY, without.body());

      String form = "user=frank&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
      RawHttp.Response signedIn = post(strict, "/login", form, FORM, cookie);
      assertEquals(303, signedIn.status(), signedIn.body());
      String frank = "Cookie: " + NAME + "=" + signedIn.cookieValue(NAME);
      assertEquals("{\"user\":\"frank\"}", strict.get("/me", frank).body());
    }
  }

  private static String statusOf(RawHttp.Response page) {
    Matcher status = Pattern.compile("<p id=\"status\">(.*?)</p>").matcher(page.body());
    assertTrue(status.find(), page.body());
    return status.group(1);
  }
}

package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CookieAttributesHttpTest {

  /** A seal's characters: iron writes base64url, hex and digits between '*'. */
  private static final String SEAL = "Fe26\\.2\\*[A-Za-z0-9_*-]+";

  private static final String EXPIRES_30_DAYS = "Sun, 01 Feb 2026 03:04:05 GMT";

  private static String setCookieFor(TrackerConfig config, String path, String... headers) {
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      var response = server.get(path, headers);
      assertEquals(200, response.status());
      assertEquals(1, response.setCookies().size(), response.headerLines().toString());
      return response.setCookies().get(0);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void assertLine(String regex, String line) {
    assertTrue(Pattern.matches(regex, line), "expected " + regex + "\n but was " + line);
  }

  @Test
  void defaults_areSecureHttpOnlyLaxThirtyDaysOnPathRoot() {
    String line =
        setCookieFor(TestConfigs.builder().clock(TestConfigs.FIXED_CLOCK).build(), "/put?k=a&v=b");
    assertLine(
        "persistent-information="
            + SEAL
            + "; Max-Age=2592000; Expires="
            + EXPIRES_30_DAYS
            + "; Path=/; Secure; HttpOnly; SameSite=Lax",
        line);
  }

  @Test
  void everyAttribute_isWrittenExactlyAsConfigured() {
    CookieSettings cookie =
        CookieSettings.builder()
            .name("trk")
            .maxAge(Duration.ofHours(1))
            .path("/app")
            .domain("example.test")
            .secure(false)
            .httpOnly(false)
            .sameSite(CookieSettings.SameSite.STRICT)
            .build();
    String line =
        setCookieFor(
            TestConfigs.builder().cookie(cookie).clock(TestConfigs.FIXED_CLOCK).build(),
            "/put?k=a&v=b");
    assertLine(
        "trk="
            + SEAL
            + "; Max-Age=3600; Expires=Fri, 02 Jan 2026 04:04:05 GMT"
            + "; Path=/app; Domain=example.test; SameSite=Strict",
        line);
  }

  @Test
  void sameSiteNoneWithPartitioned_isSecureAndPartitioned() {
    CookieSettings cookie =
        CookieSettings.builder().sameSite(CookieSettings.SameSite.NONE).partitioned(true).build();
    String line =
        setCookieFor(
            TestConfigs.builder().cookie(cookie).clock(TestConfigs.FIXED_CLOCK).build(),
            "/put?k=a&v=b");
    assertLine(
        "persistent-information="
            + SEAL
            + "; Max-Age=2592000; Expires="
            + EXPIRES_30_DAYS
            + "; Path=/; Secure; HttpOnly; SameSite=None; Partitioned",
        line);
  }

  @Test
  void hostPrefix_prefixesTheNameAndIsReadBackUnderIt() throws Exception {
    TrackerConfig config =
        TestConfigs.builder()
            .cookie(CookieSettings.builder().hostPrefix(true).build())
            .clock(TestConfigs.FIXED_CLOCK)
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      var response = server.get("/put?k=a&v=b");
      String line = response.setCookies().get(0);
      assertLine(
          "__Host-persistent-information="
              + SEAL
              + "; Max-Age=2592000; Expires="
              + EXPIRES_30_DAYS
              + "; Path=/; Secure; HttpOnly; SameSite=Lax",
          line);
      String value = response.cookieValue("__Host-persistent-information");
      assertEquals(
          "{\"a\":\"b\"}",
          server.get("/read", "Cookie: __Host-persistent-information=" + value).body());
      assertEquals(
          "{}",
          server.get("/read", "Cookie: persistent-information=" + value).body(),
          "the unprefixed name is another cookie");
    }
  }

  @Test
  void sessionCookie_hasNoMaxAgeOrExpires() {
    CookieSettings cookie = CookieSettings.builder().maxAge(Duration.ZERO).build();
    String line = setCookieFor(TestConfigs.builder().cookie(cookie).build(), "/put?k=a&v=b");
    assertLine("persistent-information=" + SEAL + "; Path=/; Secure; HttpOnly; SameSite=Lax", line);
  }

  @Test
  void deletingCookie_keepsPathDomainAndAttributes() throws Exception {
    CookieSettings cookie = CookieSettings.builder().path("/app").domain("example.test").build();
    TrackerConfig config = TestConfigs.builder().cookie(cookie).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String value = server.get("/put?k=a&v=b").cookieValue("persistent-information");
      String line =
          server.get("/clear", "Cookie: persistent-information=" + value).setCookies().get(0);
      assertEquals(
          "persistent-information=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
              + "; Path=/app; Domain=example.test; Secure; HttpOnly; SameSite=Lax",
          line);
    }
  }

  @Test
  void expires_followsTheClock_secondBySecond_andKeepsTheSecureSettingOfEachRequest()
      throws Exception {
    TestClock clock = new TestClock(java.time.Instant.parse("2026-01-02T03:04:05.200Z"));
    TrackerConfig config =
        TestConfigs.builder().clock(clock).insecureLoopbackForDevelopment(true).build();
    byte[] foreignHost = "Host: shop.example.com\r\n".getBytes(StandardCharsets.US_ASCII);
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String first = server.get("/put?k=a&v=b").setCookies().get(0);
      String secure =
          RawHttp.send(server.base(), "/put?k=a&v=b", foreignHost, false).setCookies().get(0);
      clock.advance(Duration.ofMillis(700)); // same second
      String sameSecond = server.get("/put?k=a&v=c").setCookies().get(0);
      clock.advance(Duration.ofMillis(100)); // the next second
      String nextSecond = server.get("/put?k=a&v=d").setCookies().get(0);
      clock.advance(Duration.ofDays(1));
      String nextDay =
          RawHttp.send(server.base(), "/put?k=a&v=e", foreignHost, false).setCookies().get(0);

      assertTrue(
          first.endsWith(
              "; Max-Age=2592000; Expires=" + EXPIRES_30_DAYS + "; Path=/; HttpOnly; SameSite=Lax"),
          first);
      assertTrue(
          secure.endsWith(
              "; Expires=" + EXPIRES_30_DAYS + "; Path=/; Secure; HttpOnly; SameSite=Lax"),
          secure);
      assertTrue(
          sameSecond.endsWith("; Expires=" + EXPIRES_30_DAYS + "; Path=/; HttpOnly; SameSite=Lax"),
          sameSecond);
      assertTrue(
          nextSecond.endsWith(
              "; Expires=Sun, 01 Feb 2026 03:04:06 GMT; Path=/; HttpOnly; SameSite=Lax"),
          nextSecond);
      assertTrue(
          nextDay.endsWith(
              "; Expires=Mon, 02 Feb 2026 03:04:06 GMT; Path=/; Secure; HttpOnly; SameSite=Lax"),
          nextDay);
    }
  }

  @Test
  void insecureLoopbackSwitch_omitsSecureOnlyForPlainHttpToLoopback() throws Exception {
    TrackerConfig config = TestConfigs.builder().insecureLoopbackForDevelopment(true).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String loopback = server.get("/put?k=a&v=b").setCookies().get(0);
      assertTrue(!loopback.contains("Secure"), loopback);
      byte[] foreignHost = "Host: shop.example.com\r\n".getBytes(StandardCharsets.US_ASCII);
      String foreign =
          RawHttp.send(server.base(), "/put?k=a&v=b", foreignHost, false).setCookies().get(0);
      assertTrue(foreign.contains("; Secure"), foreign);
    }
    String without = setCookieFor(TestConfigs.builder().build(), "/put?k=a&v=b");
    assertTrue(without.contains("; Secure"), "off by default: " + without);
  }

  @Test
  void aNameWrittenWithASecurePrefix_isRefusedWithTheInsecureLoopback_asTheHostPrefixFlagIs() {
    // Without Secure on plain http, browsers would drop every such cookie.
    for (String name :
        List.of("__Host-visit", "__Secure-visit", "__host-visit", "__SECURE-visit")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  TestConfigs.builder()
                      .cookieName(name)
                      .insecureLoopbackForDevelopment(true)
                      .build());
      for (String named :
          List.of(
              "insecureLoopbackForDevelopment",
              TrackerSettings.INSECURE_LOOPBACK,
              "TRACKER_INSECURE_LOOPBACK_FOR_DEVELOPMENT",
              TrackerSettings.COOKIE_NAME,
              "TRACKER_COOKIE_NAME")) {
        assertTrue(e.getMessage().contains(named), named + " in " + e.getMessage());
      }
    }
    IllegalArgumentException fromSettings =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.fromSettings(
                    TrackerSettings.COOKIE_NAME,
                    "__Host-visit",
                    TrackerSettings.INSECURE_LOOPBACK,
                    "true"));
    assertTrue(fromSettings.getMessage().contains("__Host-"), fromSettings.getMessage());
    // The same names build without the switch, and keep Secure even on plain http to loopback.
    for (String name : List.of("__Host-visit", "__Secure-visit")) {
      String line = setCookieFor(TestConfigs.builder().cookieName(name).build(), "/put?k=a&v=b");
      assertTrue(line.startsWith(name + "=") && line.contains("; Secure"), line);
    }
  }

  @Test
  void aNameWrittenWithASecurePrefix_isHeldToTheRulesBrowsersApplyToIt() {
    var secure =
        assertThrows(
            IllegalStateException.class,
            () -> CookieSettings.builder().name("__Secure-visit").secure(false).build());
    assertTrue(secure.getMessage().contains("TRACKER_COOKIE_SECURE"), secure.getMessage());
    assertTrue(secure.getMessage().contains("TRACKER_COOKIE_NAME"), secure.getMessage());
    var host =
        assertThrows(
            IllegalStateException.class,
            () -> CookieSettings.builder().name("__Host-visit").secure(false).build());
    assertTrue(host.getMessage().contains("secure(true)"), host.getMessage());
    var path =
        assertThrows(
            IllegalStateException.class,
            () -> CookieSettings.builder().name("__host-visit").path("/app").build());
    assertTrue(path.getMessage().contains("TRACKER_COOKIE_PATH"), path.getMessage());
    var domain =
        assertThrows(
            IllegalStateException.class,
            () -> CookieSettings.builder().name("__Host-visit").domain("example.com").build());
    assertTrue(domain.getMessage().contains("TRACKER_COOKIE_DOMAIN"), domain.getMessage());
    var fromSettings =
        assertThrows(
            IllegalStateException.class,
            () ->
                TestConfigs.fromSettings(
                    TrackerSettings.COOKIE_NAME,
                    "__Secure-visit",
                    TrackerSettings.COOKIE_SECURE,
                    "false"));
    assertTrue(fromSettings.getMessage().contains("__Secure-"), fromSettings.getMessage());
    // __Secure- asks for Secure only; a name merely containing a prefix is no prefix.
    assertEquals(
        "/app",
        CookieSettings.builder()
            .name("__Secure-visit")
            .path("/app")
            .domain("example.com")
            .build()
            .path());
    assertEquals(
        "x__Host-visit",
        CookieSettings.builder().name("x__Host-visit").secure(false).build().name());
  }

  @Test
  void listener_isToldTheLengthOfEachSealedSetCookie() {
    java.util.List<Integer> sealed =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    TrackerConfig config =
        TestConfigs.builder()
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieSealed(int setCookieBytes) {
                    sealed.add(setCookieBytes);
                  }
                })
            .build();
    String line = setCookieFor(config, "/put?k=a&v=b");
    assertEquals(java.util.List.of(line.length()), sealed);
  }

  @Test
  void contradictoryCookieSettings_failAtBuildNamingTheSetting() {
    var none =
        assertThrows(
            IllegalStateException.class,
            () ->
                CookieSettings.builder()
                    .secure(false)
                    .sameSite(CookieSettings.SameSite.NONE)
                    .build());
    assertTrue(none.getMessage().contains("sameSite NONE requires secure"), none.getMessage());
    var host =
        assertThrows(
            IllegalStateException.class,
            () -> CookieSettings.builder().hostPrefix(true).domain("example.test").build());
    assertTrue(host.getMessage().contains("hostPrefix"), host.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> CookieSettings.builder().hostPrefix(true).path("/a").build());
    assertThrows(
        IllegalStateException.class,
        () -> CookieSettings.builder().partitioned(true).secure(false).build());
    assertThrows(IllegalArgumentException.class, () -> CookieSettings.builder().path("app"));
    assertThrows(IllegalArgumentException.class, () -> CookieSettings.builder().name("a;b"));
    assertThrows(IllegalArgumentException.class, () -> CookieSettings.builder().domain("a b"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TestConfigs.builder()
                .insecureLoopbackForDevelopment(true)
                .cookie(CookieSettings.builder().hostPrefix(true).build())
                .build());
  }
}

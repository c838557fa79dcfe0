package io.trackercookie.crosssite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackercookie.CrossSiteProtection;
import io.trackercookie.CrossSiteRefusal;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerListener;
import io.trackercookie.micrometer.TrackerMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the cross-origin check over real HTTP, with the headers a browser sends: a refused
 * request is a 403 with the documented body, reaches no resource, leaves the tracker as it was, and
 * is told to the listeners and the metrics.
 */
class CrossSiteHttpTest {

  private static final String NAME = "persistent-information";
  private static final String PARTNER = "https://partner.example";
  private static final List<CrossSiteRefusal> REFUSED = new CopyOnWriteArrayList<>();
  private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
  private static TestServer server;
  private static String ownOrigin;
  private static String cookie;

  @BeforeAll
  static void start() {
    TrackerConfig config =
        TestConfigs.builder()
            .crossSite(CrossSiteProtection.builder().enabled(true).trustedOrigins(PARTNER).build())
            .listener(
                new TrackerListener() {
                  @Override
                  public void requestRefused(CrossSiteRefusal reason) {
                    REFUSED.add(reason);
                  }
                })
            .listener(TrackerMetrics.registeredWith(REGISTRY))
            .build();
    server =
        new TestServer(
            () ->
                new ResourceConfig(CrossSiteResource.class, CrossSiteResource.Open.class)
                    .register(new TrackerFeature(config)));
    ownOrigin = "http://" + server.base().getHost() + ":" + server.base().getPort();
    cookie = "Cookie: " + NAME + "=" + TestConfigs.seal(TestConfigs.PASSWORD, "{\"visits\":1}");
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

  private static RawHttp.Response post(String path, String... headers) {
    return RawHttp.requestWithBody(server.base(), "POST", path, "", headers);
  }

  private static void assertRefused(RawHttp.Response response, CrossSiteRefusal reason) {
    assertEquals(403, response.status(), response.body());
    assertEquals(CrossSiteProtection.CROSS_SITE_BODY, response.body());
    assertTrue(
        response.header("Content-Type").get(0).startsWith("text/plain"),
        response.header("Content-Type").toString());
    assertTrue(response.setCookies().isEmpty(), "the tracker is left as it was");
    assertEquals(0, CrossSiteResource.REACHED.get(), "no resource was reached");
    assertEquals(List.of(reason), REFUSED);
  }

  private static void assertPassed(RawHttp.Response response) {
    assertEquals(200, response.status(), response.body());
    assertEquals(1, CrossSiteResource.REACHED.get());
    assertNotNull(response.cookieValue(NAME), "the resource wrote the tracker");
    assertTrue(REFUSED.isEmpty(), REFUSED.toString());
  }

  @Test
  void fetchMetadataCrossSite_isRefused() {
    assertRefused(
        post("/xs/write", cookie, "Sec-Fetch-Site: cross-site", "Origin: https://evil.example"),
        CrossSiteRefusal.CROSS_SITE);
  }

  @Test
  void fetchMetadataSameSite_aSiblingSubdomain_isRefused() {
    assertRefused(
        post("/xs/write", cookie, "Sec-Fetch-Site: same-site", "Origin: http://sibling.localhost"),
        CrossSiteRefusal.CROSS_SITE);
  }

  @Test
  void fetchMetadataCrossSite_withoutOrigin_isRefused() {
    assertRefused(
        post("/xs/write", cookie, "Sec-Fetch-Site: cross-site"), CrossSiteRefusal.CROSS_SITE);
  }

  @Test
  void fetchMetadataSameOrigin_passes() {
    assertPassed(post("/xs/write", cookie, "Sec-Fetch-Site: same-origin", "Origin: " + ownOrigin));
  }

  @Test
  void fetchMetadataNone_aTypedAddressOrBookmark_passes() {
    assertPassed(post("/xs/write", cookie, "Sec-Fetch-Site: none"));
  }

  @Test
  void fetchMetadataSameOrigin_winsOverAnOriginThatDisagrees() {
    // Browsers set both; Sec-Fetch-Site is the one a page cannot influence, so it decides.
    assertPassed(post("/xs/write", cookie, "Sec-Fetch-Site: same-origin", "Origin: null"));
  }

  @Test
  void originOnly_same_passes() {
    assertPassed(post("/xs/write", cookie, "Origin: " + ownOrigin));
  }

  @Test
  void originOnly_anotherHost_isRefused() {
    assertRefused(
        post("/xs/write", cookie, "Origin: https://evil.example"), CrossSiteRefusal.CROSS_ORIGIN);
  }

  @Test
  void originOnly_anotherPort_isRefused() {
    int other = server.base().getPort() == 8080 ? 8081 : 8080;
    assertRefused(
        post("/xs/write", cookie, "Origin: http://" + server.base().getHost() + ":" + other),
        CrossSiteRefusal.CROSS_ORIGIN);
  }

  @Test
  void originOnly_anotherScheme_isRefused() {
    assertRefused(
        post(
            "/xs/write",
            cookie,
            "Origin: https://" + server.base().getHost() + ":" + server.base().getPort()),
        CrossSiteRefusal.CROSS_ORIGIN);
  }

  @Test
  void originOnly_null_isRefused() {
    assertRefused(post("/xs/write", cookie, "Origin: null"), CrossSiteRefusal.CROSS_ORIGIN);
  }

  @Test
  void neitherHeader_aClientThatIsNoBrowser_passes() {
    assertPassed(post("/xs/write", cookie));
  }

  @Test
  void aTrustedOrigin_passes_withFetchMetadataOrWithout() {
    assertPassed(post("/xs/write", cookie, "Sec-Fetch-Site: cross-site", "Origin: " + PARTNER));
    CrossSiteResource.REACHED.set(0);
    assertPassed(post("/xs/write", cookie, "Origin: " + PARTNER));
  }

  @Test
  void anOriginThatOnlyLooksTrusted_isRefused() {
    assertRefused(
        post("/xs/write", cookie, "Sec-Fetch-Site: cross-site", "Origin: " + PARTNER + ".evil"),
        CrossSiteRefusal.CROSS_SITE);
  }

  @Test
  void aMethodAnnotatedCrossSiteAllowed_isNotChecked() {
    assertPassed(
        post("/xs/callback", cookie, "Sec-Fetch-Site: cross-site", "Origin: https://psp.example"));
  }

  @Test
  void aClassAnnotatedCrossSiteAllowed_isNotChecked() {
    assertPassed(
        post("/open", cookie, "Sec-Fetch-Site: cross-site", "Origin: https://evil.example"));
  }

  @Test
  void everyUnsafeMethod_isChecked() {
    for (String method : List.of("PUT", "DELETE", "PATCH")) {
      reset();
      assertRefused(
          RawHttp.requestWithBody(
              server.base(), method, "/xs/write", "", cookie, "Sec-Fetch-Site: cross-site"),
          CrossSiteRefusal.CROSS_SITE);
    }
  }

  @Test
  void safeMethods_pass_evenFromAnotherSite() {
    RawHttp.Response get =
        RawHttp.get(
            server.base(), "/xs/write", cookie, "Sec-Fetch-Site: cross-site", "Origin: null");
    assertPassed(get);
    reset();
    RawHttp.Response head =
        RawHttp.request(server.base(), "HEAD", "/xs/write", cookie, "Sec-Fetch-Site: cross-site");
    assertEquals(200, head.status());
    assertTrue(REFUSED.isEmpty());
    RawHttp.Response options =
        RawHttp.request(
            server.base(),
            "OPTIONS",
            "/xs/write",
            cookie,
            "Sec-Fetch-Site: cross-site",
            "Origin: null");
    assertTrue(options.status() < 300, "OPTIONS " + options.status());
    assertTrue(REFUSED.isEmpty());
  }

  @Test
  void aRefusal_reachesTheMetrics_byReason() {
    double before = refusedCount(CrossSiteRefusal.CROSS_SITE);
    post("/xs/write", cookie, "Sec-Fetch-Site: cross-site");
    assertEquals(before + 1, refusedCount(CrossSiteRefusal.CROSS_SITE));
    assertEquals(
        0,
        REGISTRY
            .get(TrackerMetrics.REQUESTS_REFUSED)
            .tag(TrackerMetrics.REASON_TAG, CrossSiteRefusal.TOKEN_INVALID.name())
            .counter()
            .count(),
        "every reason's series exists from the start");
  }

  private static double refusedCount(CrossSiteRefusal reason) {
    return REGISTRY
        .get(TrackerMetrics.REQUESTS_REFUSED)
        .tag(TrackerMetrics.REASON_TAG, reason.name())
        .counter()
        .count();
  }

  @Test
  void offByDefault_aCrossSitePostReachesTheResource() {
    try (TestServer plain =
        new TestServer(
            () ->
                new ResourceConfig(CrossSiteResource.class)
                    .register(new TrackerFeature(TestConfigs.builder().build())))) {
      RawHttp.Response response =
          RawHttp.requestWithBody(
              plain.base(), "POST", "/xs/write", "", "Sec-Fetch-Site: cross-site", "Origin: null");
      assertEquals(200, response.status());
      assertEquals(1, CrossSiteResource.REACHED.get());
    }
  }
}

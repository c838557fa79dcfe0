package io.trackercookie.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CrossSiteProtection;
import io.trackercookie.CrossSiteRefusal;
import org.junit.jupiter.api.Test;

/** The cross-origin rules on headers alone; CrossSiteHttpTest sends them over HTTP. */
class CrossSiteCheckTest {

  private static final CrossSiteProtection ON = CrossSiteProtection.on();
  private static final CrossSiteProtection TRUSTING =
      CrossSiteProtection.builder().enabled(true).trustedOrigins("https://partner.example").build();

  private static CrossSiteRefusal post(String fetchSite, String origin) {
    return CrossSiteCheck.refusal("POST", fetchSite, origin, "https", "app.example", ON);
  }

  @Test
  void safeMethods_passWhateverTheHeaders() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
      assertNull(CrossSiteCheck.refusal(method, "cross-site", "null", "https", "a.example", ON));
    }
  }

  @Test
  void methodNames_areCaseSensitive_soALowerCaseGetIsChecked() {
    assertEquals(
        CrossSiteRefusal.CROSS_SITE,
        CrossSiteCheck.refusal("get", "cross-site", null, "https", "a.example", ON));
  }

  @Test
  void fetchMetadata_decides() {
    assertEquals(CrossSiteRefusal.CROSS_SITE, post("cross-site", null));
    assertEquals(CrossSiteRefusal.CROSS_SITE, post("same-site", "https://app.example"));
    assertEquals(CrossSiteRefusal.CROSS_SITE, post("something-new", null));
    assertEquals(CrossSiteRefusal.CROSS_SITE, post("same-origin, cross-site", null));
    assertNull(post("same-origin", null));
    assertNull(post(" none ", null));
    assertNull(post("same-origin", "https://evil.example"));
  }

  @Test
  void anEmptyFetchMetadata_fallsBackToOrigin() {
    assertNull(post("", "https://app.example"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post("", "https://evil.example"));
  }

  @Test
  void origin_decidesWithoutFetchMetadata() {
    assertNull(post(null, null));
    assertNull(post(null, "https://app.example"));
    assertNull(post(null, "HTTPS://APP.EXAMPLE"));
    assertNull(post(null, "https://app.example:443"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post(null, "null"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post(null, "http://app.example"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post(null, "https://app.example:8443"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post(null, "https://app.example.evil"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post(null, "https://app.example/path"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post(null, "https://user@app.example"));
    assertEquals(CrossSiteRefusal.CROSS_ORIGIN, post(null, ""));
  }

  @Test
  void trustedOrigins_passExactly() {
    assertNull(
        CrossSiteCheck.refusal(
            "POST", "cross-site", "https://partner.example", "https", "a.example", TRUSTING));
    assertNull(
        CrossSiteCheck.refusal(
            "POST", null, "https://partner.example", "https", "a.example", TRUSTING));
    assertEquals(
        CrossSiteRefusal.CROSS_SITE,
        CrossSiteCheck.refusal(
            "POST", "cross-site", "https://partner.example:8443", "https", "a.example", TRUSTING));
    assertEquals(
        CrossSiteRefusal.CROSS_SITE,
        CrossSiteCheck.refusal("POST", "cross-site", null, "https", "a.example", TRUSTING));
  }

  @Test
  void sameOrigin_fillsInDefaultPorts_andReadsIpv6() {
    assertTrue(CrossSiteCheck.sameOrigin("http://localhost:8080", "http", "localhost:8080"));
    assertTrue(CrossSiteCheck.sameOrigin("http://example.com", "http", "example.com:80"));
    assertTrue(CrossSiteCheck.sameOrigin("http://[::1]:8080", "http", "[::1]:8080"));
    assertFalse(CrossSiteCheck.sameOrigin("http://[::1]:8080", "http", "[::2]:8080"));
    assertFalse(CrossSiteCheck.sameOrigin("http://127.0.0.1:8080", "http", "localhost:8080"));
    assertFalse(CrossSiteCheck.sameOrigin("http://a.example", "http", null));
    assertFalse(CrossSiteCheck.sameOrigin("http://a.example", "http", "a.example:x"));
    assertFalse(CrossSiteCheck.sameOrigin("http://a.example:1234567", "http", "a.example:1234567"));
    assertFalse(CrossSiteCheck.sameOrigin("http://a:b:c", "http", "a:b:c"));
  }
}

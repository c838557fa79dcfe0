package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TrackerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The whole tracker cycle over real HTTP, written once for every runtime: set, read back, change,
 * unchanged writes, tampered and garbage cookies, clear, gone. The application under test deploys
 * {@link TrackerResource} (or a resource that behaves like it) below the base URI, with the default
 * cookie settings and {@link #PASSWORD}.
 */
public final class TrackerCycle {

  /** The password every it application is configured with (test data, not a secret). */
  public static final String PASSWORD = "Hs8fK2pWq5ZnV9xTb3LcR7mYd1GjE4uAo6NiQ0tXw_e";

  /**
   * The tracker key that names a cookie's subject in every it application, with revocation on in
   * the embedded store.
   */
  public static final String SUBJECT_KEY = "user";

  private static final String NAME = CookieSettings.DEFAULT_NAME;

  // HTTP/1.1: the client's default h2c upgrade on a request with a body hangs some servers.
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI base;
  private final String resource;

  /**
   * @param base the application's root, where {@link TrackerResource} answers at "tracker"
   */
  public TrackerCycle(URI base) {
    this(base, "tracker");
  }

  /**
   * @param base the application's root
   * @param resource the path, below base, of a resource that behaves as {@link TrackerResource}
   */
  public TrackerCycle(URI base, String resource) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.resource = resource;
  }

  /** The configuration the programmatic apps register. */
  public static TrackerConfig config() {
    return TrackerConfig.builder()
        .password(PASSWORD)
        .revocation(RevocationOptions.builder().subjectKey(SUBJECT_KEY).build())
        .build();
  }

  /** Every step of the cycle; the first that fails names itself. */
  public void assertWholeCycle() {
    // No cookie: empty, and nothing to set.
    Reply fresh = send("GET", resource, null, null);
    assertEquals(200, fresh.status, "GET without a cookie");
    assertEquals("{}", fresh.body, "GET without a cookie");
    assertNull(fresh.setCookie, "GET without a cookie sends no Set-Cookie");

    // Set: a sealed, HttpOnly, Secure cookie.
    Reply set = send("PUT", resource + "/color", null, "blue");
    assertEquals(200, set.status, "PUT color=blue");
    assertEquals("{color=blue}", set.body, "PUT color=blue");
    assertNotNull(set.setCookie, "PUT color=blue sends Set-Cookie");
    String blue = set.cookieValue();
    assertTrue(blue.startsWith("Fe26.2*"), "the cookie is an iron seal");
    assertTrue(set.hasAttribute("HttpOnly"), "the cookie is HttpOnly");
    assertTrue(set.hasAttribute("Secure"), "the cookie is Secure");
    assertTrue(set.hasAttribute("Path=/"), "the cookie has Path=/");

    // Read back, among other cookies; reading sends nothing.
    Reply read = send("GET", resource, "a=1; " + NAME + "=" + blue + "; b=2", null);
    assertEquals(200, read.status, "GET with the cookie");
    assertEquals("{color=blue}", read.body, "GET reads the cookie back");
    assertNull(read.setCookie, "GET with the cookie sends no Set-Cookie");

    // Writing the same value changes nothing: no Set-Cookie.
    Reply same = send("PUT", resource + "/color", NAME + "=" + blue, "blue");
    assertEquals("{color=blue}", same.body, "PUT the same value");
    assertNull(same.setCookie, "PUT of an unchanged value sends no Set-Cookie");

    // Change.
    Reply changed = send("PUT", resource + "/color", NAME + "=" + blue, "green");
    assertEquals("{color=green}", changed.body, "PUT color=green");
    assertNotNull(changed.setCookie, "PUT color=green sends Set-Cookie");
    String green = changed.cookieValue();
    assertNotEquals(blue, green, "a change seals a new cookie");
    assertEquals(
        "{color=green}",
        send("GET", resource, NAME + "=" + green, null).body,
        "GET reads the changed cookie");

    // Tampered and garbage cookies: empty tracker, never a 500.
    String tampered = green.substring(0, green.length() - 1) + (green.endsWith("A") ? "B" : "A");
    Reply bad = send("GET", resource, NAME + "=" + tampered, null);
    assertEquals(200, bad.status, "GET with a tampered cookie");
    assertEquals("{}", bad.body, "a tampered cookie reads as empty");
    assertNull(bad.setCookie, "a tampered cookie that is only read sends no Set-Cookie");
    for (String garbage : List.of("garbage", "Fe26.2**a*b*c**d*e", "\"quoted\"", "")) {
      Reply g = send("GET", resource, NAME + "=" + garbage, null);
      assertEquals(200, g.status, "GET with an unreadable cookie");
      assertEquals("{}", g.body, "an unreadable cookie reads as empty");
    }
    Reply over = send("PUT", resource + "/size", NAME + "=" + tampered, "small");
    assertEquals(200, over.status, "PUT over a tampered cookie");
    assertEquals("{size=small}", over.body, "PUT over a tampered cookie starts afresh");
    assertEquals(
        "{size=small}",
        send("GET", resource, NAME + "=" + over.cookieValue(), null).body,
        "the cookie that replaced a tampered one reads back");

    // Clear: the response deletes the cookie; without it the tracker is empty.
    Reply cleared = send("DELETE", resource, NAME + "=" + green, null);
    assertEquals(200, cleared.status, "DELETE");
    assertEquals("{}", cleared.body, "DELETE empties the tracker");
    assertNotNull(cleared.setCookie, "DELETE sends a deleting Set-Cookie");
    assertEquals("", cleared.cookieValue(), "the deleting cookie has no value");
    assertTrue(cleared.hasAttribute("Max-Age=0"), "the deleting cookie has Max-Age=0");
    assertEquals("{}", send("GET", resource, null, null).body, "GET after the cookie is gone");
  }

  /** {@code @Context Tracker} as a field of {@link FieldTrackerResource} sees the cookie. */
  public void assertFieldInjection() {
    Reply set = send("PUT", "tracker/via", null, "field");
    assertNotNull(set.setCookie, "PUT via=field sends Set-Cookie");
    Reply read = send("GET", "field", NAME + "=" + set.cookieValue(), null);
    assertEquals(200, read.status, "GET field");
    assertEquals("{via=field}", read.body, "the injected field reads the cookie");
    assertEquals(
        "{}", send("GET", "field", null, null).body, "the field is empty without a cookie");
  }

  /**
   * {@link SingletonTrackerResource}, one instance for all requests, sees each request's own
   * cookie.
   */
  public void assertSingletonInjection() {
    String red = send("PUT", "tracker/color", null, "red").cookieValue();
    String blue = send("PUT", "tracker/color", null, "blue").cookieValue();
    assertEquals(
        "{color=red}",
        send("GET", "singleton", NAME + "=" + red, null).body,
        "the singleton reads the first request's cookie");
    assertEquals(
        "{color=blue}",
        send("GET", "singleton", NAME + "=" + blue, null).body,
        "the singleton reads the second request's cookie");
    assertEquals(
        "{}",
        send("GET", "singleton", null, null).body,
        "the singleton is empty for a request without a cookie");
  }

  /**
   * Logging out with {@code Tracker.revoke()} ({@link RevocationResource}): a copy of the cookie
   * taken before reads as empty afterwards; another visitor's cookie still reads.
   */
  public void assertRevokeEndsEveryCopy() {
    String copy = send("PUT", "tracker/" + SUBJECT_KEY, null, "ada").cookieValue();
    String other = send("PUT", "tracker/" + SUBJECT_KEY, null, "alan").cookieValue();
    assertEquals(
        "{user=ada}", send("GET", resource, NAME + "=" + copy, null).body, "the login reads");

    Reply out = send("POST", "revocation/logout", NAME + "=" + copy, null);
    assertEquals(200, out.status, "POST revocation/logout");
    assertEquals("{}", out.body, "revoke() empties the tracker");
    assertNotNull(out.setCookie, "revoke() sends a deleting Set-Cookie");
    assertEquals("", out.cookieValue(), "the deleting cookie has no value");

    Reply replayed = send("GET", resource, NAME + "=" + copy, null);
    assertEquals(200, replayed.status, "GET with a copy of the revoked cookie");
    assertEquals("{}", replayed.body, "a copy of the revoked cookie reads as empty");
    assertEquals(
        "{user=alan}",
        send("GET", resource, NAME + "=" + other, null).body,
        "another visitor's cookie still reads");
  }

  /**
   * Log-out-everywhere through the resource at {@code path} (POST, the subject as the body): every
   * cookie of the subject sealed before reads as empty; another subject's cookie still reads.
   */
  public void assertRevokeAllForEndsTheSubjectsCookies(String path) {
    String subject = "grace at " + path;
    String earlier = send("PUT", "tracker/" + SUBJECT_KEY, null, subject).cookieValue();
    String changed =
        send("PUT", "tracker/color", NAME + "=" + earlier, "teal").cookieValue(); // a later seal
    String other = send("PUT", "tracker/" + SUBJECT_KEY, null, "linus").cookieValue();
    assertEquals(
        "{user=" + subject + "}",
        send("GET", resource, NAME + "=" + earlier, null).body,
        "the subject's cookie reads before");

    Reply revoked = send("POST", path, null, subject);
    assertEquals(200, revoked.status, "POST " + path + " (revokeAllFor)");
    assertEquals("revoked", revoked.body, "POST " + path + " (revokeAllFor)");

    for (String copy : List.of(earlier, changed)) {
      Reply read = send("GET", resource, NAME + "=" + copy, null);
      assertEquals(200, read.status, "GET with a cookie of the revoked subject");
      assertEquals("{}", read.body, "a cookie of the revoked subject reads as empty");
    }
    assertEquals(
        "{user=linus}",
        send("GET", resource, NAME + "=" + other, null).body,
        "another subject's cookie still reads");
  }

  /** Sends one request; {@code path} is relative to the base. */
  public Reply send(String method, String path, String cookie, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .header("Accept", "text/plain");
    if (body != null) {
      request.header("Content-Type", "text/plain");
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
      List<String> ours =
          response.headers().allValues("Set-Cookie").stream()
              .filter(line -> line.startsWith(NAME + "="))
              .toList();
      assertTrue(ours.size() <= 1, method + " " + path + " sends at most one tracker Set-Cookie");
      return new Reply(response.statusCode(), response.body(), ours.isEmpty() ? null : ours.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  /** A response: status, body and the tracker's Set-Cookie line (null if none). */
  public static final class Reply {
    public final int status;
    public final String body;
    public final String setCookie;

    Reply(int status, String body, String setCookie) {
      this.status = status;
      this.body = body;
      this.setCookie = setCookie;
    }

    /** The Set-Cookie line's value. */
    public String cookieValue() {
      assertNotNull(setCookie, "a Set-Cookie for the tracker");
      int semicolon = setCookie.indexOf(';');
      return setCookie.substring(NAME.length() + 1, semicolon < 0 ? setCookie.length() : semicolon);
    }

    /** Whether the Set-Cookie line has the attribute, e.g. "HttpOnly" or "Max-Age=0". */
    public boolean hasAttribute(String attribute) {
      String wanted = attribute.toLowerCase(Locale.ROOT);
      for (String part : setCookie.split(";")) {
        if (part.trim().toLowerCase(Locale.ROOT).equals(wanted)) {
          return true;
        }
      }
      return false;
    }
  }
}

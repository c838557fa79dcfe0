package io.trackercookie.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.CrossSiteProtection;
import io.trackercookie.RevocationOptions;
import io.trackercookie.Revocations;
import io.trackercookie.SignInOptions;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The demo application: tracker-cookie's own usage example. {@code GET /} clears the tracker,
 * {@code GET /<anything>} records {@code {"path": "/<anything>"}}, {@code GET /tracker} answers the
 * tracker as JSON without changing it, {@code POST /logout} signs out and revokes the cookie it
 * came with; {@link DemoSignInResource} signs users in. Sign-in and the cross-site protection are
 * on. The server configures it from the environment with {@link DemoSettings}; the tests also use
 * the factories below.
 */
public final class DemoApp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoApp() {}

  /** The demo's configuration: the password, and plain http allowed on loopback hosts. */
  public static TrackerConfig config(String password) {
    return config(password, null);
  }

  /**
   * The demo's configuration, with revocation in Redis at {@code redisUrl} (so demos on other ports
   * share logouts), or in this JVM when it is null or blank.
   */
  public static TrackerConfig config(String password, String redisUrl) {
    return TrackerConfig.builder()
        .password(password)
        // The demo runs on http://127.0.0.1: Secure would make some clients drop the cookie.
        .insecureLoopbackForDevelopment(true)
        // A developer trying the demo sees why a cookie was refused (Tracker-Diagnostics).
        .diagnostics(true)
        .revocation(revocation(redisUrl))
        .signIn(signIn(SignInOptions.builder().absoluteLifetime(SIGN_IN_LIFETIME)))
        // The forms are the demo's own, so same-origin; a form on another site is refused.
        .crossSite(CrossSiteProtection.on())
        .build();
  }

  /**
   * The demo's configuration with its passwords read from a directory (one file per password id, as
   * a Kubernetes Secret is mounted) and reloaded when the files change.
   */
  public static TrackerConfig configFromPasswordDirectory(
      java.nio.file.Path passwordDirectory, String redisUrl) {
    return TrackerConfig.builder()
        .passwordDirectory(passwordDirectory)
        .insecureLoopbackForDevelopment(true)
        .diagnostics(true)
        .revocation(revocation(redisUrl))
        .signIn(signIn(SignInOptions.builder().absoluteLifetime(SIGN_IN_LIFETIME)))
        // The forms are the demo's own, so same-origin; a form on another site is refused.
        .crossSite(CrossSiteProtection.on())
        .build();
  }

  /**
   * How long a demo sign-in lasts, remembered or not, unless {@code
   * TRACKER_SIGN_IN_ABSOLUTE_LIFETIME} says otherwise: an hour is long enough to try it and short
   * enough that a remembered demo cookie does not linger (the library's default is 12 hours).
   */
  static final Duration SIGN_IN_LIFETIME = Duration.ofHours(1);

  /**
   * The demo's sign-in: {@code options} (the settings' absolute lifetime, remembered lifetime and
   * subject key) with the roles a user store would give: the user named {@code admin} holds the
   * role {@code admin}, every other user none.
   */
  static SignInOptions signIn(SignInOptions.Builder options) {
    return options
        .roleResolver(subject -> "admin".equals(subject) ? Set.of("admin") : Set.of())
        .build();
  }

  /** Where POST /logout records revocations: Redis when a URL is given, else this JVM. */
  static RevocationOptions revocation(String redisUrl) {
    if (redisUrl == null || redisUrl.isBlank()) {
      return RevocationOptions.embedded();
    }
    return RevocationOptions.builder()
        .redis(redisUrl)
        .keyPrefix("tracker-cookie-demo:revoked:")
        .build();
  }

  /** The application, for the server and for the tests. */
  public static ResourceConfig create(TrackerConfig config) {
    ResourceConfig app =
        new ResourceConfig(DemoResource.class, DemoSignInResource.class)
            .property(TOKEN_REQUIRED, config.crossSite().requireToken())
            .register(new TrackerFeature(config))
            // @RolesAllowed on GET /admin: Jersey checks it against the request's SecurityContext.
            .register(RolesAllowedDynamicFeature.class)
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return app;
  }

  /** The application as the server starts it: its settings, and {@code GET /metrics}. */
  public static ResourceConfig create(DemoSettings settings) {
    return create(settings.config(), settings.metrics());
  }

  /** The application with {@code GET /metrics}; {@code config} carries the same metrics. */
  public static ResourceConfig create(TrackerConfig config, DemoMetrics metrics) {
    return create(config).registerResources(metrics.resource());
  }

  /** The demo's endpoints. */
  @Path("/")
  public static final class DemoResource {

    @Context private Configuration configuration;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String home(@Context Tracker tracker) {
      Map<String, Object> before = tracker.asMap();
      tracker.clear();
      String token = tokenField(tracker, configuration);
      return page("/", before, tracker.asMap(), "cleared the tracker", token);
    }

    /**
     * Signs out and logs this cookie out for good: a copy taken before reads as {@code {}} on every
     * demo that shares the revocation store (the embedded one, or Redis with REDIS_URL).
     */
    @POST
    @Path("logout")
    @Produces(MediaType.APPLICATION_JSON)
    public String logout(@Context Tracker tracker) {
      Map<String, Object> held = tracker.asMap();
      if (tracker.isEmpty()) {
        tracker.clear(); // a refused cookie, if one came, is deleted all the same
        return json(
            Map.of(
                "revoked",
                false,
                "held",
                held,
                "note",
                "nothing to revoke: the request carried no readable tracker cookie"));
      }
      if (configuration.getProperty(Revocations.PROPERTY) == null) {
        tracker.clear();
        return json(Map.of("revoked", false, "held", held, "note", "revocation is off: cleared"));
      }
      // signOut revokes a signed-in tracker; revoke does the same for one that only holds data.
      boolean recorded = tracker.signedIn() ? tracker.signOut() : tracker.revoke();
      return json(Map.of("revoked", recorded, "held", held));
    }

    @GET
    @Path("tracker")
    @Produces(MediaType.APPLICATION_JSON)
    public String tracker(@Context Tracker tracker) {
      return json(tracker.asMap());
    }

    @GET
    @Path("{path: .+}")
    @Produces(MediaType.TEXT_HTML)
    public String track(@Context Tracker tracker, @PathParam("path") String path) {
      if (path.equals("favicon.ico")) {
        throw new NotFoundException(); // the browser's own request must not overwrite the path
      }
      Map<String, Object> before = tracker.asMap();
      tracker.put("path", "/" + path);
      String token = tokenField(tracker, configuration);
      return page("/" + path, before, tracker.asMap(), "recorded this path", token);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Plain values always serialize", e);
    }
  }

  /** The application property that says whether the forms must carry the CSRF token. */
  static final String TOKEN_REQUIRED = "io.trackercookie.demo.tokenRequired";

  /** Every page's start: the title and a little style. */
  static final String PAGE_HEAD =
      "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>tracker-cookie demo</title>"
          + "<style>body{font-family:sans-serif;max-width:44em;margin:2em auto}"
          + "code{background:#eee;padding:.1em .3em}form{display:inline}</style></head><body>\n";

  /** Every page's end. */
  static final String PAGE_TAIL = "</body></html>\n";

  /**
   * The hidden form field that carries the session's CSRF token, when the cross-site protection
   * requires one ({@code TRACKER_CROSS_SITE_REQUIRE_TOKEN=true}); else nothing, and the page writes
   * no cookie for a token nobody checks.
   */
  static String tokenField(Tracker tracker, Configuration configuration) {
    if (!Boolean.TRUE.equals(configuration.getProperty(TOKEN_REQUIRED))) {
      return "";
    }
    return "<input type=\"hidden\" name=\""
        + CrossSiteProtection.TOKEN_FORM_FIELD
        + "\" value=\""
        + escape(tracker.csrfToken())
        + "\">";
  }

  private static String page(
      String path,
      Map<String, Object> before,
      Map<String, Object> after,
      String action,
      String token) {
    return PAGE_HEAD
        + "<h1>tracker-cookie demo</h1>\n"
        + "<p>You asked for <code>"
        + escape(path)
        + "</code>; this request "
        + escape(action)
        + ".</p>\n"
        + "<p>Your cookie held: <code id=\"before\">"
        + escape(json(before))
        + "</code></p>\n"
        + "<p>It now holds: <code id=\"after\">"
        + escape(json(after))
        + "</code></p>\n"
        + "<p>The cookie <code>persistent-information</code> is sealed with iron (Fe26.2): your "
        + "browser keeps it, but cannot read or change it.</p>\n"
        + "<ul><li><a href=\"/hello\">/hello</a> records a path</li>"
        + "<li><a href=\"/some/deeper/path\">/some/deeper/path</a> records another</li>"
        + "<li><a href=\"/tracker\">/tracker</a> shows the tracker as JSON, unchanged</li>"
        + "<li><a href=\"/metrics\">/metrics</a> counts cookies opened, refused and sealed</li>"
        + "<li><a href=\"/\">/</a> clears it</li>"
        + "<li><form method=\"post\" action=\"/logout\">"
        + token
        + "<button>POST /logout</button></form>"
        + " signs out and revokes this cookie: a copy of it taken before reads as {} from then on"
        + "</li><li><a href=\"/login\">/login</a> signs a user in; <a href=\"/me\">/me</a> says"
        + " who, <a href=\"/admin\">/admin</a> needs the role admin</li>"
        + "</ul>\n"
        + PAGE_TAIL;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

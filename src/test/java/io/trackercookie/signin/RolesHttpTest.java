package io.trackercookie.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.RawHttp;
import io.trackercookie.RoleResolver;
import io.trackercookie.SignInOptions;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The signed-in subject as the request's principal, its roles from the role resolver or the seal,
 * and {@code @RolesAllowed} through Jersey's RolesAllowedDynamicFeature, over HTTP.
 */
class RolesHttpTest {

  private static final String NAME = CookieSettings.DEFAULT_NAME;

  /** The user store: subject to roles, changed by the tests; "broken" makes the resolver throw. */
  private final Map<String, Set<String>> users = new ConcurrentHashMap<>();

  private final AtomicInteger lookups = new AtomicInteger();
  private final RoleResolver resolver =
      subject -> {
        lookups.incrementAndGet();
        if (subject.equals("broken")) {
          throw new IllegalStateException("user store down while reading " + subject);
        }
        return users.getOrDefault(subject, Set.of());
      };

  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private TestServer start(SignInOptions signIn) {
    TrackerConfig config = SignInServer.config().signIn(signIn).build();
    server =
        new TestServer(
            () ->
                new ResourceConfig(RolesResource.class)
                    .register(new TrackerFeature(config))
                    .register(RolesAllowedDynamicFeature.class));
    return server;
  }

  private TestServer withResolver() {
    return start(SignInOptions.builder().roleResolver(resolver).build());
  }

  /** Signs in and returns the cookie value. */
  private String signIn(String path) {
    RawHttp.Response response = RawHttp.request(server.base(), "POST", path);
    assertEquals(200, response.status(), response.body());
    String cookie = response.cookieValue(NAME);
    assertNotNull(cookie, "sign-in sets the cookie");
    return cookie;
  }

  private RawHttp.Response get(String cookie, String path) {
    return cookie == null
        ? RawHttp.get(server.base(), path)
        : RawHttp.get(server.base(), path, "Cookie: " + NAME + "=" + cookie);
  }

  @Test
  void signedIn_thePrincipalIsTheSubject_underTheTrackerScheme() {
    withResolver();
    String alice = signIn("/signin?user=alice");
    assertEquals(
        "{\"principal\":\"alice\",\"scheme\":\"TRACKER\",\"secure\":false}",
        get(alice, "/context").body());
  }

  @Test
  void signedOut_keepsTheContainersContext_noPrincipal() {
    withResolver();
    assertEquals(
        "{\"principal\":null,\"scheme\":null,\"secure\":false,\"roles\":{\"admin\":false}}",
        get(null, "/context?roles=admin").body());
    // A cookie that is not signed in (no subject) keeps it too.
    RawHttp.Response signedOut =
        RawHttp.request(
            server.base(), "POST", "/signout", "Cookie: " + NAME + "=" + signIn("/signin?user=a"));
    assertEquals(200, signedOut.status());
    assertEquals(
        "{\"principal\":null,\"scheme\":null,\"secure\":false}", get(null, "/context").body());
    assertEquals(0, lookups.get(), "no role resolved for a request that is not signed in");
  }

  @Test
  void isUserInRole_asksTheResolver() {
    withResolver();
    users.put("alice", Set.of("editor"));
    String alice = signIn("/signin?user=alice");
    assertEquals(
        "{\"editor\":true,\"admin\":false}", rolesOf(get(alice, "/context?roles=editor,admin")));
  }

  @Test
  void theResolver_isAskedAtMostOncePerRequest_andNotWithoutARoleCheck() {
    withResolver();
    users.put("alice", Set.of("editor"));
    String alice = signIn("/signin?user=alice");
    int before = lookups.get();
    get(alice, "/context");
    assertEquals(before, lookups.get(), "no role check, no lookup");
    get(alice, "/context?roles=editor,admin,viewer,editor");
    assertEquals(before + 1, lookups.get(), "four role checks, one lookup");
    get(alice, "/editor-or-admin");
    assertEquals(before + 2, lookups.get(), "@RolesAllowed with two roles, one lookup");
  }

  @Test
  void rolesAllowed_403WithoutTheRole_200WithIt_403SignedOut() {
    withResolver();
    users.put("alice", Set.of("editor"));
    users.put("root", Set.of("admin"));
    String alice = signIn("/signin?user=alice");
    String root = signIn("/signin?user=root");
    assertEquals(403, get(alice, "/admin").status(), "signed in without the role");
    assertEquals(200, get(alice, "/editor-or-admin").status(), "one of the roles");
    RawHttp.Response admin = get(root, "/admin");
    assertEquals(200, admin.status());
    assertEquals("{\"area\":\"admin\"}", admin.body());
    // Jersey's filter answers 403 without a principal too: a 401 would need a challenge scheme.
    assertEquals(403, get(null, "/admin").status(), "signed out");
  }

  @Test
  void aDemotion_takesEffectOnTheNextRequest_withTheSameCookie() {
    withResolver();
    users.put("root", Set.of("admin"));
    String root = signIn("/signin?user=root");
    assertEquals(200, get(root, "/admin").status());
    users.put("root", Set.of());
    assertEquals(403, get(root, "/admin").status(), "the same cookie, the role gone");
    users.put("root", Set.of("admin"));
    assertEquals(200, get(root, "/admin").status(), "and back");
  }

  @Test
  void aFailingResolver_refusesTheRole_with403_andLogsNoSubjectData() {
    withResolver();
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("io.trackercookie");
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      String broken = signIn("/signin?user=broken");
      RawHttp.Response admin = get(broken, "/admin");
      assertEquals(403, admin.status(), admin.body());
      assertFalse(admin.body().contains("broken"), admin.body());
      assertEquals(
          "{\"principal\":\"broken\",\"scheme\":\"TRACKER\",\"secure\":false,"
              + "\"roles\":{\"admin\":false,\"editor\":false}}",
          get(broken, "/context?roles=admin,editor").body());
    } finally {
      logger.removeHandler(handler);
    }
    List<LogRecord> failures =
        logged.stream().filter(r -> r.getMessage().contains("RoleResolver failed")).toList();
    assertEquals(2, failures.size(), "one warning per request: " + failures.size());
    for (LogRecord record : failures) {
      assertEquals(java.util.logging.Level.WARNING, record.getLevel());
      assertEquals(null, record.getThrown(), "no exception, whose message may name the subject");
      String text = java.text.MessageFormat.format(record.getMessage(), record.getParameters());
      assertTrue(text.contains(IllegalStateException.class.getName()), text);
      assertFalse(text.contains("broken"), text);
    }
  }

  @Test
  void rolesInTheSeal_areReadFromTheRolesKey_withoutAResolver() {
    start(SignInOptions.builder().rolesKey("roles").build());
    String root = signIn("/signin?user=root&roles=admin,editor");
    String alice = signIn("/signin?user=alice&roles=editor");
    String nobody = signIn("/signin?user=nobody");
    assertEquals(200, get(root, "/admin").status());
    assertEquals(403, get(alice, "/admin").status());
    assertEquals(200, get(alice, "/editor-or-admin").status());
    assertEquals(403, get(nobody, "/editor-or-admin").status(), "no roles key, no role");
    assertEquals(
        "{\"admin\":true,\"editor\":true,\"viewer\":false}",
        rolesOf(get(root, "/context?roles=admin,editor,viewer")));
  }

  @Test
  void rolesInTheSeal_surviveADemotion_untilTheCookieChanges() {
    // The trade-off: the user store no longer counts; the cookie does.
    start(SignInOptions.builder().rolesKey("roles").build());
    String root = signIn("/signin?user=root&roles=admin");
    users.put("root", Set.of());
    assertEquals(200, get(root, "/admin").status(), "the seal still says admin");
    assertEquals(0, lookups.get(), "no resolver asked");
  }

  @Test
  void theContext_isTheRequestAsItCame_aSignInOrOutDuringItChangesNothing() {
    withResolver();
    String alice = signIn("/signin?user=alice");
    RawHttp.Response switched =
        RawHttp.request(
            server.base(),
            "POST",
            "/signin-then-context?user=bob",
            "Cookie: " + NAME + "=" + alice);
    assertEquals(
        "{\"principal\":\"alice\",\"scheme\":\"TRACKER\",\"secure\":false}", switched.body());
    String bob = switched.cookieValue(NAME);
    assertEquals(
        "{\"principal\":\"bob\",\"scheme\":\"TRACKER\",\"secure\":false}",
        get(bob, "/context").body(),
        "the next request is bob's");
    RawHttp.Response out =
        RawHttp.request(
            server.base(), "POST", "/signout-then-context", "Cookie: " + NAME + "=" + bob);
    assertEquals("{\"principal\":\"bob\",\"scheme\":\"TRACKER\",\"secure\":false}", out.body());
    assertEquals(
        "{\"principal\":null,\"scheme\":null,\"secure\":false}",
        get(null, "/context").body(),
        "signed out after it");
    RawHttp.Response fresh = RawHttp.request(server.base(), "POST", "/signin-then-context?user=c");
    assertEquals("{\"principal\":null,\"scheme\":null,\"secure\":false}", fresh.body());
  }

  private static String rolesOf(RawHttp.Response response) {
    String body = response.body();
    int start = body.indexOf("\"roles\":");
    assertTrue(start >= 0, body);
    return body.substring(start + "\"roles\":".length(), body.length() - 1);
  }
}

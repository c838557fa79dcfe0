package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.CookieSettings;
import io.trackercookie.SignInOptions;
import io.trackercookie.TrackerConfig;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @RolesAllowed} on a signed-in subject, written once for every runtime: the application
 * deploys {@link RolesResource} with {@link #config()} and its runtime's role check on, and the
 * check signs users in and calls the guarded method, demoting one in between.
 */
public final class RolesCheck {

  /** The role {@link RolesResource#admin()} needs. */
  public static final String ADMIN = "admin";

  private static final String NAME = CookieSettings.DEFAULT_NAME;

  /** The user store of the applications under test: a subject's roles, changed by the checks. */
  private static final Map<String, Set<String>> USERS = new ConcurrentHashMap<>();

  private RolesCheck() {}

  /** Sign-in on, roles from {@link #USERS}, asked per request. */
  public static TrackerConfig config() {
    return TrackerConfig.builder()
        .password(TrackerCycle.PASSWORD)
        .signIn(
            SignInOptions.builder()
                .roleResolver(subject -> USERS.getOrDefault(subject, Set.of()))
                .build())
        .build();
  }

  /**
   * Principal, role check, demotion, sign-out: every step over HTTP.
   *
   * @param base the application's root, where {@link RolesResource} answers at "roles"
   * @param signedOutStatus what the runtime's role check answers without a principal
   */
  public static void assertRolesAllowed(URI base, int signedOutStatus) {
    TrackerCycle http = new TrackerCycle(base, "roles");
    USERS.put("ada", Set.of(ADMIN));
    USERS.put("alan", Set.of());
    String ada = signIn(http, "ada");
    String alan = signIn(http, "alan");

    TrackerCycle.Reply me = http.send("GET", "roles/me", NAME + "=" + ada, null);
    assertEquals(200, me.status, "GET roles/me signed in");
    assertEquals("ada TRACKER admin=true", me.body, "the principal is the subject");
    assertEquals(
        "- null admin=false",
        http.send("GET", "roles/me", null, null).body,
        "signed out, the container's own context");

    TrackerCycle.Reply admin = http.send("GET", "roles/admin", NAME + "=" + ada, null);
    assertEquals(200, admin.status, "@RolesAllowed lets the admin in");
    assertEquals("admin area", admin.body);
    assertEquals(
        403,
        http.send("GET", "roles/admin", NAME + "=" + alan, null).status,
        "@RolesAllowed refuses a user without the role");
    assertEquals(
        signedOutStatus,
        http.send("GET", "roles/admin", null, null).status,
        "@RolesAllowed refuses a request that is not signed in");

    USERS.put("ada", Set.of());
    assertEquals(
        403,
        http.send("GET", "roles/admin", NAME + "=" + ada, null).status,
        "a demoted user loses the role on the next request, with the same cookie");
  }

  private static String signIn(TrackerCycle http, String user) {
    TrackerCycle.Reply signedIn = http.send("POST", "roles/signin?user=" + user, null, null);
    assertEquals(200, signedIn.status, "POST roles/signin");
    return signedIn.cookieValue();
  }
}

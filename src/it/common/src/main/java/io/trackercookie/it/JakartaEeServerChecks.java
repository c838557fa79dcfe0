package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every full Jakarta EE server passes, on top of {@link RuntimeChecks}, with the project's
 * packaged WAR deployed: a {@link JakartaEeApplication} at {@code /app/api/}, password {@link
 * TrackerCycle#PASSWORD} and embedded revocation with subject key {@link TrackerCycle#SUBJECT_KEY}
 * taken from the server's environment. A subclass says how to launch its server; this class starts
 * it, waits for the application and stops it.
 */
public abstract class JakartaEeServerChecks extends RuntimeChecks<ServerProcess> {

  /** How long start-up and deployment may take on a loaded machine: a limit, not a measure. */
  private static final Duration START_LIMIT = Duration.ofMinutes(5);

  /**
   * How to start a server: the command, which must listen on 127.0.0.1 at httpPort and deploy the
   * WAR at context root "app", and the file that takes its output.
   */
  protected record Launch(ProcessBuilder command, int httpPort, Path log) {
    // Public: a protected record's implicit constructor is protected, which a subclass in
    // another package cannot call with new.
    public Launch {}
  }

  /** Revocations from the Configuration and from CDI: every Jakarta EE server runs CDI. */
  @Override
  protected List<String> revokeAllForResources() {
    return List.of(CONFIGURATION_REVOCATIONS, CDI_REVOCATIONS);
  }

  /**
   * How to start the server with the war deployed, on ports free now. Called again, with the same
   * war, when the first start found a port taken.
   */
  protected abstract Launch launch(Path war) throws IOException;

  private static boolean portWasTaken(Path log) throws IOException {
    return Files.isRegularFile(log)
        && Files.readString(log, StandardCharsets.ISO_8859_1).contains("Address already in use");
  }

  /**
   * Starts the server; once more, on new ports, when a port chosen free was taken before the server
   * bound it (another process on the machine can take it in between).
   */
  @Override
  protected final ServerProcess start() throws Exception {
    Launch first = launch(packagedWar());
    try {
      return start(first);
    } catch (AssertionError failed) {
      if (!portWasTaken(first.log())) {
        throw failed;
      }
      System.err.println("[WARNING] A port was taken before the server bound it; starting again");
      return start(launch(packagedWar()));
    }
  }

  private ServerProcess start(Launch launch) throws Exception {
    // As an operator configures it: the password from the environment.
    launch.command().environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    launch.command().environment().put("TRACKER_REVOCATION_STORE", "embedded");
    launch.command().environment().put("TRACKER_REVOCATION_SUBJECT_KEY", TrackerCycle.SUBJECT_KEY);
    // Sign-in on, with the roles kept in the seal: CallerResource's view of the caller.
    launch.command().environment().put("TRACKER_SIGN_IN_SUBJECT_KEY", TrackerCycle.SUBJECT_KEY);
    launch.command().environment().put("TRACKER_SIGN_IN_ROLES_KEY", CallerResource.ROLES_KEY);
    URI base = URI.create("http://127.0.0.1:" + launch.httpPort() + "/app/api/");
    return ServerProcess.start(launch.command(), launch.log(), base, START_LIMIT);
  }

  @Test
  public void
      cdiInjectedTracker_inApplicationScopedResource_sealsReadsChangesAndClearsTheCookie_andReadsBadOnesAsEmpty() {
    new TrackerCycle(server().base(), "cdi").assertWholeCycle();
  }

  /**
   * The application's TrackerAuthenticationMechanism makes the tracker's signed-in subject the
   * container's caller: Jakarta Security's SecurityContext names it with its roles, and the server
   * enforces an EJB's {@code @RolesAllowed} on it.
   */
  @Test
  public void signedInSubject_isTheContainersCaller_forJakartaSecurityAndEjbRolesAllowed() {
    TrackerCycle http = cycle();
    String admin = signIn(http, RolesCheck.ADMIN);
    String ada = signIn(http, "ada");
    String name = CookieSettings.DEFAULT_NAME + "=";

    assertEquals("admin admin=true", http.send("GET", "caller/me", name + admin, null).body);
    assertEquals("ada admin=false", http.send("GET", "caller/me", name + ada, null).body);
    // No caller: null on Payara; WildFly names its anonymous identity.
    Set<String> anonymous = Set.of("- admin=false", "anonymous admin=false");
    String signedOut = http.send("GET", "caller/me", null, null).body;
    assertTrue(anonymous.contains(signedOut), "signed out: " + signedOut);
    String bad = http.send("GET", "caller/me", name + "Fe26.2**bad*bad*bad**bad*bad", null).body;
    assertTrue(anonymous.contains(bad), "a bad cookie is no caller: " + bad);

    TrackerCycle.Reply allowed = http.send("GET", "caller/admin", name + admin, null);
    assertEquals(200, allowed.status, "the EJB lets the admin in");
    assertEquals("admin area", allowed.body);
    assertEquals(
        403,
        http.send("GET", "caller/admin", name + ada, null).status,
        "the EJB refuses a caller without the role");
    assertEquals(
        403,
        http.send("GET", "caller/admin", null, null).status,
        "the EJB refuses an anonymous caller");
  }

  private static String signIn(TrackerCycle http, String user) {
    TrackerCycle.Reply reply = http.send("POST", "caller/signin?user=" + user, null, null);
    assertEquals(200, reply.status, "POST caller/signin");
    return reply.cookieValue();
  }

  @Test
  public void serverLog_holdsNoSealOrPassword() throws IOException {
    cycle().send("GET", "cdi", "persistent-information=Fe26.2**bad*bad*bad**bad*bad", null);
    String log = Files.readString(server().log());
    assertFalse(log.contains(TrackerCycle.PASSWORD), "the password is not in the server log");
    assertFalse(log.contains("Fe26.2*"), "no seal is in the server log");
  }
}

package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /** How to start the server with the war deployed. */
  protected abstract Launch launch(Path war) throws IOException;

  @Override
  protected final ServerProcess start() throws Exception {
    Launch launch = launch(packagedWar());
    // As an operator configures it: the password from the environment.
    launch.command().environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    launch.command().environment().put("TRACKER_REVOCATION_STORE", "embedded");
    launch.command().environment().put("TRACKER_REVOCATION_SUBJECT_KEY", TrackerCycle.SUBJECT_KEY);
    URI base = URI.create("http://127.0.0.1:" + launch.httpPort() + "/app/api/");
    return ServerProcess.start(launch.command(), launch.log(), base, START_LIMIT);
  }

  @Test
  public void
      cdiInjectedTracker_inApplicationScopedResource_sealsReadsChangesAndClearsTheCookie_andReadsBadOnesAsEmpty() {
    new TrackerCycle(server().base(), "cdi").assertWholeCycle();
  }

  @Test
  public void serverLog_holdsNoSealOrPassword() throws IOException {
    cycle().send("GET", "cdi", "persistent-information=Fe26.2**bad*bad*bad**bad*bad", null);
    String log = Files.readString(server().log());
    assertFalse(log.contains(TrackerCycle.PASSWORD), "the password is not in the server log");
    assertFalse(log.contains("Fe26.2*"), "no seal is in the server log");
  }
}

package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The checks every full Jakarta EE server passes, with an application that registers
 * TrackerFeature, {@link TrackerResource}, {@link FieldTrackerResource} and
 * {@link CdiTrackerResource} below {@link #base()}, password {@link TrackerCycle#PASSWORD} taken
 * from the server's environment. A subclass starts the server.
 */
public abstract class JakartaEeServerChecks {

  /** The application's root URI. */
  protected abstract URI base();

  /** The running server. */
  protected abstract ServerProcess server();

  @Test
  void contextTracker_wholeCycle() {
    new TrackerCycle(base()).assertWholeCycle();
  }

  @Test
  void contextTrackerField_readsTheCookie() {
    new TrackerCycle(base()).assertFieldInjection();
  }

  @Test
  void cdiInjectedTracker_inApplicationScopedResource_wholeCycle() {
    new TrackerCycle(base(), "cdi").assertWholeCycle();
  }

  @Test
  void serverLog_holdsNoSealOrPassword() throws IOException {
    new TrackerCycle(base()).send("GET", "cdi", "persistent-information=Fe26.2**bad*bad*bad**bad*bad", null);
    String log = Files.readString(server().log());
    assertFalse(log.contains(TrackerCycle.PASSWORD), "the password is not in the server log");
    assertFalse(log.contains("Fe26.2*"), "no seal is in the server log");
  }
}

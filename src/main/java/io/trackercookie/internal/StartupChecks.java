package io.trackercookie.internal;

import io.trackercookie.TrackerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Configurations that start fine and bite later, logged as one WARNING line when the application
 * starts. A new check is one more {@code if} in {@link #findings}; each finding names the settings
 * and what will happen, never a secret.
 */
final class StartupChecks {

  private StartupChecks() {}

  /** The findings for this config, in a fixed order; empty when there is nothing to say. */
  static List<String> findings(TrackerConfig config) {
    List<String> findings = new ArrayList<>();
    Duration ttl = config.ttl();
    Duration maxAge = config.cookie().maxAge();
    if (config.slidingExpiry().isEmpty()
        && !ttl.isZero()
        && !maxAge.isZero()
        && ttl.compareTo(maxAge) < 0) {
      findings.add(
          "tracker.ttl ("
              + ttl
              + ") is shorter than the cookie's Max-Age (tracker.cookie.maxAge, "
              + maxAge
              + "): a tracker lasts only the ttl, not the Max-Age, and visitors lose it early"
              + " without a word");
    }
    if (config.diagnostics()) {
      findings.add(
          "tracker.diagnostics is on: responses name why a cookie was refused"
              + " (Tracker-Diagnostics), which tells a client how far a forged cookie got;"
              + " development only");
    }
    return findings;
  }

  /** Logs the findings as one WARNING line, or nothing. */
  static void log(TrackerConfig config) {
    List<String> findings = findings(config);
    if (!findings.isEmpty()) {
      Listeners.LOG.log(
          Level.WARNING, "Tracker cookie configuration to check: " + String.join("; ", findings));
    }
  }
}

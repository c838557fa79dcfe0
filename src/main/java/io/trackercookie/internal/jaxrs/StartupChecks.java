package io.trackercookie.internal.jaxrs;

import io.trackercookie.CookieBudget;
import io.trackercookie.TrackerConfig;
import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Configurations that start fine and bite later, logged as one WARNING line when the application
 * starts. A new check is one more {@code if} in {@link #findings}; each finding names the settings
 * and what will happen, never a secret.
 */
final class StartupChecks {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private StartupChecks() {}

  /** The findings for this config, in a fixed order; empty when there is nothing to say. */
  static List<String> findings(TrackerConfig config) {
    List<String> findings = new ArrayList<>();
    // A Max-Age the application chose, cut short by the seal's lifetime: visitors are logged out
    // sooner than the cookie settings say. An unset Max-Age follows the ttl by design.
    Duration maxAge = config.cookie().maxAge();
    Duration written = config.cookieMaxAge();
    if (config.cookie().maxAgeSet() && !maxAge.isZero() && written.compareTo(maxAge) < 0) {
      findings.add(
          (config.lifetimes().slidingExpiry().isPresent()
                  ? SettingNames.SLIDING_EXPIRY
                  : SettingNames.TTL)
              + " ("
              + written
              + ") is shorter than the cookie's Max-Age ("
              + SettingNames.COOKIE_MAX_AGE
              + ", "
              + maxAge
              + "): Max-Age is shortened to it, so visitors lose their tracker after "
              + written
              + ", not "
              + maxAge);
    }
    int budget = config.cookieBudget().maxCookieHeaderBytes();
    if (budget > CookieBudget.COMMON_SERVER_HEADER_LIMIT_BYTES) {
      findings.add(
          SettingNames.MAX_COOKIE_HEADER_BYTES
              + " is "
              + budget
              + ", over the "
              + CookieBudget.COMMON_SERVER_HEADER_LIMIT_BYTES
              + "-byte request-head limit of Grizzly, Tomcat and Jetty by default;"
              + " raise the server's limit too, or a visitor with a large tracker gets 400 on every"
              + " request (see docs/configuration.md)");
    }
    if (config.diagnostics()) {
      findings.add(
          SettingNames.DIAGNOSTICS
              + " is on: responses name why a cookie was refused ("
              + TrackerConfig.DIAGNOSTICS_HEADER
              + "), which tells a client how far a forged cookie got;"
              + " development only");
    }
    return findings;
  }

  /** Logs the findings as one WARNING line, or nothing. */
  static void log(TrackerConfig config) {
    List<String> findings = findings(config);
    if (!findings.isEmpty()) {
      LOG.log(
          Level.WARNING, "Tracker cookie configuration to check: " + String.join("; ", findings));
    }
  }
}

package io.trackercookie.it.jetty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.it.RunningServer;
import io.trackercookie.it.RuntimeChecks;
import io.trackercookie.it.TrackerCycle;
import io.trackercookie.it.TypedCookieParamCheck;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ClassMatcher;
import org.junit.jupiter.api.Test;

/** Deploys the packaged WAR, as built, into an embedded Jetty 12 (ee10) on 127.0.0.1. */
class Jetty12IT extends RuntimeChecks<RunningServer> {

  @Override
  protected RunningServer start() throws Exception {
    Path war = packagedWar();
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    WebAppContext app = new WebAppContext();
    app.setContextPath("/app");
    app.setWar(war.toString());
    // The tracker jar is on this test's class path too (the shared checks use it): hidden from the
    // application, as a standalone Jetty would, so CDI finds only the WAR's copy of its beans.
    app.addHiddenClassMatcher(
        new ClassMatcher(
            CookieSettings.class.getProtectionDomain().getCodeSource().getLocation().toString()));
    // A WAR that fails to start fails the test with its cause, not with 503s.
    app.setThrowUnavailableOnStartupException(true);
    jetty.setHandler(app);
    jetty.start();
    return RunningServer.onLoopback(connector.getLocalPort(), "/app/api/", jetty::stop);
  }

  @Override
  protected List<String> revokeAllForResources() {
    return EVERY_REVOCATIONS;
  }

  @Test
  void cdiInjectedTracker_inApplicationScopedResource_sealsReadsChangesAndClearsTheCookie() {
    new TrackerCycle(server().base(), "cdi").assertWholeCycle();
  }

  @Test
  void typedCookieParam_holdsTheCookiesContent_andNullForBadOnes() {
    TypedCookieParamCheck.assertTypedParameter(cycle());
  }

  @Test
  void settingsFromWebXml_reachTheCookie() {
    // web.xml sets tracker.cookie.maxAge to 3600 seconds.
    TrackerCycle.Reply set = cycle().send("PUT", "tracker/from", null, "web.xml");
    assertTrue(
        set.hasAttribute("Max-Age=3600"),
        "Max-Age from web.xml in " + set.setCookie.replaceAll("=Fe26[^;]*", "=<seal>"));
  }
}

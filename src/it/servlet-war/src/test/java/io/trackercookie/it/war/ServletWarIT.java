package io.trackercookie.it.war;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.it.RunningServer;
import io.trackercookie.it.RuntimeChecks;
import io.trackercookie.it.TrackerCycle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.Test;

/** Deploys the packaged WAR, as built, into an embedded Tomcat on 127.0.0.1. */
class ServletWarIT extends RuntimeChecks<RunningServer> {

  @Override
  protected RunningServer start() throws Exception {
    Path war = packagedWar();
    Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    tomcat.setHostname("127.0.0.1");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.getHost().setAppBase(base.toString());
    // No JSP engine here: leave out Tomcat's default web.xml, which declares one.
    tomcat.setAddDefaultWebXmlToWebapp(false);
    Context app = tomcat.addWebapp("/app", war.toString());
    // Scan the WAR's own jars only, not the test's class path, as a standalone Tomcat would.
    ((StandardJarScanner) app.getJarScanner()).setScanClassPath(false);
    tomcat.start();
    return RunningServer.onLoopback(
        tomcat.getConnector().getLocalPort(),
        "/app/api/",
        () -> {
          tomcat.stop();
          tomcat.destroy();
        });
  }

  @Override
  protected List<String> revokeAllForResources() {
    return CONFIGURATION_AND_CONTEXT_REVOCATIONS;
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

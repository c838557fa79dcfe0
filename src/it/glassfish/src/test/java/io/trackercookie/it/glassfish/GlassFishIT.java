package io.trackercookie.it.glassfish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.it.JakartaEeServerChecks;
import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.TrackerCycle;
import io.trackercookie.it.TypedCookieParamCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * GlassFish on 127.0.0.1: the unpacked distribution's domain1, moved to free ports, started in the
 * foreground with the packaged WAR (and the Jakarta EE example's) in its autodeploy folder.
 */
class GlassFishIT extends JakartaEeServerChecks {

  /** GlassFish's default HTTP port in domain.xml; every other port there is moved too. */
  private static final String DEFAULT_HTTP_PORT = "8080";

  /** The Max-Age the domain's JVM option sets, in seconds. */
  private static final String DOMAIN_MAX_AGE = "3600";

  private static final Pattern PORT = Pattern.compile("port=\"(\\d+)\"");

  @Override
  protected Launch launch(Path war) throws IOException {
    Path home = Path.of(System.getProperty("glassfish.home")).toAbsolutePath();
    Path asadmin = home.resolve("bin/asadmin");
    assertTrue(Files.isRegularFile(asadmin), "the unpacked GlassFish " + home);
    Path domain = home.resolve("glassfish/domains/domain1");
    int httpPort = LoopbackPorts.free();
    Path domainXml = domain.resolve("config/domain.xml");
    // Configured from the distribution's own file each time, so a second launch moves the ports
    // again rather than finding them moved.
    Path distributed = domain.resolve("config/domain.xml.distributed");
    if (!Files.exists(distributed)) {
      Files.copy(domainXml, distributed);
    }
    Files.writeString(domainXml, configured(Files.readString(distributed), httpPort));

    Path autodeploy = domain.resolve("autodeploy");
    Files.copy(war, autodeploy.resolve("app.war"), StandardCopyOption.REPLACE_EXISTING);
    Path example = exampleWar();
    if (Files.isRegularFile(example)) {
      Files.copy(
          example, autodeploy.resolve("jakarta-ee-war.war"), StandardCopyOption.REPLACE_EXISTING);
    }
    ProcessBuilder command =
        new ProcessBuilder(
                List.of("sh", asadmin.toString(), "start-domain", "--verbose", "domain1"))
            .directory(home.toFile());
    // The Java that runs the tests runs the server.
    command.environment().put("AS_JAVA", System.getProperty("java.home"));
    return new Launch(command, httpPort, home.resolveSibling("glassfish.log"));
  }

  /**
   * The server's configuration (the first {@code <config>}, server-config) on loopback and free
   * ports, with the tracker's Max-Age as a JVM option, as an operator sets a system property in a
   * domain.
   */
  private static String configured(String domainXml, int httpPort) throws IOException {
    // Each listener its own port: two picks of a free port can return the same one.
    Set<Integer> taken = new HashSet<>(Set.of(httpPort));
    int end = domainXml.indexOf("<config name=\"default-config\"");
    assertTrue(end > 0, "domain.xml has a default-config after server-config");
    String server =
        domainXml
            .substring(0, end)
            .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
            .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
            // Callers' groups become roles of the same name, for the Jakarta Security check.
            .replaceFirst(
                "<security-service>",
                "<security-service activate-default-principal-to-role-mapping=\"true\">")
            .replace(
                "name=\"JMS_PROVIDER_PORT\" value=\"7676\"",
                "name=\"JMS_PROVIDER_PORT\" value=\"" + freeAndNew(taken) + "\"")
            .replaceFirst(
                "<jvm-options>-Xmx512m</jvm-options>",
                "<jvm-options>-Xmx512m</jvm-options><jvm-options>-Dtracker.cookie.maxAge="
                    + DOMAIN_MAX_AGE
                    + "</jvm-options>");
    Matcher port = PORT.matcher(server);
    StringBuilder moved = new StringBuilder();
    while (port.find()) {
      int to = port.group(1).equals(DEFAULT_HTTP_PORT) ? httpPort : freeAndNew(taken);
      port.appendReplacement(moved, "port=\"" + to + "\"");
    }
    port.appendTail(moved);
    return moved + domainXml.substring(end);
  }

  /** A free port not among taken, which it joins. */
  private static int freeAndNew(Set<Integer> taken) throws IOException {
    int port;
    do {
      port = LoopbackPorts.free();
    } while (!taken.add(port));
    return port;
  }

  private static Path exampleWar() {
    return Path.of(System.getProperty("example.war")).toAbsolutePath().normalize();
  }

  @Override
  protected List<String> revokeAllForResources() {
    return EVERY_REVOCATIONS;
  }

  @Test
  void typedCookieParam_holdsTheCookiesContent_andNullForBadOnes() {
    TypedCookieParamCheck.assertTypedParameter(cycle());
  }

  @Test
  void settingFromTheDomainsJvmOptions_reachesTheCookie() {
    TrackerCycle.Reply set = cycle().send("PUT", "tracker/from", null, "domain.xml");
    assertTrue(
        set.hasAttribute("Max-Age=" + DOMAIN_MAX_AGE),
        "Max-Age from domain.xml in " + set.setCookie.replaceAll("=Fe26[^;]*", "=<seal>"));
  }

  @Test
  void jakartaEeExample_countsVisitsInItsCookie() throws Exception {
    Path example = exampleWar();
    assertTrue(
        Files.isRegularFile(example),
        "the example's WAR, built from examples/jakarta-ee-war before this project: " + example);
    TrackerCycle visits = new TrackerCycle(server().base().resolve("/jakarta-ee-war/api/"));
    TrackerCycle.Reply first = awaitDeployed(visits);
    assertEquals("visit 1", first.body, "the first visit");
    assertNotNull(first.setCookie, "the first visit sets the cookie");
    TrackerCycle.Reply second =
        visits.send("GET", "visits", CookieSettings.DEFAULT_NAME + "=" + first.cookieValue(), null);
    assertEquals("visit 2", second.body, "the cookie counts the second visit");
  }

  /** The example deploys beside the application, maybe a moment later. */
  private static TrackerCycle.Reply awaitDeployed(TrackerCycle example) throws Exception {
    TrackerCycle.Reply reply = example.send("GET", "visits", null, null);
    for (int attempt = 0; attempt < 60 && reply.status == 404; attempt++) {
      Thread.sleep(1000);
      reply = example.send("GET", "visits", null, null);
    }
    assertEquals(200, reply.status, "GET the example's visits");
    return reply;
  }
}

package io.trackercookie.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.trackercookie.it.JakartaEeServerChecks;
import io.trackercookie.it.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** WildFly on 127.0.0.1, unpacked, with the packaged WAR in its deployments folder. */
class WildFlyIT extends JakartaEeServerChecks {

  /** WildFly's default HTTP port; every port of the server is moved by the same offset. */
  private static final int DEFAULT_HTTP_PORT = 8080;

  @Override
  protected Launch launch(Path war) throws IOException {
    Path home = Path.of(System.getProperty("wildfly.home")).toAbsolutePath();
    Path script = home.resolve("bin/standalone.sh");
    assertTrue(Files.isRegularFile(script), "the unpacked WildFly " + home);
    acceptCallersOutsideTheRealm(home.resolve("standalone/configuration/standalone.xml"));
    Files.copy(
        war, home.resolve("standalone/deployments/app.war"), StandardCopyOption.REPLACE_EXISTING);
    int offset = freePortOffset();
    ProcessBuilder command =
        new ProcessBuilder(
                List.of(
                    "sh",
                    script.toString(),
                    "-b",
                    "127.0.0.1",
                    "-bmanagement",
                    "127.0.0.1",
                    "-Djboss.socket.binding.port-offset=" + offset))
            .directory(home.toFile());
    command.environment().put("JBOSS_HOME", home.toString());
    command.environment().put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
    return new Launch(command, DEFAULT_HTTP_PORT + offset, home.resolveSibling("wildfly.log"));
  }

  /**
   * The web's application security domain without integrated JASPI: a Jakarta Security mechanism
   * (the application's TrackerAuthenticationMechanism) may then name a caller that WildFly's own
   * realm does not know, with the roles it gives. What an operator sets with {@code
   * /subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,
   * value=false)}.
   */
  private static void acceptCallersOutsideTheRealm(Path standaloneXml) throws IOException {
    String xml = Files.readString(standaloneXml);
    int undertow = xml.indexOf("urn:jboss:domain:undertow:");
    String domain =
        "<application-security-domain name=\"other\" security-domain=\"ApplicationDomain\"";
    int at = xml.indexOf(domain, undertow);
    assertTrue(undertow >= 0 && at >= 0, "the undertow subsystem's application security domain");
    if (!xml.startsWith(" integrated-jaspi=", at + domain.length())) {
      Files.writeString(
          standaloneXml,
          xml.substring(0, at + domain.length())
              + " integrated-jaspi=\"false\""
              + xml.substring(at + domain.length()));
    }
  }

  /**
   * Every port of the server (HTTP, management, HTTPS) moves by one offset: one whose HTTP port is
   * free.
   */
  private static int freePortOffset() {
    for (int attempt = 0; attempt < 20; attempt++) {
      int candidate = 1000 + ThreadLocalRandom.current().nextInt(19000);
      if (LoopbackPorts.isFree(DEFAULT_HTTP_PORT + candidate)) {
        return candidate;
      }
    }
    return fail("no free port offset in 20 tries");
  }
}

package io.trackercookie.it.payara;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.it.JakartaEeServerChecks;
import io.trackercookie.it.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Payara Micro on 127.0.0.1, run from its one jar with the packaged WAR. */
class PayaraMicroIT extends JakartaEeServerChecks {

  @Override
  protected Launch launch(Path war) throws IOException {
    Path jar = Path.of(System.getProperty("payara.jar"));
    assertTrue(Files.isRegularFile(jar), "the Payara Micro jar " + jar);
    Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "payara");
    // Listen on loopback only. Map a caller's groups to the roles of the same name, so the roles
    // the tracker's Jakarta Security mechanism names are the application's roles.
    Path preBoot = work.resolve("preboot.asadmin");
    Files.writeString(
        preBoot,
        "set configs.config.server-config.network-config.network-listeners"
            + ".network-listener.http-listener.address=127.0.0.1\n"
            + "set configs.config.server-config.security-service"
            + ".activate-default-principal-to-role-mapping=true\n");
    int port = LoopbackPorts.free();
    ProcessBuilder command =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.io.tmpdir=" + work,
                "-jar",
                jar.toString(),
                "--nocluster",
                "--disablephonehome",
                "--nohostaware",
                "--port",
                String.valueOf(port),
                "--prebootcommandfile",
                preBoot.toString(),
                "--rootdir",
                work.resolve("root").toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "app"));
    return new Launch(command, port, work.resolve("payara.log"));
  }

  @Override
  protected List<String> revokeAllForResources() {
    return EVERY_REVOCATIONS;
  }
}

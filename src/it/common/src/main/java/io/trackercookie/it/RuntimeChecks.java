package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every runtime passes over real HTTP, written once. A runtime's test class extends this
 * class, or one of its subclasses, and only starts its server: {@link #start()} returns a server on
 * 127.0.0.1 serving {@link TrackerResource} and {@link FieldTrackerResource} below its base, with
 * the default cookie settings and password {@link TrackerCycle#PASSWORD}. The server is started
 * before the first test and stopped after the last.
 *
 * @param <S> the kind of server the runtime starts
 */
@TestInstance(
    TestInstance.Lifecycle.PER_CLASS) // one server for all tests, started by an instance method
public abstract class RuntimeChecks<S extends RunningServer> {

  private S server;
  private TrackerCycle cycle;

  /** Starts the runtime's server with the application deployed. */
  protected abstract S start() throws Exception;

  @BeforeAll
  protected final void startServer() throws Exception {
    server = start();
    cycle = new TrackerCycle(server.base());
  }

  @AfterAll
  protected final void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** The running server. */
  protected final S server() {
    return server;
  }

  /** The cycle against the running server. */
  protected final TrackerCycle cycle() {
    return cycle;
  }

  /**
   * The WAR the project packaged, as its failsafe configuration names it in the system property
   * {@code war.file}; asserts that it is there.
   */
  protected static Path packagedWar() {
    Path war = Path.of(System.getProperty("war.file")).toAbsolutePath();
    assertTrue(Files.isRegularFile(war), "the packaged WAR " + war);
    return war;
  }

  @Test
  public void contextTrackerParameter_sealsReadsChangesAndClearsTheCookie_andReadsBadOnesAsEmpty() {
    cycle().assertWholeCycle();
  }

  @Test
  public void contextTrackerField_readsTheCookie() {
    cycle().assertFieldInjection();
  }

  @Test
  public void trackerRevoke_makesACopyOfTheCookieReadAsEmpty() {
    cycle().assertRevokeEndsEveryCopy();
  }

  /**
   * The resources through which this runtime's application reaches {@code revokeAllFor}: {@link
   * RevocationResource} ({@code Revocations.from(@Context Configuration)}) by default; where the
   * glue injects {@code @Context Revocations}, add {@link #CONTEXT_REVOCATIONS} (and deploy {@link
   * EmbeddedApplication#contextRevocationsResources()}).
   */
  protected List<String> revokeAllForResources() {
    return List.of(CONFIGURATION_REVOCATIONS);
  }

  /** {@link RevocationResource}'s log-out-everywhere. */
  protected static final String CONFIGURATION_REVOCATIONS = "revocation/everywhere";

  /** {@link RevocationsParameterResource} and {@link RevocationsFieldResource}. */
  protected static final List<String> CONTEXT_REVOCATIONS =
      List.of("revocations/parameter", "revocations/field");

  /**
   * {@link CdiRevocationsResource}: {@code @Inject Revocations}, where CDI runs the application.
   */
  protected static final String CDI_REVOCATIONS = "revocations/cdi";

  /**
   * Both ways: for Jersey, whose Configuration carries the feature's property and which injects.
   */
  protected static final List<String> CONFIGURATION_AND_CONTEXT_REVOCATIONS =
      List.of(CONFIGURATION_REVOCATIONS, "revocations/parameter", "revocations/field");

  /** Every way: Jersey's two with CDI's {@link #CDI_REVOCATIONS}. */
  protected static final List<String> EVERY_REVOCATIONS =
      List.of(
          CONFIGURATION_REVOCATIONS, "revocations/parameter", "revocations/field", CDI_REVOCATIONS);

  @Test
  public void revokeAllFor_emptiesTheSubjectsEarlierCookiesOnly_throughEveryWayTheRuntimeOffers() {
    for (String resource : revokeAllForResources()) {
      cycle().assertRevokeAllForEndsTheSubjectsCookies(resource);
    }
  }
}

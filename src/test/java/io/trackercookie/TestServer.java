package io.trackercookie;

import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.function.Supplier;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;

/**
 * One application on the Jersey test framework's Grizzly container, on a free port (other builds
 * run at the same time on this machine).
 */
public final class TestServer implements AutoCloseable {

  private final JerseyTest test;

  public TestServer(Supplier<Application> application) {
    this.test =
        new JerseyTest() {
          @Override
          protected Application configure() {
            forceSet(TestProperties.CONTAINER_PORT, "0");
            return application.get();
          }
        };
    try {
      test.setUp();
    } catch (Exception e) {
      throw new IllegalStateException("The test server did not start", e);
    }
  }

  public URI base() {
    return test.target().getUri();
  }

  public RawHttp.Response get(String path, String... headerLines) {
    return RawHttp.get(base(), path, headerLines);
  }

  @Override
  public void close() {
    try {
      test.tearDown();
    } catch (Exception e) {
      throw new IllegalStateException("The test server did not stop", e);
    }
  }
}

package io.trackercookie.jersey;

import io.trackercookie.Revocations;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Closes the revocation store (the Redis connection and its threads) when the Jersey application
 * stops. Registered by {@code TrackerFeature} only with revocation on and Jersey present.
 */
public final class RevocationsLifecycle implements ContainerLifecycleListener {

  @Override
  public void onStartup(Container container) {}

  @Override
  public void onReload(Container container) {
    // The container may already describe the reloaded application, whose store is new: leave
    // it; the old store's threads are daemons.
  }

  @Override
  public void onShutdown(Container container) {
    close(container);
  }

  private static void close(Container container) {
    if (container.getConfiguration().getProperty(Revocations.PROPERTY)
        instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Stopping anyway: a store that fails to close must not stop the others.
        java.util.logging.Logger.getLogger("io.trackercookie")
            .warning("The revocation store failed to close: " + e.getClass().getName());
      }
    }
  }
}

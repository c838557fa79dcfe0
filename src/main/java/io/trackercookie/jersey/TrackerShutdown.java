package io.trackercookie.jersey;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Closes what the tracker started (the password files' polling thread) when the Jersey application
 * shuts down. Registered by the feature only when Jersey is present; elsewhere the thread, a daemon
 * holding the application weakly, ends once the application is gone.
 */
public final class TrackerShutdown implements ContainerLifecycleListener {

  private final AutoCloseable resource;

  /** Closes {@code resource} on shutdown. */
  public TrackerShutdown(AutoCloseable resource) {
    this.resource = resource;
  }

  @Override
  public void onStartup(Container container) {
    // Started with the feature.
  }

  @Override
  public void onReload(Container container) {
    // A reloaded application configures its own feature, and its own watcher.
  }

  @Override
  public void onShutdown(Container container) {
    try {
      resource.close();
    } catch (Exception e) {
      Logger.getLogger("io.trackercookie")
          .log(Level.WARNING, "Tracker: closing " + resource + " failed", e);
    }
  }
}

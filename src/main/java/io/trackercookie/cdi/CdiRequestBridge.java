package io.trackercookie.cdi;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Hands each request's {@link Tracker} to CDI: copies the request property that the tracker's
 * request filter set into the request-scoped {@link TrackerRequestHolder}, where {@link
 * TrackerProducer} reads it for {@code @Inject}. Registered by {@code TrackerFeature} (by name)
 * when a CDI container runs the application.
 */
@PreMatching
// Right after the tracker's own request filter (AUTHENTICATION - 100), before anything that could
// want the injected Tracker.
@Priority(Priorities.AUTHENTICATION - 99)
public final class CdiRequestBridge implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final TrackerRequestHolder holder; // a client proxy: the current request's instance
  private final @Nullable Revocations revocations;

  private CdiRequestBridge(TrackerRequestHolder holder, @Nullable Revocations revocations) {
    this.holder = holder;
    this.revocations = revocations;
  }

  /**
   * The bridge for this application, or null where it cannot work: no CDI container runs (nothing
   * to inject into), logged at FINE; or one runs without the holder bean, logged as a WARNING that
   * names it, since {@code @Inject Tracker} will then fail.
   */
  public static @Nullable ContainerRequestFilter forApplication(@Nullable Revocations revocations) {
    CDI<Object> cdi;
    try {
      cdi = CDI.current();
    } catch (IllegalStateException | LinkageError e) {
      LOG.log(Level.FINE, "No CDI container runs this application: @Inject Tracker is not set up");
      return null;
    }
    Instance<TrackerRequestHolder> holders = cdi.select(TrackerRequestHolder.class);
    if (!holders.isResolvable()) {
      LOG.warning(
          "CDI runs this application but "
              + TrackerRequestHolder.class.getName()
              + " is not one of its beans, so @Inject Tracker and @Inject Revocations will fail:"
              + " the runtime neither ran "
              + TrackerCdiExtension.class.getName()
              + " nor discovered the beans of the tracker-cookie jar (its META-INF/beans.xml)");
      return null;
    }
    return new CdiRequestBridge(holders.get(), revocations);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(Tracker.PROPERTY) instanceof Tracker tracker) {
      try {
        holder.fill(tracker, revocations);
      } catch (ContextNotActiveException e) {
        // A runtime serving this request without a CDI request scope: @Context still works.
        LOG.log(Level.FINE, "No CDI request scope for this request: @Inject Tracker is unset");
      }
    }
  }
}

package io.trackercookie.internal.jaxrs;

import io.trackercookie.SignInOptions;
import io.trackercookie.internal.engine.RequestTracker;
import io.trackercookie.internal.engine.TrackerEngine;
import io.trackercookie.internal.engine.ValueConverter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The signed-in caller of a request read before JAX-RS runs, for a container's own authentication
 * (the Jakarta Security mechanism in {@code io.trackercookie.security}): the subject and roles that
 * {@link SignedInSecurityContextFilter} would put in the request's SecurityContext, from the same
 * engine and the same role rules.
 *
 * <p>{@link FeatureRegistration} publishes each engine with sign-in on under the thread's context
 * class loader, which on a Jakarta EE server is the application's: an application finds its own
 * engine, never another deployment's. Until {@code TrackerFeature.configure} has run there is none.
 */
public final class ContainerCallers {

  /** A signed-in caller: the subject and the roles it holds on this request. */
  public record Caller(String subject, Set<String> roles) {
    public Caller {
      roles = Set.copyOf(roles);
    }
  }

  // Weak keys: an undeployed application's loader and engine can go.
  private static final Map<ClassLoader, ContainerCallers> PUBLISHED = new WeakHashMap<>();

  private final TrackerEngine engine;
  private final SignInOptions signIn;

  private ContainerCallers(TrackerEngine engine, SignInOptions signIn) {
    this.engine = engine;
    this.signIn = signIn;
  }

  /** Publishes {@code engine} for the current application; the latest configure wins. */
  static void publish(TrackerEngine engine, SignInOptions signIn) {
    synchronized (PUBLISHED) {
      PUBLISHED.put(applicationLoader(), new ContainerCallers(engine, signIn));
    }
  }

  /**
   * The current application's callers, empty until its {@code TrackerFeature} has been configured
   * with sign-in on.
   */
  public static Optional<ContainerCallers> published() {
    synchronized (PUBLISHED) {
      return Optional.ofNullable(PUBLISHED.get(applicationLoader()));
    }
  }

  /**
   * The caller signed in by the tracker cookie among {@code cookieHeaderLines}; empty when there is
   * none, it cannot be opened, or it is not signed in. Opens the seal as the request filter does.
   */
  public Optional<Caller> callerOf(List<String> cookieHeaderLines) {
    RequestTracker tracker = engine.newTracker(cookieHeaderLines, ValueConverter.DEFAULT);
    Optional<String> subject = tracker.subject(); // empty unless signed in
    if (subject.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> rolesKey = signIn.rolesKey();
    Set<String> roles =
        rolesKey.isPresent()
            ? SignedInSecurityContextFilter.rolesIn(tracker.get(rolesKey.get()))
            : SignedInSecurityContext.resolve(signIn.roleResolver(), subject.get());
    return Optional.of(new Caller(subject.get(), roles));
  }

  private static ClassLoader applicationLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ContainerCallers.class.getClassLoader();
  }
}

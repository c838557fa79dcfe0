package io.trackercookie.security;

import io.trackercookie.internal.jaxrs.ContainerCallers;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Makes a request signed in by the tracker cookie known to a Jakarta EE container, so that Jakarta
 * Security's {@code SecurityContext} ({@code getCallerPrincipal}, {@code isCallerInRole}), the
 * servlet request's {@code getUserPrincipal} and {@code @RolesAllowed} on EJBs see the subject and
 * its roles. The roles are those the JAX-RS {@code SecurityContext} sees: the {@code
 * RoleResolver}'s answer, asked once per signed-in request here, or the roles kept in the seal. A
 * request that is not signed in is left alone ({@code doNothing}): the container treats it as
 * anonymous.
 *
 * <p>Opt-in, so the library never takes over an application's own authentication: activate it with
 * one class in the application,
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SignedInCallers extends TrackerAuthenticationMechanism {}
 * }</pre>
 *
 * <p>It reads the cookie with the engine of the application's {@code TrackerFeature} (sign-in on),
 * which exists only once JAX-RS has started; until then every request is left alone and one FINE
 * line is logged. Payara and WildFly start JAX-RS with the application.
 */
public class TrackerAuthenticationMechanism implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");
  private static final AtomicBoolean NOT_READY_LOGGED = new AtomicBoolean();

  /** For CDI; the application's subclass is the bean. */
  public TrackerAuthenticationMechanism() {}

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<ContainerCallers> callers = ContainerCallers.published();
    if (callers.isEmpty()) {
      if (NOT_READY_LOGGED.compareAndSet(false, true)) {
        LOG.fine(
            "Tracker cookie: no TrackerFeature with sign-in on has been configured yet; requests"
                + " are left anonymous until it is");
      }
      return context.doNothing();
    }
    List<String> lines = Collections.list(request.getHeaders("Cookie"));
    return callers
        .get()
        .callerOf(lines)
        .map(caller -> context.notifyContainerAboutLogin(caller.subject(), caller.roles()))
        .orElseGet(context::doNothing);
  }
}

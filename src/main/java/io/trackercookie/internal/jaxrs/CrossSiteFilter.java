package io.trackercookie.internal.jaxrs;

import io.trackercookie.CrossSiteAllowed;
import io.trackercookie.CrossSiteProtection;
import io.trackercookie.CrossSiteRefusal;
import io.trackercookie.Tracker;
import io.trackercookie.internal.engine.RequestTracker;
import io.trackercookie.internal.engine.TrackerEngine;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Method;

/**
 * The {@link CrossSiteProtection}: refuses an unsafe request from another site or origin ({@link
 * CrossSiteCheck}) and, when the token is required, one without this session's CSRF token, with a
 * 403 and a short plain-text body, told to the listeners. Registered only when the protection is
 * on.
 *
 * <p>Post-matching, because {@link CrossSiteAllowed} is read from the matched resource method and
 * class; a request that matches no resource is refused by the runtime anyway. Every unsafe request
 * of the application is checked, whether it uses the tracker or not: a sign-in form is where a
 * forged request (login CSRF) does its harm.
 */
// Before the application's authentication filters (1000): a forged request is refused before any
// of them acts on it. Pre-matching filters, the tracker's own included, run earlier whatever their
// priority.
@Priority(Priorities.AUTHENTICATION - 50)
public final class CrossSiteFilter implements ContainerRequestFilter {

  static final String FETCH_SITE = "Sec-Fetch-Site";
  static final String ORIGIN = "Origin";

  private final TrackerEngine engine;
  private final CrossSiteProtection protection;

  @Context private ResourceInfo resource;

  CrossSiteFilter(TrackerEngine engine) {
    this.engine = engine;
    this.protection = engine.config().crossSite();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (CrossSiteCheck.isSafe(request.getMethod())) {
      return;
    }
    String host = request.getHeaderString(HttpHeaders.HOST);
    if (host == null) {
      host = request.getUriInfo().getRequestUri().getRawAuthority();
    }
    CrossSiteRefusal refusal =
        CrossSiteCheck.refusal(
            request.getMethod(),
            request.getHeaderString(FETCH_SITE),
            request.getHeaderString(ORIGIN),
            request.getUriInfo().getRequestUri().getScheme(),
            host,
            protection);
    if ((refusal == null && !protection.requireToken()) || crossSiteAllowed()) {
      return;
    }
    if (refusal == null) {
      refusal = tokenRefusal(request);
      if (refusal == null) {
        return;
      }
    }
    engine.requestRefused(refusal);
    request.abortWith(forbidden(refusal));
  }

  /** Whether the matched resource method or its class opted out. */
  private boolean crossSiteAllowed() {
    Method method = resource == null ? null : resource.getResourceMethod();
    Class<?> type = resource == null ? null : resource.getResourceClass();
    return (method != null && method.isAnnotationPresent(CrossSiteAllowed.class))
        || (type != null && type.isAnnotationPresent(CrossSiteAllowed.class));
  }

  /** Null when the request carries this session's token; else why not. */
  private CrossSiteRefusal tokenRefusal(ContainerRequestContext request) {
    String token = request.getHeaderString(CrossSiteProtection.TOKEN_HEADER);
    if (token == null && isForm(request)) {
      try {
        token = formToken(request);
      } catch (IOException e) {
        // The body broke off: no token came, and the resource could not have read it either.
        token = null;
      }
    }
    if (token == null) {
      return CrossSiteRefusal.TOKEN_MISSING;
    }
    return request.getProperty(Tracker.PROPERTY) instanceof RequestTracker tracker
            && tracker.csrfTokenMatches(token.trim())
        ? null
        : CrossSiteRefusal.TOKEN_INVALID;
  }

  private static boolean isForm(ContainerRequestContext request) {
    MediaType type;
    try {
      type = request.getMediaType();
    } catch (RuntimeException unreadable) {
      // A Content-Type the runtime cannot parse is no form: the token was not sent in one.
      return false;
    }
    return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
  }

  /**
   * The token field of a form body, reading at most {@link FormToken#SCAN_BYTES} of it and handing
   * those back in front of the rest, so the resource reads the whole body as it came.
   */
  private static String formToken(ContainerRequestContext request) throws IOException {
    InputStream body = request.getEntityStream();
    byte[] start = body.readNBytes(FormToken.SCAN_BYTES);
    boolean complete = start.length < FormToken.SCAN_BYTES;
    request.setEntityStream(
        complete
            ? new ByteArrayInputStream(start)
            : new SequenceInputStream(new ByteArrayInputStream(start), body));
    return FormToken.find(start, start.length, complete, CrossSiteProtection.TOKEN_FORM_FIELD);
  }

  private static Response forbidden(CrossSiteRefusal refusal) {
    String body =
        switch (refusal) {
          case CROSS_SITE, CROSS_ORIGIN -> CrossSiteProtection.CROSS_SITE_BODY;
          case TOKEN_MISSING -> CrossSiteProtection.TOKEN_MISSING_BODY;
          case TOKEN_INVALID -> CrossSiteProtection.TOKEN_INVALID_BODY;
        };
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }
}

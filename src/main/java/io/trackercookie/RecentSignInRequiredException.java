package io.trackercookie;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * The request needs a recent sign-in ({@link RecentSignIn}, {@link Tracker#requireSignInWithin})
 * and its tracker has none: signed in too long ago, or not signed in. Its response, which a JAX-RS
 * runtime sends as it is, is a 403 with an RFC 9457 problem body a client can act on (show the
 * sign-in form again, then retry):
 *
 * <pre>{@code
 * HTTP/1.1 403 Forbidden
 * Content-Type: application/problem+json
 * Cache-Control: no-store
 *
 * {"type":"urn:io.trackercookie:recent-sign-in-required","title":"Recent sign-in required",
 *  "status":403,"detail":"Sign in again: this action needs a sign-in within the last 300 seconds.",
 *  "signInWithinSeconds":300,"signedIn":true}
 * }</pre>
 *
 * <p>403 rather than 401: a 401 must carry a {@code WWW-Authenticate} challenge, and there is no
 * HTTP authentication scheme for a sign-in form. {@code signedIn} says whether the visitor is
 * signed in at all (false: sign in; true: confirm the sign-in).
 */
public final class RecentSignInRequiredException extends ForbiddenException {

  private static final long serialVersionUID = 1L;

  /** The problem type: what the client tells this refusal by. */
  public static final String PROBLEM_TYPE = "urn:io.trackercookie:recent-sign-in-required";

  /** RFC 9457's media type of the body. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private final long signInWithinSeconds;
  private final boolean signedIn;

  /**
   * @param within how recent the sign-in had to be
   * @param signedIn whether the tracker is signed in at all
   */
  public RecentSignInRequiredException(Duration within, boolean signedIn) {
    super("Recent sign-in required", response(within.toSeconds(), signedIn));
    this.signInWithinSeconds = within.toSeconds();
    this.signedIn = signedIn;
  }

  /** How recent the sign-in had to be, in seconds. */
  public long signInWithinSeconds() {
    return signInWithinSeconds;
  }

  /** Whether the tracker was signed in at all. */
  public boolean signedIn() {
    return signedIn;
  }

  private static Response response(long seconds, boolean signedIn) {
    String body =
        "{\"type\":\""
            + PROBLEM_TYPE
            + "\",\"title\":\"Recent sign-in required\",\"status\":403,"
            + "\"detail\":\"Sign in again: this action needs a sign-in within the last "
            + seconds
            + " seconds.\",\"signInWithinSeconds\":"
            + seconds
            + ",\"signedIn\":"
            + signedIn
            + "}";
    return Response.status(Response.Status.FORBIDDEN)
        .type(PROBLEM_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(body)
        .build();
  }
}

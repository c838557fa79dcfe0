package io.trackercookie.it;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Logging out as every runtime can write it: {@code Tracker.revoke()} for this cookie, and {@code
 * Revocations.from(configuration)} with {@code @Context Configuration} for every cookie of a
 * subject, which needs no glue for {@code Revocations}.
 */
@Path("revocation")
@Produces(MediaType.TEXT_PLAIN)
public class RevocationResource {

  /** Revokes the request's cookie; answers the tracker after the call (503 if not recorded). */
  @POST
  @Path("logout")
  public Response logout(@Context Tracker tracker) {
    boolean recorded = tracker.revoke();
    return Response.status(recorded ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(TrackerResource.render(tracker))
        .build();
  }

  /** Revokes every cookie sealed so far for the subject given as the body. */
  @POST
  @Path("everywhere")
  @Consumes(MediaType.TEXT_PLAIN)
  public Response everywhere(@Context Configuration configuration, String subject) {
    return revokeAllFor(Revocations.from(configuration), subject);
  }

  /**
   * {@code revokeAllFor(subject)}; a subject that no tracker can hold is the client's mistake: 400,
   * never a 500.
   */
  static Response revokeAllFor(Revocations revocations, String subject) {
    try {
      revocations.revokeAllFor(subject);
    } catch (IllegalArgumentException badSubject) {
      return Response.status(Response.Status.BAD_REQUEST).entity("bad subject").build();
    }
    return Response.ok("revoked").build();
  }
}

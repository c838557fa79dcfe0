package io.trackercookie.it;

import io.trackercookie.Revocations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code @Context Revocations} as a method parameter: only where the glue injects it (Jersey 3 and
 * 4); elsewhere {@link RevocationResource}'s way.
 */
@Path("revocations/parameter")
@Produces(MediaType.TEXT_PLAIN)
public class RevocationsParameterResource {

  /** Revokes every cookie sealed so far for the subject given as the body. */
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  public Response everywhere(@Context Revocations revocations, String subject) {
    return RevocationResource.revokeAllFor(revocations, subject);
  }
}

package io.trackercookie.it;

import io.trackercookie.Revocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code @Inject Revocations} in an application-scoped bean: where CDI runs the application, the
 * library's producer supplies it.
 */
@ApplicationScoped
@Path("revocations/cdi")
@Produces(MediaType.TEXT_PLAIN)
public class CdiRevocationsResource {

  @Inject Revocations revocations;

  /** Revokes every cookie sealed so far for the subject given as the body. */
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  public Response everywhere(String subject) {
    return RevocationResource.revokeAllFor(revocations, subject);
  }
}

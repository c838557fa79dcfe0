package io.trackercookie;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The tracked data as typed {@code @CookieParam} parameters. Separate from {@link
 * TrackerTestResource}: a parameter of a type no converter handles fails Jersey's model validation,
 * so this is registered only with the default cookie name.
 */
@Path("/param")
@Produces(MediaType.APPLICATION_JSON)
public class TrackerParamResource {
  @GET
  @Path("visit")
  public String visitParam(@CookieParam("persistent-information") TrackerTestResource.Visit visit) {
    return TrackerTestResource.json(visit);
  }

  @GET
  @Path("map")
  public String visitParamMap(@CookieParam("persistent-information") Map<String, Object> content) {
    return TrackerTestResource.json(content);
  }
}

package io.trackercookie.it;

import io.trackercookie.CookieSettings;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The tracked data as a typed, read-only {@code @CookieParam}: the library's converter turns the
 * cookie into a {@link Visit}, or null when it is missing or unreadable.
 */
@Path("typed")
@Produces(MediaType.TEXT_PLAIN)
public class TypedCookieParamResource {

  /** What the application keeps in the tracker, as a type of its own. */
  public static final class Visit {
    /** Bound by Jackson from the tracker's "color" key. */
    public String color;
  }

  @GET
  public String read(@CookieParam(CookieSettings.DEFAULT_NAME) Visit visit) {
    return visit == null ? "no visit" : "color " + visit.color;
  }
}

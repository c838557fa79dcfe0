package io.trackercookie.it;

import io.trackercookie.CookieSettings;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The tracked data as a typed, read-only {@code @CookieParam}: the tracker's converter turns the
 * cookie into a {@link Color}, null when the cookie is absent or unreadable.
 */
@Path("typed")
@Produces(MediaType.TEXT_PLAIN)
public class TypedCookieParamResource {

  /** The one key the check writes; other keys are ignored. */
  public static class Color {
    public String color;
  }

  @GET
  public String read(@CookieParam(CookieSettings.DEFAULT_NAME) Color value) {
    return value == null ? "none" : "color=" + value.color;
  }
}

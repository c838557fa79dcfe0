package io.trackercookie.it.browser;

import io.trackercookie.CookieSettings;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What arrived at the victim, before any other filter: each unsafe request's path, its Fetch
 * Metadata and Origin, and whether the browser sent the tracker cookie with it. It proves that the
 * forged requests did reach the server, so their refusal is the protection's doing.
 */
@PreMatching
@Priority(1)
public final class RequestLog implements ContainerRequestFilter {

  /** One unsafe request as it arrived. */
  record Arrival(String path, String fetchSite, String origin, boolean trackerCookie) {}

  static final List<Arrival> ARRIVALS = new CopyOnWriteArrayList<>();

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getMethod().equals("GET")) {
      return;
    }
    String cookies = request.getHeaderString("Cookie");
    ARRIVALS.add(
        new Arrival(
            "/" + request.getUriInfo().getPath(),
            request.getHeaderString("Sec-Fetch-Site"),
            request.getHeaderString("Origin"),
            cookies != null && cookies.contains(CookieSettings.DEFAULT_NAME + "=")));
  }
}

package io.trackercookie.it.browser;

import io.trackercookie.Tracker;
import io.trackercookie.TrackerTooLargeException;
import io.trackercookie.it.TrackerResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.atomic.AtomicLong;

/** HTML pages with forms that change the tracker and redirect back (post/redirect/get). */
@Path("page")
public class TrackerPageResource {

  /** Sealed, this needs two cookies, and the request's Cookie header stays under 8 KB. */
  static final int BIG_LENGTH = 4000;

  /** Numbers every page served, so a test can tell a new page from the one it clicked on. */
  private static final AtomicLong RENDERED = new AtomicLong();

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(@Context Tracker tracker) {
    // The content is rendered from test input only; no escaping needed for these values. The
    // large value is shown by its length only.
    return "<!doctype html><html><head><title>tracker</title></head><body>"
        + "<pre id=\"render\">"
        + RENDERED.incrementAndGet()
        + "</pre>"
        + "<pre id=\"tracker\">"
        + render(tracker)
        + "</pre>"
        + "<pre id=\"big\">"
        + (tracker.containsKey("big") ? tracker.get("big", String.class).length() : 0)
        + "</pre>"
        + "<form id=\"large\" method=\"post\" action=\"page/big\">"
        + "<button id=\"store-big\" type=\"submit\">store a large value</button></form>"
        + "<form id=\"largest\" method=\"post\" action=\"page/largest\">"
        + "<button id=\"store-largest\" type=\"submit\">store the largest value</button></form>"
        + "<form id=\"set\" method=\"post\" action=\"page/color\">"
        + "<input id=\"color\" name=\"color\"><button id=\"save\" type=\"submit\">save</button></form>"
        + "<form id=\"clear\" method=\"post\" action=\"page/clear\">"
        + "<button id=\"forget\" type=\"submit\">forget</button></form>"
        + "<a id=\"again\" href=\"page?again\">again</a>"
        + "</body></html>";
  }

  @POST
  @Path("color")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response color(
      @Context Tracker tracker, @Context UriInfo uri, @FormParam("color") String color) {
    tracker.put("color", color);
    return Response.seeOther(uri.getBaseUriBuilder().path("page").build()).build();
  }

  /** A value too large for one cookie: the tracker is chunked across several. */
  @POST
  @Path("big")
  public Response big(@Context Tracker tracker, @Context UriInfo uri) {
    tracker.put("big", "0123456789".repeat(BIG_LENGTH / 10));
    return Response.seeOther(uri.getBaseUriBuilder().path("page").build()).build();
  }

  /** The largest value the tracker takes: as large as the Cookie-header budget allows. */
  @POST
  @Path("largest")
  public Response largest(@Context Tracker tracker, @Context UriInfo uri) {
    int fits = 0;
    int refused = 100_000;
    while (refused - fits > 1) {
      int length = (fits + refused) / 2;
      try {
        tracker.put("big", "0123456789".repeat(length / 10 + 1).substring(0, length));
        fits = length;
      } catch (TrackerTooLargeException tooLarge) {
        refused = length;
      }
    }
    tracker.put("big", "0123456789".repeat(fits / 10 + 1).substring(0, fits));
    return Response.seeOther(uri.getBaseUriBuilder().path("page").build()).build();
  }

  @POST
  @Path("clear")
  public Response clear(@Context Tracker tracker, @Context UriInfo uri) {
    tracker.clear();
    return Response.seeOther(uri.getBaseUriBuilder().path("page").build()).build();
  }

  private static String render(Tracker tracker) {
    return tracker.containsKey("big") ? "{big=...}" : TrackerResource.render(tracker);
  }
}

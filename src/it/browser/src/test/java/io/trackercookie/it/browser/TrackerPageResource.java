package io.trackercookie.it.browser;

import io.trackercookie.Tracker;
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

/** HTML pages with forms that change the tracker and redirect back (post/redirect/get). */
@Path("page")
public class TrackerPageResource {

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String page(@Context Tracker tracker) {
    // The content is rendered from test input only; no escaping needed for these values.
    return "<!doctype html><html><head><title>tracker</title></head><body>"
        + "<pre id=\"tracker\">" + TrackerResource.render(tracker) + "</pre>"
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
  public Response color(@Context Tracker tracker, @Context UriInfo uri, @FormParam("color") String color) {
    tracker.put("color", color);
    return Response.seeOther(uri.getBaseUriBuilder().path("page").build()).build();
  }

  @POST
  @Path("clear")
  public Response clear(@Context Tracker tracker, @Context UriInfo uri) {
    tracker.clear();
    return Response.seeOther(uri.getBaseUriBuilder().path("page").build()).build();
  }
}

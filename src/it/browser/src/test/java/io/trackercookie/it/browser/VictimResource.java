package io.trackercookie.it.browser;

import io.trackercookie.Tracker;
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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The site under attack (B): a page with a sign-in form and a transfer form, both posting to this
 * site. A transfer that reaches the resource is counted and written into the tracker.
 */
@Path("victim")
public class VictimResource {

  /** Transfers that reached the resource. */
  static final AtomicInteger TRANSFERS = new AtomicInteger();

  /** Numbers every page served, so a test can tell a new page from the one it clicked on. */
  private static final AtomicLong RENDERED = new AtomicLong();

  @GET
  @Path("page")
  @Produces(MediaType.TEXT_HTML)
  public String page(@Context Tracker tracker) {
    // Test input only: nothing here needs escaping.
    return "<!doctype html><html><head><title>victim</title></head><body>"
        + "<pre id=\"render\">"
        + RENDERED.incrementAndGet()
        + "</pre>"
        + "<pre id=\"tracker\">"
        + new TreeMap<>(tracker.asMap())
        + "</pre>"
        + "<form method=\"post\" action=\"sign-in\">"
        + "<button id=\"sign-in\" type=\"submit\">sign in</button></form>"
        + "<form method=\"post\" action=\"transfer\">"
        + "<input name=\"amount\" value=\"100\">"
        + "<button id=\"transfer\" type=\"submit\">transfer</button></form>"
        + "</body></html>";
  }

  @POST
  @Path("sign-in")
  public Response signIn(@Context Tracker tracker, @Context UriInfo uri) {
    tracker.put("user", "alice");
    return backToThePage(uri);
  }

  @POST
  @Path("transfer")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response transfer(
      @Context Tracker tracker, @Context UriInfo uri, @FormParam("amount") String amount) {
    TRANSFERS.incrementAndGet();
    tracker.put("transferred", amount);
    return backToThePage(uri);
  }

  private static Response backToThePage(UriInfo uri) {
    return Response.seeOther(uri.getBaseUriBuilder().path("victim").path("page").build()).build();
  }
}

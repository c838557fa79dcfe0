package io.trackercookie.crosssite;

import io.trackercookie.CrossSiteAllowed;
import io.trackercookie.Tracker;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unsafe endpoints that change the tracker and count that they were reached, for the cross-site
 * tests: a refused request must reach none of them.
 */
@Path("/xs")
public class CrossSiteResource {

  /** Requests that reached a resource method. */
  public static final AtomicInteger REACHED = new AtomicInteger();

  private static String write(Tracker tracker, String how) {
    REACHED.incrementAndGet();
    tracker.put("written", how);
    return how;
  }

  @POST
  @Path("write")
  public String post(@Context Tracker tracker) {
    return write(tracker, "POST");
  }

  @PUT
  @Path("write")
  public String put(@Context Tracker tracker) {
    return write(tracker, "PUT");
  }

  @DELETE
  @Path("write")
  public String delete(@Context Tracker tracker) {
    return write(tracker, "DELETE");
  }

  @PATCH
  @Path("write")
  public String patch(@Context Tracker tracker) {
    return write(tracker, "PATCH");
  }

  /** A state-changing GET: what no filter can save (SECURITY.md). */
  @GET
  @Path("write")
  public String get(@Context Tracker tracker) {
    return write(tracker, "GET");
  }

  /** A form whose fields the resource still reads after the filter looked for the token. */
  @POST
  @Path("form")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String form(
      @Context Tracker tracker, @FormParam("name") String name, @FormParam("after") String after) {
    write(tracker, "form");
    return name + "," + after;
  }

  /** A callback other sites post to on purpose. */
  @POST
  @Path("callback")
  @CrossSiteAllowed
  public String callback(@Context Tracker tracker) {
    return write(tracker, "callback");
  }

  @GET
  @Path("token")
  public String token(@Context Tracker tracker) {
    return tracker.csrfToken();
  }

  @POST
  @Path("renew")
  public String renew(@Context Tracker tracker) {
    REACHED.incrementAndGet();
    return tracker.renewCsrfToken();
  }

  @POST
  @Path("sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String signIn(@Context Tracker tracker, @FormParam("user") String user) {
    REACHED.incrementAndGet();
    tracker.put("userId", user);
    return tracker.csrfToken();
  }

  /** Every method of this class is open to other sites. */
  @Path("/open")
  @CrossSiteAllowed
  public static class Open {
    @POST
    public String post(@Context Tracker tracker) {
      return write(tracker, "open");
    }
  }
}

package io.trackercookie.it.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The other site (A): a page that submits a form to the victim as soon as it loads, and one that
 * posts to it with {@code fetch} and the visitor's credentials. Neither can read the answer (no
 * CORS); a forgery needs only the side effect.
 */
@Path("attack")
public class AttackerResource {

  /** The victim's origin, {@code http://localhost:<port>}; set before the first page is served. */
  static volatile String victim;

  @GET
  @Path("form")
  @Produces(MediaType.TEXT_HTML)
  public String form() {
    return "<!doctype html><html><body>"
        + "<form id=\"forged\" method=\"post\" action=\""
        + victim
        + "/victim/transfer\">"
        + "<input type=\"hidden\" name=\"amount\" value=\"1000000\"></form>"
        + "<script>document.getElementById('forged').submit();</script>"
        + "</body></html>";
  }

  @GET
  @Path("fetch")
  @Produces(MediaType.TEXT_HTML)
  public String fetch() {
    return "<!doctype html><html><body><pre id=\"outcome\"></pre><script>"
        + "fetch('"
        + victim
        + "/victim/transfer', {method: 'POST', credentials: 'include',"
        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
        + " body: 'amount=1000000'})"
        + ".then(r => 'answered ' + r.status, e => 'no readable answer: ' + e.name)"
        + ".then(t => { document.getElementById('outcome').textContent = t; });"
        + "</script></body></html>";
  }
}

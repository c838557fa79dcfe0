package io.trackercookie.load;

import io.trackercookie.RawHttp;
import java.net.URI;

/**
 * A browser in miniature: one visitor's cookie jar for the tracker cookie, and the count it
 * expects next. Not thread-safe: a visitor's requests are sequential, as a browser tab's are.
 */
final class Visitor {

  static final String COOKIE = "persistent-information";

  final String id;
  private String cookie; // null until the first Set-Cookie
  private int count;

  Visitor(String id) {
    this.id = id;
  }

  String cookie() {
    return cookie;
  }

  int count() {
    return count;
  }

  /**
   * One request to a node. Returns null if all went as expected, else what went wrong; the
   * visitor keeps its cookie and count either way.
   */
  String visit(URI node) {
    RawHttp.Response response =
        cookie == null
            ? RawHttp.get(node, "/counter/" + id)
            : RawHttp.get(node, "/counter/" + id, "Cookie: " + COOKIE + "=" + cookie);
    if (response.status() != 200) {
      return id + ": status " + response.status();
    }
    String expected = id + " " + (count + 1);
    if (!response.body().equals(expected)) {
      return id + ": expected '" + expected + "' but got '" + response.body() + "'";
    }
    String sealed = response.cookieValue(COOKIE);
    if (sealed == null || sealed.isEmpty()) {
      return id + ": no new cookie after count " + (count + 1);
    }
    cookie = sealed;
    count++;
    return null;
  }
}

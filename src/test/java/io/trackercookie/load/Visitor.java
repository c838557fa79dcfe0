package io.trackercookie.load;

import io.trackercookie.RawHttp;
import java.net.URI;

/**
 * A browser in miniature: one visitor's cookie jar for the tracker cookie, and the count it expects
 * next. Not thread-safe: a visitor's requests are sequential, as a browser tab's are.
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
   * One request to a node. Returns null if all went as expected, else what went wrong; the visitor
   * keeps its cookie and count either way.
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

  /**
   * A request that only reads the count. The tracker is unchanged, so a Set-Cookie comes only if
   * the server reseals the cookie (a rotated-out password); the visitor keeps whatever it gets.
   */
  String peek(URI node) {
    RawHttp.Response response =
        RawHttp.get(node, "/counter/" + id + "/peek", "Cookie: " + COOKIE + "=" + cookie);
    if (response.status() != 200) {
      return id + ": status " + response.status();
    }
    String expected = id + " " + count;
    if (!response.body().equals(expected)) {
      return id + ": peek expected '" + expected + "' but got '" + response.body() + "'";
    }
    String sealed = response.cookieValue(COOKIE);
    if (sealed != null) {
      if (sealed.isEmpty()) {
        return id + ": the cookie was deleted by a read";
      }
      cookie = sealed;
    }
    return null;
  }
}

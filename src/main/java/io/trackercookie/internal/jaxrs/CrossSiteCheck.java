package io.trackercookie.internal.jaxrs;

import io.trackercookie.CrossSiteProtection;
import io.trackercookie.CrossSiteRefusal;
import java.util.Locale;

/**
 * Whether a request comes from another site or origin, from its headers alone (the rules of Go's
 * {@code http.CrossOriginProtection}, with the scheme and port compared too):
 *
 * <ol>
 *   <li>GET, HEAD and OPTIONS pass: they must change nothing, and no check can save one that does.
 *   <li>{@code Sec-Fetch-Site}, which browsers set and pages cannot: {@code same-origin} and {@code
 *       none} pass; anything else ({@code cross-site}, {@code same-site}) is refused unless {@code
 *       Origin} is trusted.
 *   <li>Without it, {@code Origin}: absent passes (no browser sent it, or a very old one);
 *       otherwise it must name the request's own scheme, host and port (the runtime's scheme and
 *       the {@code Host} header, default ports filled in) or be trusted. {@code null} (a sandboxed
 *       frame, a redirect across origins, a {@code file:} page) never matches.
 * </ol>
 *
 * Pure: no JAX-RS, so every rule is a plain unit test.
 */
final class CrossSiteCheck {

  private CrossSiteCheck() {}

  /** Whether the method is one this check lets through unconditionally. */
  static boolean isSafe(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  /**
   * Why this request is refused, or null when it passes.
   *
   * @param fetchSite the {@code Sec-Fetch-Site} header, or null
   * @param origin the {@code Origin} header, or null
   * @param scheme the scheme the request came over, as the runtime saw it
   * @param host the {@code Host} header (or the request URI's authority), or null
   */
  static CrossSiteRefusal refusal(
      String method,
      String fetchSite,
      String origin,
      String scheme,
      String host,
      CrossSiteProtection protection) {
    if (isSafe(method)) {
      return null;
    }
    String site = fetchSite == null ? "" : fetchSite.trim();
    if (!site.isEmpty()) {
      if (site.equals("same-origin") || site.equals("none")) {
        return null;
      }
      return protection.trusts(trimmed(origin)) ? null : CrossSiteRefusal.CROSS_SITE;
    }
    if (origin == null) {
      return null;
    }
    String claimed = origin.trim();
    return sameOrigin(claimed, scheme, host) || protection.trusts(claimed)
        ? null
        : CrossSiteRefusal.CROSS_ORIGIN;
  }

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }

  /** Whether {@code origin} names this scheme and the host and port of {@code host}. */
  static boolean sameOrigin(String origin, String scheme, String host) {
    if (scheme == null || host == null) {
      return false;
    }
    int separator = origin.indexOf("://");
    if (separator <= 0) {
      return false; // "null", or no origin at all
    }
    String originScheme = origin.substring(0, separator).toLowerCase(Locale.ROOT);
    String ownScheme = scheme.toLowerCase(Locale.ROOT);
    if (!originScheme.equals(ownScheme)) {
      return false;
    }
    Authority claimed = Authority.parse(origin.substring(separator + 3), originScheme);
    Authority own = Authority.parse(host.trim(), ownScheme);
    return claimed != null && claimed.equals(own);
  }

  /** A host (lower case, IPv6 in brackets) and a port (the scheme's default when none is given). */
  record Authority(String host, int port) {

    /** The authority of {@code text} ({@code host}, {@code host:port}), or null if it is none. */
    static Authority parse(String text, String scheme) {
      String host;
      String rest;
      if (text.startsWith("[")) {
        int end = text.indexOf(']');
        if (end < 0) {
          return null;
        }
        host = text.substring(0, end + 1);
        rest = text.substring(end + 1);
      } else {
        int colon = text.indexOf(':');
        if (colon >= 0 && colon != text.lastIndexOf(':')) {
          return null;
        }
        host = colon < 0 ? text : text.substring(0, colon);
        rest = colon < 0 ? "" : text.substring(colon);
      }
      if (host.isEmpty() || !host.chars().allMatch(Authority::isHostChar)) {
        return null;
      }
      int port;
      if (rest.isEmpty()) {
        port = defaultPort(scheme);
      } else if (rest.length() >= 2
          && rest.length() <= 6
          && rest.charAt(0) == ':'
          && rest.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
        port = Integer.parseInt(rest.substring(1));
      } else {
        return null;
      }
      return new Authority(host.toLowerCase(Locale.ROOT), port);
    }

    // Letters, digits, '-', '.', and an IPv6 literal's ':' and brackets: nothing of a path,
    // query, user info or whitespace.
    private static boolean isHostChar(int c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == ':'
          || c == '['
          || c == ']';
    }

    private static int defaultPort(String scheme) {
      return switch (scheme) {
        case "http" -> 80;
        case "https" -> 443;
        default -> -1;
      };
    }
  }
}

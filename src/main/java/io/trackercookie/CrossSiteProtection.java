package io.trackercookie;

import io.trackercookie.settings.SettingNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Protection against cross-site request forgery, for every unsafe request of the application
 * (anything but GET, HEAD and OPTIONS), whether it touches the tracker or not, the sign-in request
 * included. Off by default ({@link #off()}); {@link #on()} turns it on.
 *
 * <p>When on, a request is refused with 403 and the plain-text body {@value #CROSS_SITE_BODY} when
 * the browser says it comes from another site or origin:
 *
 * <ul>
 *   <li>{@code Sec-Fetch-Site} (Fetch Metadata, sent by every current browser): {@code cross-site}
 *       and {@code same-site} (a sibling subdomain) are refused, {@code same-origin} and {@code
 *       none} (the user typed the address, or a bookmark) pass;
 *   <li>without it, {@code Origin}: refused when its scheme, host or port differ from the request's
 *       own (its scheme and {@code Host} header), and when it is {@code null};
 *   <li>with neither (a client that is no browser, or a very old one), the request passes.
 * </ul>
 *
 * <p>A request whose {@code Origin} is one of the {@linkplain Builder#trustedOrigins trusted
 * origins} passes, and a resource method or class annotated {@link CrossSiteAllowed} is not checked
 * at all. With {@link Builder#requireToken requireToken}, every unsafe request must also carry this
 * session's {@link Tracker#csrfToken()} in the {@value #TOKEN_HEADER} header or in the {@value
 * #TOKEN_FORM_FIELD} field of an {@code application/x-www-form-urlencoded} body; a missing one is
 * refused with {@value #TOKEN_MISSING_BODY}, a wrong one with {@value #TOKEN_INVALID_BODY}. Each
 * refusal is told to the listeners ({@link TrackerListener#requestRefused}).
 *
 * <p>Immutable.
 */
public final class CrossSiteProtection {

  /** The header a script sends the CSRF token in. */
  public static final String TOKEN_HEADER = "X-CSRF-Token";

  /** The form field ({@code application/x-www-form-urlencoded}) a form sends the CSRF token in. */
  public static final String TOKEN_FORM_FIELD = "_csrf";

  /** The body of the 403 that refuses a request from another site or origin. */
  public static final String CROSS_SITE_BODY = "Cross-site request refused";

  /** The body of the 403 that refuses an unsafe request without a CSRF token. */
  public static final String TOKEN_MISSING_BODY = "CSRF token missing";

  /** The body of the 403 that refuses an unsafe request whose CSRF token does not match. */
  public static final String TOKEN_INVALID_BODY = "CSRF token invalid";

  // An origin as a browser writes it in Origin (RFC 6454): a lower-case scheme and host, and a port
  // only when it is not the scheme's default; no path, no trailing slash.
  private static final Pattern ORIGIN =
      Pattern.compile(
          "[a-z][a-z0-9+.-]*://"
              + "([a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\\[[0-9a-f:.]+])"
              + "(:[1-9][0-9]{0,4})?");

  private static final CrossSiteProtection OFF = builder().build();

  private final boolean enabled;
  private final Set<String> trustedOrigins;
  private final boolean requireToken;

  private CrossSiteProtection(Builder b) {
    this.enabled = b.enabled;
    this.trustedOrigins = Collections.unmodifiableSet(new LinkedHashSet<>(b.trustedOrigins));
    this.requireToken = b.requireToken;
  }

  /** No protection (the default): the library refuses no request. */
  public static CrossSiteProtection off() {
    return OFF;
  }

  /** Requests from another site or origin refused; no trusted origin, no token required. */
  public static CrossSiteProtection on() {
    return builder().enabled(true).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change one of them. */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).trustedOrigins(trustedOrigins).requireToken(requireToken);
  }

  /** Whether unsafe requests from another site or origin are refused. */
  public boolean enabled() {
    return enabled;
  }

  /** The origins whose unsafe requests pass, as browsers write them ({@code https://host:8443}). */
  public Set<String> trustedOrigins() {
    return trustedOrigins;
  }

  /** Whether every unsafe request must carry the session's CSRF token. */
  public boolean requireToken() {
    return requireToken;
  }

  /** Whether this origin, as an {@code Origin} header carries it, is trusted. */
  public boolean trusts(String origin) {
    return origin != null && trustedOrigins.contains(origin);
  }

  @Override
  public String toString() {
    if (!enabled) {
      return "crossSite=off";
    }
    return "crossSite=on"
        + (trustedOrigins.isEmpty() ? "" : ", trustedOrigins=" + trustedOrigins)
        + (requireToken ? ", requireToken" : "");
  }

  /** Builds {@link CrossSiteProtection}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private boolean enabled;
    private final List<String> trustedOrigins = new ArrayList<>();
    private boolean requireToken;

    private Builder() {}

    /** Refuses unsafe requests from another site or origin; default false. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * The origins whose unsafe requests pass (replacing those set before), each exactly as a
     * browser writes it in {@code Origin}: {@code https://app.example.com}, {@code
     * http://localhost:8080}. For a sibling subdomain or a partner that posts here, and for the
     * application's own public origin when a proxy hides its scheme or host from the runtime.
     *
     * @throws IllegalArgumentException if one is not written as a browser writes an origin
     *     (upper-case letters, a path or trailing slash, the scheme's default port, no scheme)
     */
    public Builder trustedOrigins(Collection<String> origins) {
      Objects.requireNonNull(origins, "trustedOrigins");
      List<String> checked = new ArrayList<>(origins.size());
      for (String origin : origins) {
        checked.add(checkedOrigin(origin));
      }
      trustedOrigins.clear();
      trustedOrigins.addAll(checked);
      return this;
    }

    /** As {@link #trustedOrigins(Collection)}. */
    public Builder trustedOrigins(String... origins) {
      return trustedOrigins(List.of(origins));
    }

    /**
     * Requires the session's CSRF token ({@link Tracker#csrfToken()}) on every unsafe request, in
     * the {@value CrossSiteProtection#TOKEN_HEADER} header or the {@value
     * CrossSiteProtection#TOKEN_FORM_FIELD} form field; default false. A client that is no browser
     * then needs it too.
     */
    public Builder requireToken(boolean requireToken) {
      this.requireToken = requireToken;
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalStateException if trusted origins or a required token are set while the
     *     protection is off
     */
    public CrossSiteProtection build() {
      if (!enabled && (requireToken || !trustedOrigins.isEmpty())) {
        throw new IllegalStateException(
            (requireToken ? "requireToken" : "trustedOrigins")
                + " is set but the cross-site protection is off: set "
                + SettingNames.describe(SettingNames.CROSS_SITE_ENABLED)
                + " to true (CrossSiteProtection.Builder.enabled)");
      }
      return new CrossSiteProtection(this);
    }

    private static String checkedOrigin(String origin) {
      Objects.requireNonNull(origin, "trusted origin");
      // The value is not echoed beyond its shape: a mistyped setting may hold anything.
      if (!ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException(
            "A trusted origin must be written as a browser sends it in Origin: scheme://host or"
                + " scheme://host:port, lower case, no path");
      }
      if ((origin.startsWith("http://") && origin.endsWith(":80"))
          || (origin.startsWith("https://") && origin.endsWith(":443"))) {
        throw new IllegalArgumentException(
            "A trusted origin is written without its scheme's default port, as browsers send it");
      }
      int port = origin.lastIndexOf(':');
      if (port > origin.indexOf("://") + 2
          && !origin.endsWith("]")
          && Integer.parseInt(origin.substring(port + 1)) > 65_535) {
        throw new IllegalArgumentException("A trusted origin's port must be at most 65535");
      }
      return origin;
    }
  }
}

package io.trackercookie;

/**
 * Why the {@link CrossSiteProtection} refused an unsafe request with 403. The request never reached
 * the resource; the tracker was not touched. {@link TrackerListener#requestRefused} is told the
 * reason, for metrics. (A refused request is not a refused cookie: {@link RejectionReason} is for
 * those.)
 */
public enum CrossSiteRefusal {
  /**
   * {@code Sec-Fetch-Site} said {@code cross-site} or {@code same-site} (or a value it never has).
   */
  CROSS_SITE,
  /**
   * No {@code Sec-Fetch-Site}, and {@code Origin} named another scheme, host or port than the
   * request's own, or was {@code null}.
   */
  CROSS_ORIGIN,
  /** The token is required and the request carried none, in header or form field. */
  TOKEN_MISSING,
  /**
   * The token is required and the one the request carried is not this session's: another session's,
   * one from before the session's nonce was renewed, another subject's, no token at all, or the
   * request brought no session to check it against.
   */
  TOKEN_INVALID
}

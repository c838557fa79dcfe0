package io.trackercookie.internal.engine;

import io.trackercookie.RejectionReason;
import io.trackercookie.iron.IronException;
import io.trackercookie.legacy.LegacyCookieException;

/**
 * The one rejection vocabulary: each reader's own reason for refusing a cookie (iron's, the legacy
 * format's) as the {@link RejectionReason} the listeners, the diagnostics header and the test kit
 * report.
 */
final class RejectionReasons {

  private RejectionReasons() {}

  /** The rejection reason for a seal that iron refused. */
  static RejectionReason of(IronException.Reason reason) {
    return switch (reason) {
      case SEAL_TOO_LONG -> RejectionReason.OVERSIZE;
      case EXPIRED -> RejectionReason.EXPIRED;
      case UNKNOWN_PASSWORD_ID -> RejectionReason.UNKNOWN_PASSWORD_ID;
      case BAD_MAC -> RejectionReason.BAD_MAC;
      case DECRYPTION_FAILED, INVALID_UTF8 -> RejectionReason.UNDECRYPTABLE;
      default -> RejectionReason.MALFORMED;
    };
  }

  /** The rejection reason for a legacy cookie that cookie-sessions' format refused. */
  static RejectionReason of(LegacyCookieException.Reason reason) {
    return switch (reason) {
      case TOO_LONG -> RejectionReason.OVERSIZE;
      case BAD_MAC -> RejectionReason.BAD_MAC;
      case EXPIRED -> RejectionReason.EXPIRED;
      case DECRYPTION_FAILED, INVALID_UTF8 -> RejectionReason.UNDECRYPTABLE;
      case INVALID_JSON -> RejectionReason.INVALID_JSON;
      case MALFORMED -> RejectionReason.MALFORMED;
    };
  }
}

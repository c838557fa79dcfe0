package io.trackercookie.payload;

import org.jspecify.annotations.Nullable;

/**
 * An opened seal whose text the layout rules refuse, with the reason. The message gives a position
 * or names the rule, never the text.
 */
public final class PayloadRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the text was refused. */
  public enum Reason {
    /** Not one JSON value, as {@code JSON.parse} would refuse it. */
    INVALID_JSON,
    /** A member named {@value PayloadLayout#FORBIDDEN_NAME}, which @hapi/iron refuses. */
    FORBIDDEN_KEY,
    /** Not one JSON string, so not in tracker-cookie's layout. */
    NOT_A_JSON_STRING
  }

  private final Reason reason;

  PayloadRefusedException(Reason reason, @Nullable String message) {
    super(message);
    this.reason = reason;
  }

  /** Why the text was refused. */
  public Reason reason() {
    return reason;
  }
}

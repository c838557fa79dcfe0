package io.trackercookie.payload;

import org.jspecify.annotations.Nullable;

/**
 * Text that is not one JSON value. The message, when there is one, gives a position, never the
 * text.
 */
public final class NotJsonException extends Exception {

  private static final long serialVersionUID = 1L;

  /** With the parser's description of the first problem, or null for none. */
  public NotJsonException(@Nullable String message) {
    // No stack trace: a refused cookie is routine, and the request path must stay cheap.
    super(message, null, false, false);
  }
}

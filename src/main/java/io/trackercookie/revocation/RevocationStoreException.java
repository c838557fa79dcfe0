package io.trackercookie.revocation;

import org.jspecify.annotations.Nullable;

/**
 * A {@link RevocationStore} could not answer: unreachable, too slow, or it holds a value under one
 * of the library's keys that the library did not write. Messages never carry a key's subject, a
 * value or a credential.
 */
public final class RevocationStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean foreignValue;

  private RevocationStoreException(
      String message, @Nullable Throwable cause, boolean foreignValue) {
    super(message, cause);
    this.foreignValue = foreignValue;
  }

  /** The store cannot be reached or did not answer in time. */
  public static RevocationStoreException unavailable(String message, @Nullable Throwable cause) {
    return new RevocationStoreException(message, cause, false);
  }

  /** A key holds a value the library did not write (the cookie is then refused). */
  public static RevocationStoreException foreign() {
    return new RevocationStoreException(
        "A revocation key holds a value this library did not write", null, true);
  }

  /** Whether a key held a foreign value (rather than the store being unavailable). */
  public boolean foreignValue() {
    return foreignValue;
  }
}

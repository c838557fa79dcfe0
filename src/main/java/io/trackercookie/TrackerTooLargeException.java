package io.trackercookie;

import java.util.List;

/**
 * Thrown by {@link Tracker#put}, {@link Tracker#replaceWith} (and, as a guard, when the response is
 * written) when the tracker's Set-Cookie line would pass the limit browsers keep, or its cookies
 * would add more to later requests' Cookie header than {@link CookieBudget#maxCookieHeaderBytes()}
 * allows. Nothing is dropped or truncated: the change that made it too large is undone and the
 * application decides. The message names the size, the limit and the keys taking the most room,
 * never a value.
 */
public final class TrackerTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int setCookieBytes;
  private final int limitBytes;
  private final List<String> largestKeys;

  /**
   * A tracker of {@code setCookieBytes} bytes over {@code limitBytes}, naming its {@code
   * largestKeys} (keys only, never a value).
   */
  public TrackerTooLargeException(int setCookieBytes, int limitBytes, List<String> largestKeys) {
    super(
        "The tracker cookie would be "
            + setCookieBytes
            + " bytes, over the limit of "
            + limitBytes
            + " bytes; the largest keys are "
            + largestKeys
            + ".");
    this.setCookieBytes = setCookieBytes;
    this.limitBytes = limitBytes;
    this.largestKeys = List.copyOf(largestKeys);
  }

  /**
   * The bytes over the limit: the Set-Cookie line's length (name, value and attributes), or the
   * Cookie-header bytes when the budget was passed.
   */
  public int setCookieBytes() {
    return setCookieBytes;
  }

  /** The limit: 4096 (or every chunk's), or the Cookie-header budget. */
  public int limitBytes() {
    return limitBytes;
  }

  /** Up to three top-level keys, largest first, by the bytes their entry takes in the JSON. */
  public List<String> largestKeys() {
    return largestKeys;
  }
}

package io.trackercookie;

/**
 * A strict typed read ({@link JsonOptions.Builder#strictReads}) found a key its type does not have:
 * {@link Tracker#get(String, Class)}, {@link Tracker#as} or a {@link TrackerValue} parameter. The
 * message names where in the JSON the key is and the type, never a value. (A value the type cannot
 * hold, strict or not, is a plain IllegalArgumentException: the application read its own key as the
 * wrong type.)
 *
 * <p>The tracker's content is the client's state (sealed by this server, perhaps by an older or a
 * newer version of it), so the feature answers it, unless the application maps it itself, with a
 * 400 whose {@code application/problem+json} body names neither the key, the type nor a value:
 *
 * <pre>{@code
 * {"type":"urn:io.trackercookie:unknown-tracker-key","title":"Unexpected tracker content",
 *  "status":400,"detail":"The tracker holds a key this request does not accept."}
 * }</pre>
 *
 * <p>An IllegalArgumentException, as every failed typed read is.
 */
public final class UnknownTrackerKeyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The problem type of the feature's 400 response. */
  public static final String PROBLEM_TYPE = "urn:io.trackercookie:unknown-tracker-key";

  private final String jsonPath;
  private final String typeName;

  /** A key at {@code jsonPath} ({@code $.theme}) that {@code typeName} does not have. */
  public UnknownTrackerKeyException(String jsonPath, String typeName) {
    super(
        "The tracked key at "
            + jsonPath
            + " is not a property of "
            + typeName
            + " (strict reads refuse unknown keys)");
    this.jsonPath = jsonPath;
    this.typeName = typeName;
  }

  /** Where in the tracker's JSON the key is, as a JSON path: {@code $.visits[1].theme}. */
  public String jsonPath() {
    return jsonPath;
  }

  /** The type the read was into. */
  public String typeName() {
    return typeName;
  }
}

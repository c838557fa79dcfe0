package io.trackercookie;

/**
 * A typed read ({@link Tracker#get(String, Class)}, {@link Tracker#as}, {@link TrackerValue}) found
 * a value its type cannot hold, or, with {@link JsonOptions.Builder#strictReads}, a key its type
 * does not have. The message names where in the JSON it failed and the type, never the value.
 *
 * <p>The tracker's content is the client's state (sealed by this server, perhaps by an older
 * version of it), so the feature answers it, unless the application maps it itself, with a 400
 * whose {@code application/problem+json} body names neither the type nor the value:
 *
 * <pre>{@code
 * {"type":"urn:io.trackercookie:unreadable-tracker","title":"Unreadable tracker","status":400,
 *  "detail":"The tracker holds a value this request cannot read."}
 * }</pre>
 *
 * <p>An IllegalArgumentException, as typed reads threw before it had a name of its own.
 */
public final class TrackerReadException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The problem type of the feature's 400 response. */
  public static final String PROBLEM_TYPE = "urn:io.trackercookie:unreadable-tracker";

  private final String jsonPath;
  private final String typeName;
  private final boolean unknownKey;

  /**
   * A read at {@code jsonPath} ({@code $.visits[1].count}) into {@code typeName} that failed;
   * {@code unknownKey}: because a strict read met a key the type does not have.
   */
  public TrackerReadException(String jsonPath, String typeName, boolean unknownKey, String kind) {
    super(
        unknownKey
            ? "The tracked key at "
                + jsonPath
                + " is not a property of "
                + typeName
                + " (strict reads refuse unknown keys)"
            : "The tracked value at "
                + jsonPath
                + " cannot be read as "
                + typeName
                + " ("
                + kind
                + ")");
    this.jsonPath = jsonPath;
    this.typeName = typeName;
    this.unknownKey = unknownKey;
  }

  /** Where in the tracker's JSON the read failed, as a JSON path: {@code $.visits[1].count}. */
  public String jsonPath() {
    return jsonPath;
  }

  /** The type the read was into. */
  public String typeName() {
    return typeName;
  }

  /** Whether a strict read refused a key its type does not have. */
  public boolean unknownKey() {
    return unknownKey;
  }
}

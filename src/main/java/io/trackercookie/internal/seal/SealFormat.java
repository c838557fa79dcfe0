package io.trackercookie.internal.seal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.PayloadFormat;

/**
 * How each {@link PayloadFormat} puts the tracker's JSON into a seal and takes it out. Writing
 * follows the configured format; reading accepts every format, since a fleet may be moving from one
 * to another: {@link #read} takes a JSON string holding JSON or the JSON itself, and {@link
 * #withoutSuffix} removes iron-session's suffix whatever the format.
 */
public enum SealFormat {
  /** npm tracker-cookie: the object's JSON, quoted again as a JSON string. */
  TRACKER_COOKIE(true, ""),
  /** The object's JSON as it stands, as @hapi/cookie seals. */
  PLAIN_JSON(false, ""),
  /** The object's JSON as it stands, with iron-session 8's seal-format suffix. */
  IRON_SESSION(false, SealFormat.IRON_SESSION_SUFFIX);

  /** iron-session 8 appends this to every seal (its seal format version). */
  static final String IRON_SESSION_SUFFIX = "~2";

  private final boolean quoted;
  private final String suffix;

  SealFormat(boolean quoted, String suffix) {
    this.quoted = quoted;
    this.suffix = suffix;
  }

  /** The wire behaviour of a configured format. */
  public static SealFormat of(PayloadFormat format) {
    return valueOf(format.name());
  }

  /** The text a seal of this content holds. */
  String plaintext(ObjectNode content) {
    return TrackerJson.write(content, quoted);
  }

  /** The cookie value for an iron seal. */
  String withSuffix(String seal) {
    return suffix.isEmpty() ? seal : seal + suffix;
  }

  /** The length {@link #withSuffix} adds. */
  int suffixLength() {
    return suffix.length();
  }

  /**
   * The iron seal in a cookie value of any format: only iron-session's exact suffix is removed (a
   * '~' is never part of an iron seal, so nothing else can be mistaken for it).
   */
  public static String withoutSuffix(String value) {
    return value.endsWith(IRON_SESSION_SUFFIX)
        ? value.substring(0, value.length() - IRON_SESSION_SUFFIX.length())
        : value;
  }

  /**
   * The object in an opened seal's text, whichever format wrote it.
   *
   * @throws TrackerJson.Rejected if the text holds no tracker object
   */
  public static ObjectNode read(String text) throws TrackerJson.Rejected {
    return TrackerJson.parsePayload(text);
  }
}

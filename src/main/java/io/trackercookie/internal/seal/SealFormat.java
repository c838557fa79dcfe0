package io.trackercookie.internal.seal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.PayloadFormat;
import io.trackercookie.payload.PayloadLayout;

/**
 * A {@link PayloadFormat}'s {@link PayloadLayout} over the request path's Jackson trees: the layout
 * rules are the layout's, the trees and their one-pass writing are {@link TrackerJson}'s. Writing
 * follows the configured format; reading accepts every format, since a fleet may be moving from one
 * to another: {@link #read} takes a JSON string holding JSON or the JSON itself, and {@link
 * #withoutSuffix} removes iron-session's suffix whatever the format.
 */
public enum SealFormat {
  /** npm tracker-cookie: the object's JSON, quoted again as a JSON string. */
  TRACKER_COOKIE,
  /** The object's JSON as it stands, as @hapi/cookie seals. */
  PLAIN_JSON,
  /** The object's JSON as it stands, with iron-session 8's seal-format suffix. */
  IRON_SESSION;

  /** iron-session 8 appends this to every seal (its seal format version). */
  static final String IRON_SESSION_SUFFIX = PayloadLayout.IRON_SESSION_SUFFIX;

  private final PayloadLayout layout = PayloadLayout.valueOf(name());

  /** The wire behaviour of a configured format. */
  public static SealFormat of(PayloadFormat format) {
    return valueOf(format.name());
  }

  /** The text a seal of this content holds. */
  String plaintext(ObjectNode content) {
    return TrackerJson.write(content, layout.jsonInString());
  }

  /** The cookie value for an iron seal. */
  String withSuffix(String seal) {
    return layout.cookieValue(seal);
  }

  /** The length {@link #withSuffix} adds. */
  int suffixLength() {
    return layout.suffixLength();
  }

  /** The iron seal in a cookie value of any format ({@link PayloadLayout#sealIn}). */
  public static String withoutSuffix(String value) {
    return PayloadLayout.sealIn(value);
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

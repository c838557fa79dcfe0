package io.trackercookie.payload;

import io.trackercookie.iron.IronPasswords;
import io.trackercookie.json.StrictJson;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a tracker's JSON sits in a cookie, for each layout the Node services use. The one home of
 * these wire rules: the library's request path and the command-line tool both take them from here.
 *
 * <p>For the object {@code {"user":"alice"}} each layout writes (the iron seal's parts elided):
 *
 * <pre>
 *                 the sealed text               the cookie value
 * TRACKER_COOKIE  "{\"user\":\"alice\"}"        Fe26.2**…
 * PLAIN_JSON      {"user":"alice"}              Fe26.2**…
 * IRON_SESSION    {"user":"alice"}              Fe26.2*1*…~2
 * </pre>
 *
 * <p>Writing follows one layout; reading takes every layout whatever the configured one, since a
 * fleet may be moving from one to another: {@link #sealIn} removes iron-session's suffix from any
 * cookie value, and {@link #payloadIn} unwraps a JSON string holding JSON wherever it is found.
 * Whatever the layout, a payload with a member named {@value #FORBIDDEN_NAME} is refused ({@link
 * #isForbiddenName}).
 *
 * <p>Java.base only (the JSON model is the caller's, through {@link JsonModel}), so the
 * command-line tool runs on the jar alone.
 */
public enum PayloadLayout {
  /**
   * npm tracker-cookie's: {@code Iron.seal(JSON.stringify(info))}, and iron stringifies again, so
   * the sealed text is a JSON string literal whose content is the object's compact JSON.
   */
  TRACKER_COOKIE(true, ""),
  /** The object's compact JSON sealed as it stands, as {@code @hapi/cookie} seals. */
  PLAIN_JSON(false, ""),
  /**
   * iron-session 8's: the object's compact JSON sealed as it stands, with a numeric password id and
   * {@value #IRON_SESSION_SUFFIX} after the seal.
   */
  IRON_SESSION(false, PayloadLayout.IRON_SESSION_SUFFIX);

  /**
   * iron-session 8 appends its seal-format version to every seal. Only this exact suffix is removed
   * on reading: a '~' is never part of an iron seal, so nothing else can be mistaken for it.
   */
  public static final String IRON_SESSION_SUFFIX = "~2";

  /**
   * The member name @hapi/iron's JSON parse (Bourne, protoAction 'error') refuses, at any depth and
   * however it is escaped; the library refuses to write it, so it never reads what it wrote.
   */
  public static final String FORBIDDEN_NAME = "__proto__";

  /** The id iron-session gives a password configured as a plain string. */
  public static final String IRON_SESSION_SINGLE_PASSWORD_ID = "1";

  /**
   * The largest id iron-session can seal with: it picks the id as a JavaScript number ({@code
   * Math.max} over the map's keys) and writes that number back as text, so only an integer up to
   * {@code Number.MAX_SAFE_INTEGER} (2^53 - 1) comes back as the text it was keyed by.
   */
  public static final long IRON_SESSION_MAX_PASSWORD_ID = (1L << 53) - 1;

  // The text JavaScript writes for such a number: decimal digits, no sign, no leading zero.
  private static final Pattern CANONICAL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,15}");

  private final boolean jsonInString;
  private final String suffix;

  PayloadLayout(boolean jsonInString, String suffix) {
    this.jsonInString = jsonInString;
    this.suffix = suffix;
  }

  /** Whether the sealed text is a JSON string holding the JSON rather than the JSON itself. */
  public boolean jsonInString() {
    return jsonInString;
  }

  /**
   * The text a seal in this layout holds for compact JSON: for {@link #TRACKER_COOKIE} that JSON as
   * {@code JSON.stringify} quotes it, else the JSON itself.
   */
  public String plaintext(String compactJson) {
    return jsonInString ? StrictJson.quote(compactJson) : compactJson;
  }

  /** The cookie value for an iron seal in this layout. */
  public String cookieValue(String seal) {
    return suffix.isEmpty() ? seal : seal + suffix;
  }

  /** The length {@link #cookieValue} adds to the seal. */
  public int suffixLength() {
    return suffix.length();
  }

  /** The iron seal in a cookie value of any layout: iron-session's exact suffix removed. */
  public static String sealIn(String cookieValue) {
    return cookieValue.endsWith(IRON_SESSION_SUFFIX)
        ? cookieValue.substring(0, cookieValue.length() - IRON_SESSION_SUFFIX.length())
        : cookieValue;
  }

  /**
   * The payload in an opened seal's text, whichever layout wrote it: a JSON string whose content is
   * JSON (tracker-cookie's layout) gives that JSON; any other value, a string holding no JSON
   * included, is the payload itself, as npm tracker-cookie reads it.
   *
   * @throws NotJsonException if the text is not one JSON value
   */
  public static <V> V payloadIn(String sealedText, JsonModel<V> json) throws NotJsonException {
    V value = json.parse(sealedText);
    String inner = json.stringContent(value);
    if (inner == null) {
      return value;
    }
    try {
      return json.parse(inner);
    } catch (NotJsonException e) {
      return value;
    }
  }

  /** Whether a payload holding a member of this name (unescaped) is refused. */
  public static boolean isForbiddenName(String memberName) {
    return FORBIDDEN_NAME.equals(memberName);
  }

  /**
   * Whether a seal in this layout may carry this password id. iron-session's are numbers as
   * JavaScript writes them: decimal, without leading zeros, at most {@link
   * #IRON_SESSION_MAX_PASSWORD_ID}. Node would read {@code 01} or a 20-digit id as another number
   * and seal under an id that Java does not know.
   */
  public boolean sealsWithPasswordId(String passwordId) {
    return this != IRON_SESSION
        || (CANONICAL_NUMBER.matcher(passwordId).matches()
            && Long.parseLong(passwordId) <= IRON_SESSION_MAX_PASSWORD_ID);
  }

  /**
   * The passwords a seal in this layout is made with; {@code singlePassword} is the plain password
   * when one was configured, else null. iron-session gives a plain password the id {@value
   * #IRON_SESSION_SINGLE_PASSWORD_ID}; the same password still opens the seals the other layouts
   * made without an id, so switching the layout keeps every visitor's tracker.
   *
   * @throws IllegalArgumentException if this layout cannot seal with the configured current id
   */
  public IronPasswords sealingPasswords(IronPasswords configured, @Nullable String singlePassword) {
    if (this != IRON_SESSION) {
      return configured;
    }
    if (singlePassword != null) {
      return IronPasswords.builder()
          .current(IRON_SESSION_SINGLE_PASSWORD_ID, singlePassword)
          .accept(IronPasswords.DEFAULT_ID, singlePassword)
          .build();
    }
    String currentId = configured.currentId();
    if (!sealsWithPasswordId(currentId)) {
      throw new IllegalArgumentException(
          !currentId.isEmpty() && currentId.chars().allMatch(c -> c >= '0' && c <= '9')
              ? "iron-session reads password ids as JavaScript numbers; the current id "
                  + currentId
                  + " is not one as JavaScript writes it (decimal without a leading zero, at most "
                  + IRON_SESSION_MAX_PASSWORD_ID
                  + ")"
              : "iron-session reads numeric password ids only; the current id is not a number");
    }
    return configured;
  }
}

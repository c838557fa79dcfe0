package io.trackercookie.payload;

import io.trackercookie.json.StrictJson;
import io.trackercookie.payload.PayloadRefusedException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * The layouts read as text with {@link StrictJson}, for the code that runs without Jackson (the
 * command-line tool): what a Node service would take from an opened seal, as compact JSON.
 */
public final class PayloadText {

  /**
   * Compact JSON parsed as JavaScript's {@code JSON.parse} parses it (repeated names allowed); a
   * string whose content is not printable UTF-8 (a lone surrogate) is kept as the string.
   */
  private static final JsonModel<String> COMPACT_JSON =
      new JsonModel<>() {
        @Override
        public String parse(String text) throws NotJsonException {
          try {
            return StrictJson.minifyAllowingRepeatedNames(text);
          } catch (StrictJson.JsonSyntaxException e) {
            throw new NotJsonException(e.getMessage());
          }
        }

        @Override
        public @Nullable String stringContent(String json) {
          if (!json.startsWith("\"")) {
            return null;
          }
          try {
            return StrictJson.unquote(json);
          } catch (StrictJson.JsonSyntaxException e) {
            return null;
          }
        }
      };

  private PayloadText() {}

  /**
   * The payload of an opened seal of any layout, as compact JSON: tracker-cookie's JSON string
   * holding JSON unwrapped, any other JSON value as it is. Refused as @hapi/iron refuses it.
   *
   * @throws PayloadRefusedException {@code INVALID_JSON} for text that is not one JSON value (the
   *     message gives the parser's position), {@code FORBIDDEN_KEY} for a payload with a member
   *     named {@value PayloadLayout#FORBIDDEN_NAME}
   */
  public static String read(String sealedText) throws PayloadRefusedException {
    String payload;
    try {
      payload = PayloadLayout.payloadIn(sealedText, COMPACT_JSON);
    } catch (NotJsonException e) {
      throw new PayloadRefusedException(Reason.INVALID_JSON, e.getMessage());
    }
    boolean forbidden;
    try {
      forbidden = StrictJson.hasMemberName(payload, PayloadLayout.FORBIDDEN_NAME);
    } catch (StrictJson.JsonSyntaxException e) {
      throw new IllegalStateException("valid JSON became invalid", e);
    }
    if (forbidden) {
      throw new PayloadRefusedException(
          Reason.FORBIDDEN_KEY, "the payload has a " + PayloadLayout.FORBIDDEN_NAME + " member");
    }
    return payload;
  }

  /**
   * The content of an opened seal's text in tracker-cookie's layout, insisting on that layout: the
   * text must be one JSON string. The content is returned as it is, unchecked.
   *
   * @throws PayloadRefusedException {@code NOT_A_JSON_STRING} if the text is not one JSON string,
   *     or the string holds a lone surrogate (which could not be printed as UTF-8)
   */
  public static String trackerCookieContent(String sealedText) throws PayloadRefusedException {
    try {
      return StrictJson.unquote(sealedText);
    } catch (StrictJson.JsonSyntaxException e) {
      throw new PayloadRefusedException(Reason.NOT_A_JSON_STRING, e.getMessage());
    }
  }
}

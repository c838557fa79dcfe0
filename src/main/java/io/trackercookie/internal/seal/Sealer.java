package io.trackercookie.internal.seal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.Unsealed;
import java.time.Instant;

/**
 * Text in, seal out, and back: the configured {@link SealFormat} over a {@link SealCodec} (iron,
 * with the verified-seal cache when it is on). Thread-safe.
 */
public final class Sealer {

  /** One decoder instance: the seal cache keeps a payload only for the decoder that made it. */
  private static final SealCodec.PayloadDecoder<ObjectNode> TRACKER_OBJECT = SealFormat::read;

  private final SealCodec codec;
  private final SealFormat format;

  public Sealer(SealCodec codec, SealFormat format) {
    this.codec = codec;
    this.format = format;
  }

  /** An opened cookie: the tracker object (shared, never to be modified) and what the seal said. */
  public record OpenedSeal(ObjectNode content, Unsealed unsealed) {}

  /** The text a seal of this content holds, in the configured format. */
  public String plaintext(ObjectNode content) {
    return format.plaintext(content);
  }

  /** The exact length of the cookie value {@link #seal} makes of this text; no crypto. */
  public int sealedLength(String plaintext) {
    return codec.sealedLength(TrackerJson.utf8Length(plaintext)) + format.suffixLength();
  }

  /**
   * Seals the text of {@code content}. The content is shared from here on: the browser's next
   * request brings this seal back, and the codec may keep the tree with the seal and hand it out
   * then instead of parsing the text, once checked (on that request, so a seal that never comes
   * back costs no check) to be exactly what parsing gives. A non-null {@code notAfter} bounds the
   * seal's expiration.
   */
  public String seal(String plaintext, ObjectNode content, Instant notAfter) {
    return format.withSuffix(
        codec.seal(
            plaintext,
            notAfter,
            TRACKER_OBJECT,
            () -> TrackerJson.readsBackAsItself(content) ? content : null));
  }

  /**
   * Opens a cookie value of any format.
   *
   * @throws IronException if it is not a valid, unexpired seal made with an accepted password
   * @throws TrackerJson.Rejected if the seal holds no tracker object
   */
  public OpenedSeal open(String value) throws TrackerJson.Rejected {
    SealCodec.Decoded<ObjectNode> decoded =
        codec.open(SealFormat.withoutSuffix(value), TRACKER_OBJECT);
    return new OpenedSeal(decoded.payload(), decoded.unsealed());
  }
}

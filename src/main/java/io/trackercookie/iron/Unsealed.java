package io.trackercookie.iron;

import java.time.Instant;
import java.util.Optional;

/**
 * An opened seal: its content and what the seal said about itself.
 *
 * @param text the sealed text (for iron, {@code JSON.stringify} of the sealed value)
 * @param passwordId the seal's password id, empty if it had none
 * @param expiration when the seal expires, if it carries an expiration
 * @param sealedWithCurrentPassword false when a rotated-out password opened it, so a caller can
 *     seal the content again with the current one
 */
public record Unsealed(
    String text,
    String passwordId,
    Optional<Instant> expiration,
    boolean sealedWithCurrentPassword) {

  @Override
  public String toString() {
    return "Unsealed[passwordId="
        + passwordId
        + ", expiration="
        + expiration
        + ", textLength="
        + text.length()
        + ", redacted]";
  }
}

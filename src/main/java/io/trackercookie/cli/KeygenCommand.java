package io.trackercookie.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** {@code keygen}: a fresh random password, 32 SecureRandom bytes as 43 base64url characters. */
final class KeygenCommand implements Command {

  /** Random bytes in a generated password: 256 bits, 43 base64url characters. */
  static final int KEYGEN_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String name() {
    return "keygen";
  }

  @Override
  public Set<Option> options() {
    return Set.of();
  }

  @Override
  public String run(Arguments arguments, CommandContext context) {
    byte[] bytes = new byte[KEYGEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n";
  }
}

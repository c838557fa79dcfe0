package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The salt sources behind each policy, without a codec around them. */
class ReusedSaltsTest {

  private static final IronSecret SECRET =
      IronSecret.password("reused-salts-password-0123456789-abcdefgh");
  private static final IronSecret OTHER =
      IronSecret.password("another-password-for-reused-salts-012345");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static ReusedSalts reusing(int maxSeals) {
    IronOptions options =
        IronOptions.builder().clock(CLOCK).saltReuse(maxSeals, Duration.ofMinutes(1)).build();
    return (ReusedSalts) SaltSource.of(options);
  }

  private static SealParts partsOf(SealKeys keys) {
    return new SealParts(
        "Fe26.2", "", keys.encryptionSalt(), "iv", "encrypted", "", keys.hmacSalt(), "hmac");
  }

  @Test
  void freshPolicy_drawsNewSaltsEveryTime_andHoldsNothing() {
    SaltSource fresh = SaltSource.of(IronOptions.defaults());
    CryptoContext crypto = new CryptoContext();
    SealKeys first = fresh.forSeal(SECRET, crypto);
    SealKeys second = fresh.forSeal(SECRET, crypto);
    assertNotEquals(first.encryptionSalt(), second.encryptionSalt());
    assertNotEquals(first.hmacSalt(), second.hmacSalt());
    assertNull(fresh.heldFor(SECRET, partsOf(first)));
  }

  @Test
  void keys_areWhatPbkdf2GivesForTheSalts() {
    IronOptions options = IronOptions.defaults();
    CryptoContext crypto = new CryptoContext();
    SealKeys keys = reusing(10).forSeal(SECRET, crypto);
    assertEquals(64, keys.encryptionSalt().length(), "256 bits as hex");
    assertArrayEquals(
        SealKeys.encryptionKey(SECRET, keys.encryptionSalt(), options, crypto),
        keys.encryptionKey());
    assertArrayEquals(
        SealKeys.integrityKey(SECRET, keys.hmacSalt(), options, crypto), keys.integrityKey());
  }

  @Test
  void aPair_isSharedUpToMaxSeals() {
    ReusedSalts salts = reusing(3);
    CryptoContext crypto = new CryptoContext();
    SealKeys first = salts.forSeal(SECRET, crypto);
    assertSame(first, salts.forSeal(SECRET, crypto));
    assertSame(first, salts.forSeal(SECRET, crypto));
    assertNotSame(first, salts.forSeal(SECRET, crypto));
  }

  @Test
  void theCurrentAndPreviousPairs_areHeld_forTheirOwnSecretOnly() {
    ReusedSalts salts = reusing(1000);
    CryptoContext crypto = new CryptoContext();
    SealKeys first = salts.forSeal(SECRET, crypto);
    assertSame(first, salts.heldFor(SECRET, partsOf(first)));
    assertNull(salts.heldFor(OTHER, partsOf(first)), "another secret's seal with the same salts");

    SealKeys other = salts.forSeal(OTHER, crypto); // another sealing secret: a new pair
    assertNotEquals(first.encryptionSalt(), other.encryptionSalt());
    assertSame(first, salts.heldFor(SECRET, partsOf(first)), "the previous pair is still held");
    assertSame(other, salts.heldFor(OTHER, partsOf(other)));

    salts.forSeal(SECRET, crypto);
    assertNull(salts.heldFor(SECRET, partsOf(first)), "two pairs back is no longer held");
  }

  @Test
  void aSealWithOneSaltOfAHeldPair_isNotHeld() {
    ReusedSalts salts = reusing(1000);
    SealKeys keys = salts.forSeal(SECRET, new CryptoContext());
    SealParts mixed =
        new SealParts(
            "Fe26.2",
            "",
            keys.encryptionSalt(),
            "iv",
            "encrypted",
            "",
            "00" + keys.hmacSalt(),
            "hmac");
    assertNull(salts.heldFor(SECRET, mixed));
  }
}

package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SaltPolicy#reuse} through the codec ({@code IronOptions.Builder.saltReuse}): seals share a
 * salt pair within a bounded window, never beyond it, and every reader opens them.
 */
class SaltReuseTest {

  private static final String PASSWORD = "salt-reuse-password-0123456789-abcdefgh";
  private static final String JSON = "{\"visits\":1}";

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static IronCodec codec(int maxSeals, Duration maxAge, Clock clock) {
    return IronCodec.create(
        IronPasswords.single(PASSWORD),
        IronOptions.builder().saltReuse(maxSeals, maxAge).clock(clock).build());
  }

  private static String salts(String sealed) {
    SealParts parts = SealParts.parse(sealed);
    return parts.encryptionSalt() + "/" + parts.hmacSalt();
  }

  @Test
  void byDefault_everySealHasFreshSalts() {
    IronCodec codec = IronCodec.create(PASSWORD);
    assertEquals(SaltPolicy.fresh(), IronOptions.defaults().saltPolicy());
    SealParts a = SealParts.parse(codec.seal(JSON));
    SealParts b = SealParts.parse(codec.seal(JSON));
    assertNotEquals(a.encryptionSalt(), b.encryptionSalt());
    assertNotEquals(a.hmacSalt(), b.hmacSalt());
  }

  @Test
  void withinTheWindow_sealsShareSalts_butNotTheirIv() {
    IronCodec codec = codec(100, Duration.ofMinutes(1), new HandClock());
    String a = codec.seal(JSON);
    String b = codec.seal(JSON);
    assertEquals(salts(a), salts(b));
    assertNotEquals(SealParts.parse(a).encryptionIv(), SealParts.parse(b).encryptionIv());
    assertNotEquals(a, b);
    assertEquals(JSON, codec.unseal(a));
    assertEquals(JSON, codec.unseal(b));
  }

  @Test
  void ivsDrawnInBatches_areNeverRepeated_acrossBatchesAndThreads() throws Exception {
    // Many batches of IVs per thread, on several threads: any reuse of a buffered IV would show.
    IronCodec codec = codec(100_000, Duration.ofMinutes(1), Clock.systemUTC());
    Set<String> ivs = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  ivs.add(SealParts.parse(codec.seal(JSON)).encryptionIv());
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(4000, ivs.size());
    assertTrue(
        ivs.stream().noneMatch(iv -> iv.equals("AAAAAAAAAAAAAAAAAAAAAA")),
        "no cleared IV is handed out");
  }

  @Test
  void afterMaxSeals_theSaltsChange() {
    IronCodec codec = codec(3, Duration.ofMinutes(1), new HandClock());
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < 9; i++) {
      pairs.add(salts(codec.seal(JSON)));
    }
    assertEquals(3, pairs.size(), "nine seals, three per pair");
  }

  @Test
  void afterMaxAge_theSaltsChange() {
    HandClock clock = new HandClock();
    IronCodec codec = codec(1000, Duration.ofSeconds(30), clock);
    String first = salts(codec.seal(JSON));
    clock.now = clock.now.plusSeconds(29);
    assertEquals(first, salts(codec.seal(JSON)));
    clock.now = clock.now.plusSeconds(1);
    assertNotEquals(first, salts(codec.seal(JSON)));
  }

  @Test
  void sealsWithReusedSalts_openInAnotherCodecWithoutReuse() {
    IronCodec reusing = codec(100, Duration.ofMinutes(1), Clock.systemUTC());
    IronCodec plain = IronCodec.create(PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertEquals(JSON + i, plain.unseal(reusing.seal(JSON + i)));
    }
    // And the reusing codec opens seals it did not make, with salts it never drew.
    assertEquals(JSON, reusing.unseal(plain.seal(JSON)));
  }

  @Test
  void aTamperedSealWithOurSalts_isStillRefused() {
    IronCodec codec = codec(100, Duration.ofMinutes(1), Clock.systemUTC());
    String sealed = codec.seal(JSON);
    SealParts p = SealParts.parse(sealed);
    String other = codec.seal("{\"visits\":2}");
    String spliced =
        String.join(
            "*",
            p.prefix(),
            p.passwordId(),
            p.encryptionSalt(),
            p.encryptionIv(),
            SealParts.parse(other).encryptedB64(),
            p.expiration(),
            p.hmacSalt(),
            p.hmac());
    IronException refused = assertThrows(IronException.class, () -> codec.unseal(spliced));
    assertEquals(IronException.Reason.BAD_MAC, refused.reason());
  }

  @Test
  void concurrentSealers_neverUseAPairMoreThanMaxSeals() throws Exception {
    IronCodec codec = codec(10, Duration.ofMinutes(1), Clock.systemUTC());
    java.util.Map<String, Integer> uses = new java.util.concurrent.ConcurrentHashMap<>();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  uses.merge(salts(codec.seal(JSON)), 1, Integer::sum);
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(800, uses.values().stream().mapToInt(Integer::intValue).sum());
    assertTrue(uses.values().stream().allMatch(n -> n <= 10), "no pair sealed more than 10 times");
  }

  @Test
  void codecsBuiltFromTheSameOptions_eachKeepTheirOwnSalts() {
    IronOptions options =
        IronOptions.builder().saltReuse(100, Duration.ofMinutes(1)).clock(new HandClock()).build();
    IronCodec first = IronCodec.create(IronPasswords.single(PASSWORD), options);
    IronCodec second = IronCodec.create(IronPasswords.single(PASSWORD), options);
    assertNotEquals(salts(first.seal(JSON)), salts(second.seal(JSON)));
    assertNotEquals(salts(first.seal(JSON)), salts(first.withOptions(options).seal(JSON)));
  }

  @Test
  void aClockSetBack_startsANewPair() {
    HandClock clock = new HandClock();
    IronOptions options =
        IronOptions.builder().saltReuse(100, Duration.ofMinutes(1)).clock(clock).build();
    IronCodec codec = IronCodec.create(IronPasswords.single(PASSWORD), options);
    String before = salts(codec.seal(JSON));
    assertEquals(before, salts(codec.seal(JSON)));
    clock.now = clock.now.minusSeconds(1); // a clock set back does not stretch the window
    assertNotEquals(before, salts(codec.seal(JSON)));
  }

  @Test
  void invalidSettings_areRefusedAtOnce() {
    IronOptions.Builder builder = IronOptions.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.saltReuse(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> builder.saltReuse(10, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> builder.saltReuse(10, Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> builder.saltReuse(10, null));
  }

  @Test
  void optionsCarryTheSetting_throughToBuilder() {
    IronOptions options = IronOptions.builder().saltReuse(50, Duration.ofSeconds(20)).build();
    IronOptions copy = options.toBuilder().build();
    assertEquals(SaltPolicy.reuse(50, Duration.ofSeconds(20)), copy.saltPolicy());
    assertEquals(50, copy.saltPolicy().maxSeals());
    assertEquals(Duration.ofSeconds(20), copy.saltPolicy().maxAge());
    assertTrue(options.toString().contains("maxSeals=50"), options.toString());
    assertEquals(
        SaltPolicy.fresh(), options.toBuilder().saltReuse(1, Duration.ZERO).build().saltPolicy());
  }
}

package io.trackercookie.internal.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.iron.Unsealed;
import io.trackercookie.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VerifiedSealCacheTest {

  private static final String PASSWORD = "a-test-password-that-is-long-enough-0123456789";
  private static final String OTHER_PASSWORD = "another-password-also-long-enough-9876543210abc";
  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  /** A cache nobody listens to. */
  private static VerifiedSealCache createCache(IronOptions options, int maxEntries, long maxBytes) {
    return VerifiedSealCache.create(
        options, maxEntries, maxBytes, VerifiedSealCache.LookupListener.NONE);
  }

  /** The codec's full open, counted: how often the cache did not serve the seal itself. */
  private static Function<String, Unsealed> countingFullOpens(
      IronCodec codec, AtomicInteger verifies) {
    return seal -> {
      verifies.incrementAndGet();
      return codec.open(seal);
    };
  }

  private static IronCodec codec(IronPasswords passwords, Clock clock, Duration ttl) {
    return IronCodec.create(passwords, IronOptions.builder().clock(clock).ttl(ttl).build());
  }

  @Test
  void hit_returnsTheSameOpenedContent() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    String sealed = codec.seal("{\"visits\":3}");

    Unsealed first = cache.open(sealed, codec::open);
    Unsealed second = cache.open(sealed, codec::open);

    assertEquals("{\"visits\":3}", first.text());
    assertSame(first, second, "the second open is served from the cache");
    assertEquals(1, cache.size());
  }

  @Test
  void decodedPayload_isKeptWithTheSealAndDecodedOncePerDecoder() throws Exception {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    String sealed = codec.seal("{\"visits\":3}");
    AtomicInteger decodes = new AtomicInteger();
    SealCodec.PayloadDecoder<String> upper =
        text -> {
          decodes.incrementAndGet();
          return text.toUpperCase(java.util.Locale.ROOT);
        };

    Unsealed plain = cache.open(sealed, codec::open); // an entry without a payload
    SealCodec.Decoded<String> first = cache.open(sealed, codec::open, upper);
    SealCodec.Decoded<String> second = cache.open(sealed, codec::open, upper);

    assertEquals("{\"VISITS\":3}", first.payload());
    assertSame(plain, first.unsealed(), "the seal was not opened again to decode it");
    assertSame(first, second, "the second open is served with its payload");
    assertEquals(1, decodes.get());
    SealCodec.Decoded<Integer> other = cache.open(sealed, codec::open, String::length);
    assertEquals(12, other.payload(), "another decoder decodes for itself");
  }

  @Test
  void refusedPayload_isRefusedOnEveryOpen_andTheSealStaysVerified() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    String sealed = codec.seal("\"not an object\"");
    AtomicInteger verifies = new AtomicInteger();
    Function<String, Unsealed> verifier = countingFullOpens(codec, verifies);

    for (int i = 0; i < 3; i++) {
      TrackerJson.Rejected e =
          assertThrows(
              TrackerJson.Rejected.class,
              () -> cache.open(sealed, verifier, TrackerJson::parsePayload));
      assertEquals(io.trackercookie.RejectionReason.NOT_AN_OBJECT, e.reason());
    }
    assertEquals(1, verifies.get(), "the MAC was checked once; only the decoding is repeated");
  }

  @Test
  void expiredSeal_isRejectedEvenWhenCached() {
    TestClock clock = new TestClock(START);
    IronCodec codec = codec(IronPasswords.single(PASSWORD), clock, Duration.ofMinutes(5));
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    String sealed = codec.seal("{\"a\":1}");
    cache.open(sealed, codec::open);
    assertEquals(1, cache.size());

    // iron's default skew is 60 s: 5 min + 59 s later the seal still opens, from the cache.
    clock.advance(Duration.ofMinutes(5).plusSeconds(59));
    assertEquals("{\"a\":1}", cache.open(sealed, codec::open).text());

    // At the boundary (expiration - skew == now) iron calls it expired; so does the cache.
    clock.advance(Duration.ofSeconds(1));
    IronException e = assertThrows(IronException.class, () -> cache.open(sealed, codec::open));
    assertEquals(IronException.Reason.EXPIRED, e.reason());
    assertEquals(0, cache.size(), "the expired entry is dropped");
    assertEquals(
        IronException.Reason.EXPIRED,
        assertThrows(IronException.class, () -> cache.open(sealed, codec::open)).reason());
  }

  /** Fails the test if the cache opens a seal in full instead of answering from its entry. */
  private static Unsealed noFullOpen(String sealed) {
    throw new AssertionError("opened in full");
  }

  @Test
  void aSealTheProviderWrites_isAHitOnTheRequestThatBringsItBack() throws Exception {
    TestClock clock = new TestClock(START);
    IronCodec codec = codec(IronPasswords.single(PASSWORD), clock, Duration.ofMinutes(5));
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);

    String value = sealCodec.seal("{\"visits\":4}");

    assertEquals(1, cache.size());
    assertEquals(
        codec.open(value),
        cache.open(value, VerifiedSealCacheTest::noFullOpen),
        "the entry says what a full open says");
    AtomicInteger decodes = new AtomicInteger();
    SealCodec.PayloadDecoder<String> decoder =
        text -> text + " decoded #" + decodes.incrementAndGet();
    SealCodec.Decoded<String> decoded =
        cache.open(value, VerifiedSealCacheTest::noFullOpen, decoder);
    assertEquals(
        "{\"visits\":4} decoded #1", decoded.payload(), "the payload is decoded on the first hit");
    assertSame(
        decoded,
        cache.open(value, VerifiedSealCacheTest::noFullOpen, decoder),
        "and kept for the next");
    assertEquals(1, cache.size());
    // Its expiry is the seal's own: iron's 60 s skew past the 5 min ttl, as for any entry.
    clock.advance(Duration.ofMinutes(6));
    assertEquals(
        IronException.Reason.EXPIRED,
        assertThrows(
                IronException.class, () -> cache.open(value, VerifiedSealCacheTest::noFullOpen))
            .reason());
  }

  private static <T> SealCodec.PayloadDecoder<T> noDecoding() {
    return text -> {
      throw new AssertionError("decoded");
    };
  }

  @Test
  void aSealWrittenWithItsPayload_isOpenedWithThatPayload_andDecodedByNoOne() throws Exception {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);
    SealCodec.PayloadDecoder<String> decoder = noDecoding();
    String payload = "what the decoder would make of it";
    AtomicInteger asked = new AtomicInteger();

    String value =
        sealCodec.seal(
            "{\"visits\":5}",
            null,
            decoder,
            () -> {
              asked.incrementAndGet();
              return payload;
            });

    assertEquals(0, asked.get(), "not asked until the seal comes back");
    SealCodec.Decoded<String> opened =
        cache.open(value, VerifiedSealCacheTest::noFullOpen, decoder);
    assertSame(payload, opened.payload());
    assertEquals(codec.open(value), opened.unsealed(), "the entry says what a full open says");
    assertSame(opened, cache.open(value, VerifiedSealCacheTest::noFullOpen, decoder));
    assertEquals(1, asked.get(), "asked once, then kept");
    assertEquals(
        12,
        cache.open(value, VerifiedSealCacheTest::noFullOpen, String::length).payload(),
        "another decoder decodes for itself");
  }

  @Test
  void anOfferThatCannotStand_isDecodedFromTheSealsOwnText_onTheFirstHit() throws Exception {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);
    SealCodec.PayloadDecoder<String> decoder = text -> "decoded " + text;

    // A lone surrogate is sealed as U+FFFD (as Node writes it): the plaintext's payload would lie.
    String otherText =
        sealCodec.seal("{\"a\":\"\ud800\"}", null, decoder, () -> "the plaintext's payload");
    assertEquals(
        "decoded {\"a\":\"\ufffd\"}",
        cache.open(otherText, VerifiedSealCacheTest::noFullOpen, decoder).payload());

    String unknown =
        sealCodec.seal("{\"a\":1}", null, decoder, () -> null); // the offer cannot tell
    SealCodec.Decoded<String> opened =
        cache.open(unknown, VerifiedSealCacheTest::noFullOpen, decoder);
    assertEquals("decoded {\"a\":1}", opened.payload());
    assertSame(opened, cache.open(unknown, VerifiedSealCacheTest::noFullOpen, decoder), "and kept");

    String noOffer = sealCodec.seal("{\"a\":2}", null, decoder, null);
    assertEquals(
        "decoded {\"a\":2}",
        cache.open(noOffer, VerifiedSealCacheTest::noFullOpen, decoder).payload());
  }

  @Test
  void aRememberedSeal_isKeyedByTheIronSeal_soAnIronSessionCookieFindsIt() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    Sealer sealer = new Sealer(new IronSealCodec(codec, cache), SealFormat.IRON_SESSION);

    String value = sealer.seal("{}", TrackerJson.WIRE.createObjectNode(), null);

    assertTrue(value.endsWith(SealFormat.IRON_SESSION_SUFFIX));
    assertEquals(
        "{}",
        cache.open(SealFormat.withoutSuffix(value), VerifiedSealCacheTest::noFullOpen).text());
    assertEquals(1, cache.size(), "measuring the seal's overhead at start-up entered nothing");
  }

  @Test
  void rememberedSeals_shareTheCachesBounds_withTheSealsItRead() {
    IronCodec codec = IronCodec.create(PASSWORD);
    int maxEntries = 200;
    long maxBytes = 400_000;
    VerifiedSealCache cache = createCache(codec.options(), maxEntries, maxBytes);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);
    for (int i = 0; i < 300; i++) {
      String written = sealCodec.seal("{\"visits\":" + i + "}");
      assertEquals(
          "{\"visits\":" + i + "}",
          cache.open(written, VerifiedSealCacheTest::noFullOpen).text(),
          "the seal just written is a hit");
      cache.open(
          codec.seal("{\"other\":" + i + "}"), codec::open); // a reader's seal, the same cache
      assertTrue(cache.size() <= maxEntries, "entries " + cache.size());
      assertTrue(cache.weightedBytes() <= maxBytes, "bytes " + cache.weightedBytes());
    }
    assertEquals(maxEntries, cache.size(), "each entry weighs maxBytes / maxEntries at least");
  }

  @Test
  void aSmallCache_remembersTheSealItWrote_andStaysWithinItsBounds() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 5, 1 << 20);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);
    String first = sealCodec.seal("{\"visits\":0}");
    assertEquals("{\"visits\":0}", cache.open(first, VerifiedSealCacheTest::noFullOpen).text());
    for (int i = 1; i < 50; i++) {
      sealCodec.seal("{\"visits\":" + i + "}");
      assertTrue(cache.size() <= 5, "entries " + cache.size());
    }
    // Whether the first seal is still held is Caffeine's choice; either way it opens the same.
    AtomicInteger verifies = new AtomicInteger();
    assertEquals("{\"visits\":0}", cache.open(first, countingFullOpens(codec, verifies)).text());
    assertTrue(verifies.get() <= 1);
  }

  @Test
  void largeRememberedSeals_stayWithinTheByteBound() {
    IronCodec codec = IronCodec.create(PASSWORD);
    long maxBytes = 20_000;
    VerifiedSealCache cache = createCache(codec.options(), 200, maxBytes);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);
    String padding = "x".repeat(400);
    for (int i = 0; i < 100; i++) {
      sealCodec.seal("{\"visits\":" + i + ",\"p\":\"" + padding + "\"}");
      assertTrue(cache.weightedBytes() <= maxBytes, "bytes " + cache.weightedBytes());
    }
    long held = cache.size();
    assertTrue(
        held >= 1 && held * 4_000 <= maxBytes,
        "the bound holds a few such seals, not more: " + held);
  }

  @Test
  void expiryOnHit_honoursLocaltimeOffsetAndSkewLikeTheCodec() {
    TestClock clock = new TestClock(START);
    IronCodec codec =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder()
                .clock(clock)
                .ttl(Duration.ofMinutes(1))
                .timestampSkew(Duration.ZERO)
                .localtimeOffset(Duration.ofSeconds(30))
                .build());
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    String sealed = codec.seal("{}");
    cache.open(sealed, codec::open);
    clock.advance(Duration.ofSeconds(59));
    assertEquals("{}", cache.open(sealed, codec::open).text());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        IronException.Reason.EXPIRED,
        assertThrows(IronException.class, () -> codec.open(sealed)).reason());
    assertEquals(
        IronException.Reason.EXPIRED,
        assertThrows(IronException.class, () -> cache.open(sealed, codec::open)).reason());
  }

  @Test
  void anotherPasswordSet_getsAnEmptyCacheAndMisses() {
    IronCodec oldCodec =
        IronCodec.create(
            IronPasswords.builder().current("1", IronSecret.password(PASSWORD)).build(),
            IronOptions.defaults());
    VerifiedSealCache oldCache = createCache(oldCodec.options(), 100, 1 << 20);
    String sealed = oldCodec.seal("{\"a\":1}");
    oldCache.open(sealed, oldCodec::open);

    // Password "1" replaced: the same id now names another secret.
    IronCodec newCodec =
        IronCodec.create(
            IronPasswords.builder().current("1", IronSecret.password(OTHER_PASSWORD)).build(),
            IronOptions.defaults());
    VerifiedSealCache newCache = createCache(newCodec.options(), 100, 1 << 20);
    assertEquals(
        IronException.Reason.BAD_MAC,
        assertThrows(IronException.class, () -> newCache.open(sealed, newCodec::open)).reason());
    assertEquals(0, newCache.size());
  }

  @Test
  void tamperedStrings_neverEnterTheCache() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 10_000, 64L << 20);
    String sealed = codec.seal("{\"visits\":3}");
    for (int i = 0; i < sealed.length(); i++) {
      char c = sealed.charAt(i);
      String tampered =
          sealed.substring(0, i) + (char) (c == 'A' ? 'B' : 'A') + sealed.substring(i + 1);
      assertThrows(IronException.class, () -> cache.open(tampered, codec::open), "position " + i);
    }
    assertThrows(IronException.class, () -> cache.open(sealed + "x", codec::open));
    assertThrows(IronException.class, () -> cache.open(sealed.substring(1), codec::open));
    assertEquals(0, cache.size());

    // A tampered string refused once is refused again: the refusal was not cached as success.
    String badMac = sealed.substring(0, sealed.length() - 1) + (sealed.endsWith("A") ? "B" : "A");
    assertThrows(IronException.class, () -> cache.open(badMac, codec::open));
    assertEquals("{\"visits\":3}", cache.open(sealed, codec::open).text());
    assertEquals(1, cache.size());
  }

  @Test
  void aStringWithACachedSealsHash_isOpenedInFull_notServedFromTheCache() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 100, 1 << 20);
    String sealed = codec.seal("{\"visits\":3}");
    cache.open(sealed, codec::open);
    // Same length and tail (the part the key hashes), one char changed in the ciphertext's region.
    int position = sealed.length() / 2;
    String lookAlike =
        sealed.substring(0, position)
            + (sealed.charAt(position) == 'A' ? 'B' : 'A')
            + sealed.substring(position + 1);
    assertEquals(
        new VerifiedSealCache.SealKey(sealed).hashCode(),
        new VerifiedSealCache.SealKey(lookAlike).hashCode());
    AtomicInteger verifies = new AtomicInteger();

    assertThrows(
        IronException.class, () -> cache.open(lookAlike, countingFullOpens(codec, verifies)));
    assertEquals(1, verifies.get(), "the look-alike went to the full open");
    assertNotEquals(
        new VerifiedSealCache.SealKey(sealed), new VerifiedSealCache.SealKey(lookAlike));
  }

  @Test
  void entryBound_holds() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 5, 1L << 30);
    for (int i = 0; i < 50; i++) {
      assertEquals(
          "{\"i\":" + i + "}", cache.open(codec.seal("{\"i\":" + i + "}"), codec::open).text());
    }
    assertTrue(cache.size() <= 5, "size " + cache.size());
  }

  @Test
  void byteBound_holdsForLargeContent() {
    IronCodec codec = IronCodec.create(PASSWORD);
    long maxBytes = 64 * 1024;
    VerifiedSealCache cache = createCache(codec.options(), 10_000, maxBytes);
    String big = "{\"k\":\"" + "x".repeat(3000) + "\"}";
    for (int i = 0; i < 100; i++) {
      cache.open(codec.seal(big), codec::open);
    }
    assertTrue(cache.weightedBytes() <= maxBytes, "weight " + cache.weightedBytes());
    // Each entry weighs more than 2 * (seal + text) chars, about 16 KB here.
    assertTrue(cache.size() <= maxBytes / (2 * 3000 * 2), "size " + cache.size());
    assertNotEquals(0, cache.size());
  }

  @Test
  void bounds_mustBePositive() {
    IronCodec codec = IronCodec.create(PASSWORD);
    assertThrows(IllegalArgumentException.class, () -> createCache(codec.options(), 0, 1));
    assertThrows(IllegalArgumentException.class, () -> createCache(codec.options(), 1, 0));
  }

  @Test
  void sealsWritten_neverDisplaceTheSealsRead() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 200, 400_000);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);
    java.util.List<String> read = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String seal = codec.seal("{\"reader\":" + i + "}");
      cache.open(seal, codec::open);
      read.add(seal);
    }
    for (int i = 0; i < 5_000; i++) {
      sealCodec.seal("{\"visits\":" + i + "}"); // a visitor whose cookie changes every time
    }
    for (String seal : read) {
      assertEquals(
          codec.open(seal).text(),
          cache.open(seal, VerifiedSealCacheTest::noFullOpen).text(),
          "still held");
    }
    assertTrue(cache.size() <= 200, "entries " + cache.size());
    assertTrue(cache.weightedBytes() <= 400_000, "bytes " + cache.weightedBytes());
  }

  @Test
  void aWrittenSealPastTheRing_isOpenedInFullOnce_thenCached() {
    IronCodec codec = IronCodec.create(PASSWORD);
    VerifiedSealCache cache = createCache(codec.options(), 200, 400_000);
    IronSealCodec sealCodec = new IronSealCodec(codec, cache);
    String first = sealCodec.seal("{\"visits\":0}");
    for (int i = 1; i <= 200; i++) {
      sealCodec.seal("{\"visits\":" + i + "}"); // far more than the ring holds
    }
    AtomicInteger verifies = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertEquals("{\"visits\":0}", cache.open(first, countingFullOpens(codec, verifies)).text());
    }
    assertEquals(1, verifies.get(), "opened in full once, then a hit");
  }

  @Test
  void anExpiredWrittenSeal_isRefusedFromTheRing() {
    TestClock clock = new TestClock(START);
    IronCodec codec = codec(IronPasswords.single(PASSWORD), clock, Duration.ofMinutes(5));
    VerifiedSealCache cache = createCache(codec.options(), 200, 400_000);
    String value = new IronSealCodec(codec, cache).seal("{\"visits\":1}");
    assertEquals("{\"visits\":1}", cache.open(value, VerifiedSealCacheTest::noFullOpen).text());
    clock.advance(Duration.ofMinutes(6)); // past the ttl and iron's 60 s skew
    assertEquals(
        IronException.Reason.EXPIRED,
        assertThrows(
                IronException.class, () -> cache.open(value, VerifiedSealCacheTest::noFullOpen))
            .reason());
    assertEquals(0, cache.size(), "dropped from the ring");
  }
}

package io.trackercookie.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.Unsealed;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Seals that one {@link IronCodec} has already opened, keyed by the exact cookie string, so a
 * visitor whose cookie does not change costs a map lookup instead of a PBKDF2 + HMAC + AES round.
 *
 * <ul>
 *   <li>Only what the codec's {@link IronCodec#open} returned (given to {@link #open} as
 *       {@code verifier}) enters: the MAC verified under the codec's passwords and the content
 *       decrypted. A tampered, foreign or malformed string never does. The one other way in is
 *       {@link #remember}: a seal the same codec has just made, with what opening it would give.
 *   <li>Expiry is checked again on every hit, with the codec's clock, local-time offset and skew,
 *       exactly as {@link IronCodec#open} checks it; an expired entry is dropped and refused.
 *   <li>One cache per codec: a codec is immutable, so new passwords mean a new codec and a new,
 *       empty cache. Nothing opened under the old password set is ever served under the new one.
 *   <li>Bounded in entries and in bytes. Caffeine takes one weight bound, so each entry weighs at
 *       least {@code maxBytes / maxEntries}: the sum of weights stays under its bytes, which caps
 *       both the estimated bytes and the number of entries. The seals the codec wrote lately
 *       ({@link #remember}) sit in a small table beside it that takes an eighth of both bounds.
 *   <li>Beside a seal it may keep what a decoder made of its text (the parsed tracker), so a hit
 *       skips the parse too. That payload is shared by every request with the cookie: read only.
 * </ul>
 *
 * <p>Thread-safe. The key is the cookie value itself; it is never logged.
 */
final class VerifiedSealCache {

  // Per entry beyond the two strings: Caffeine's node, the key, Unsealed and Entry objects, the
  // Optional/Instant and the map slot; a rough upper estimate, so the byte bound errs low.
  private static final int ENTRY_OVERHEAD_BYTES = 224;

  // The table of seals written lately takes an eighth of both bounds, with at most this many
  // slots; a cache bounded below 8 * MIN_RECENT_SLOTS entries has none. One seal takes at most
  // 1 / MIN_RECENT_SLOTS of the table's bytes.
  private static final int MAX_RECENT_SLOTS = 256;
  private static final int MIN_RECENT_SLOTS = 8;

  private final IronOptions options;
  private final Cache<SealKey, Entry> cache;
  private final int minWeight;
  // Seals this cache's codec has just written (remember), direct-mapped by hash: a newer seal
  // replaces the one in its slot. Kept out of the Caffeine cache on purpose: a visitor whose every
  // request writes leaves one seal per request that is wanted once, by that visitor's next
  // request, and entering each into Caffeine cost more than the full open it saves (its
  // eviction work and the garbage collector copying entries that live for seconds).
  private final AtomicReferenceArray<Remembered> recent; // null: too small a cache for one
  private final long recentMaxBytes;
  private final long recentMaxEntryBytes;
  // Reserved before a seal enters the table and released after it leaves: never below the
  // estimated bytes of what the table holds, so checking it keeps the table within its share.
  private final AtomicLong recentBytes = new AtomicLong();
  private final AtomicInteger sweepHand = new AtomicInteger(); // next slot to clear for room

  private VerifiedSealCache(IronOptions options, int maxEntries, long maxBytes) {
    this.options = options;
    this.minWeight = (int) Math.min(Integer.MAX_VALUE, (maxBytes + maxEntries - 1) / maxEntries);
    int slots = Math.min(MAX_RECENT_SLOTS, Integer.highestOneBit(maxEntries / 8));
    long cacheBytes = maxBytes;
    if (slots >= MIN_RECENT_SLOTS) {
      this.recent = new AtomicReferenceArray<>(slots);
      this.recentMaxBytes = maxBytes / 8;
      this.recentMaxEntryBytes = recentMaxBytes / MIN_RECENT_SLOTS;
      // Caffeine holds at most cacheBytes / minWeight entries: with the table's share taken off,
      // that and the table's slots stay within maxEntries.
      cacheBytes = maxBytes - recentMaxBytes;
    } else {
      this.recent = null;
      this.recentMaxBytes = 0;
      this.recentMaxEntryBytes = 0;
    }
    this.cache = Caffeine.newBuilder()
        .maximumWeight(cacheBytes)
        .weigher((SealKey key, Entry entry) -> Math.max(minWeight, entry.estimatedBytes))
        // Eviction work on the calling thread: no async maintenance on the common pool.
        .executor(Runnable::run)
        .build();
  }

  /**
   * A cache for the codec with these options (its clock, local-time offset and skew judge expiry).
   * Use one cache per codec only.
   *
   * @throws IllegalArgumentException if a bound is not positive
   */
  static VerifiedSealCache create(IronOptions options, int maxEntries, long maxBytes) {
    Objects.requireNonNull(options, "options");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
    }
    return new VerifiedSealCache(options, maxEntries, maxBytes);
  }

  /**
   * Opens a cookie value through the cache: a hit is checked for expiry only; a miss is opened by
   * {@code verifier} (the codec's full open) and cached if it returns.
   *
   * @throws IronException as the verifier would, including EXPIRED for a cached seal whose time
   *     has passed
   */
  Unsealed open(String sealed, Function<String, Unsealed> verifier) {
    SealKey key = new SealKey(sealed);
    Entry hit = unexpired(key);
    if (hit != null) {
      return hit.opened;
    }
    Unsealed opened = verifier.apply(sealed); // throws for anything not verified
    cache.put(key, new Entry(opened, sealed));
    return opened;
  }

  /**
   * As {@link #open(String, Function)}, and keeps the payload {@code decoder} made of the text
   * beside the seal, so a hit skips the decoding too. The payload is shared by every caller that
   * sends this cookie; they must not modify it. A text the decoder refuses is decoded (and
   * refused) again on each hit: refusals are cheap and not worth an entry of their own.
   *
   * @throws IronException as the verifier would, or EXPIRED for a cached seal whose time has passed
   * @throws TrackerJson.Rejected when the decoder refuses the text
   */
  <T> SealCodec.Decoded<T> open(String sealed, Function<String, Unsealed> verifier,
      SealCodec.PayloadDecoder<T> decoder) throws TrackerJson.Rejected {
    Objects.requireNonNull(decoder, "decoder");
    SealKey key = new SealKey(sealed);
    Entry hit = unexpired(key);
    if (hit != null) {
      Payload kept = hit.payload;
      if (kept != null && kept.decoder == decoder && kept.decoded != null) {
        @SuppressWarnings("unchecked") // payloads made with this decoder hold its payload type
        SealCodec.Decoded<T> decoded = (SealCodec.Decoded<T>) kept.decoded;
        return decoded;
      }
      // The payload offered when the seal was written, if it still stands, else decoded; on the
      // entry in place: no second write to the cache. Racing requests may each do this; they
      // make equal payloads and one of them stays.
      @SuppressWarnings("unchecked") // offered with this decoder: of its payload type
      T offered = kept != null && kept.decoder == decoder ? (T) kept.offered.get() : null;
      T payload = offered != null ? offered : decoder.decode(hit.opened.text());
      SealCodec.Decoded<T> decoded = new SealCodec.Decoded<>(hit.opened, payload);
      hit.payload = new Payload(decoder, decoded, null);
      return decoded;
    }
    Unsealed opened = verifier.apply(sealed); // throws for anything not verified
    Entry entry = new Entry(opened, sealed);
    cache.put(key, entry);
    SealCodec.Decoded<T> decoded = new SealCodec.Decoded<>(opened, decoder.decode(opened.text()));
    entry.payload = new Payload(decoder, decoded, null);
    return decoded;
  }

  /**
   * Enters a seal the cache's own codec has just made ({@link IronCodec#sealDescribed}), so the
   * request that brings it back is a hit. It is valid by construction: made with the current
   * password, its MAC over exactly these parts. What {@code decoder} makes of its text is on offer:
   * the first open with that decoder asks {@code payload} for it, and decodes only if it gives null
   * (it cannot tell without decoding). Asked then rather than now, so a seal that never comes back
   * costs no check. What it gives is shared and read only, as any payload here. A null decoder or
   * supplier offers nothing: the payload is decoded on the first hit.
   */
  <T> void remember(String sealed, Unsealed opened, SealCodec.PayloadDecoder<T> decoder, Supplier<T> payload) {
    if (recent == null) {
      return;
    }
    Entry entry = new Entry(opened, sealed);
    if (decoder != null && payload != null) {
      entry.payload = new Payload(decoder, null, payload);
    }
    if (entry.estimatedBytes > recentMaxEntryBytes) {
      return; // too large a share of the table for one seal
    }
    SealKey key = new SealKey(sealed);
    int slot = slotOf(key);
    // The newest seal is the one most likely to come back next, so older seals make way for it:
    // the one in its slot, then, while the table is over its byte share, others from a rotating
    // hand. Without the hand, a table full of large seals would keep its old ones and refuse new.
    release(recent.getAndSet(slot, null));
    long reserved = recentBytes.addAndGet(entry.estimatedBytes);
    for (int swept = 0; reserved > recentMaxBytes && swept < recent.length(); swept++) {
      Remembered left = recent.getAndSet(sweepHand.getAndIncrement() & (recent.length() - 1), null);
      if (left != null) {
        reserved = recentBytes.addAndGet(-left.entry.estimatedBytes);
      }
    }
    if (reserved > recentMaxBytes || !recent.compareAndSet(slot, null, new Remembered(key, entry))) {
      recentBytes.addAndGet(-entry.estimatedBytes); // racing seals took the room, or the slot
    }
  }

  private void release(Remembered left) {
    if (left != null) {
      recentBytes.addAndGet(-left.entry.estimatedBytes);
    }
  }

  /** Whether {@link #remember} keeps anything: a cache bounded too small has no table for it. */
  boolean remembersSeals() {
    return recent != null;
  }

  private int slotOf(SealKey key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (recent.length() - 1);
  }

  /** The cached entry if it has not expired, else null; an expired one is dropped and refused. */
  private Entry unexpired(SealKey key) {
    Entry hit = cache.getIfPresent(key);
    Remembered remembered = null;
    if (hit == null && recent != null) {
      remembered = recent.get(slotOf(key));
      if (remembered == null || !remembered.key.equals(key)) {
        return null;
      }
      hit = remembered.entry;
    }
    if (hit != null && hit.expirationMillis != Entry.NO_EXPIRATION && expired(hit.expirationMillis)) {
      if (remembered != null) {
        if (recent.compareAndSet(slotOf(key), remembered, null)) {
          release(remembered);
        }
      } else {
        cache.invalidate(key);
      }
      throw new IronException(IronException.Reason.EXPIRED);
    }
    return hit;
  }

  /** The same test as {@link IronCodec#open}: the boundary itself counts as expired. */
  private boolean expired(long expirationMillis) {
    long now = options.clock().millis() + options.localtimeOffset().toMillis();
    return expirationMillis <= now - options.timestampSkew().toMillis();
  }

  /** Entries held now (after pending evictions); for tests and diagnostics. */
  long size() {
    cache.cleanUp();
    long remembered = 0;
    for (int i = 0; recent != null && i < recent.length(); i++) {
      remembered += recent.get(i) == null ? 0 : 1;
    }
    return cache.estimatedSize() + remembered;
  }

  /** The sum of entry weights, never above the byte bound; for tests and diagnostics. */
  long weightedBytes() {
    cache.cleanUp();
    long remembered = 0;
    for (int i = 0; recent != null && i < recent.length(); i++) {
      Remembered slot = recent.get(i);
      remembered += slot == null ? 0 : slot.entry.estimatedBytes;
    }
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow() + remembered;
  }

  @Override
  public String toString() {
    return "VerifiedSealCache[entries=" + cache.estimatedSize() + "]";
  }

  /**
   * The exact cookie string, hashed by its length and last {@value #HASHED_TAIL} chars. A cookie is
   * a new String on every request, so its hash is computed every time, and over the whole ~500
   * chars that was most of a cache hit under load. Every seal ends in its MAC (43 chars of
   * base64url HMAC output), which spreads the keys as well as the whole string would. Only seals
   * whose MAC verified are ever stored, so look-alike tails cannot crowd a bucket; equality is
   * always the whole string.
   */
  static final class SealKey {
    static final int HASHED_TAIL = 32;

    private final String seal;
    private final int hash;

    SealKey(String seal) {
      this.seal = Objects.requireNonNull(seal, "sealed");
      int h = seal.length();
      for (int i = Math.max(0, seal.length() - HASHED_TAIL); i < seal.length(); i++) {
        h = 31 * h + seal.charAt(i);
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SealKey && ((SealKey) other).seal.equals(seal);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "SealKey[" + seal.length() + " chars]"; // never the cookie itself
    }
  }

  /** A seal the codec wrote, in its slot of the table of recent ones. */
  private record Remembered(SealKey key, Entry entry) {}

  /**
   * What a decoder made of an entry's text (shared by every request with the cookie: read only), or
   * (decoded null) what was offered for it when the seal was written, not yet asked for.
   */
  private record Payload(Object decoder, SealCodec.Decoded<?> decoded, Supplier<?> offered) {}

  private static final class Entry {
    static final long NO_EXPIRATION = Long.MIN_VALUE;
    // A decoded payload (a parsed JSON tree) is estimated at this many bytes per char of its text:
    // the tree's nodes, map entries and strings; generous, so the byte bound errs low.
    static final int PAYLOAD_BYTES_PER_CHAR = 8;

    final Unsealed opened;
    final long expirationMillis;
    // Counts a payload from the start (Caffeine weighs an entry once, when it is put), so adding
    // one later never takes the cache past its byte bound.
    final int estimatedBytes;
    volatile Payload payload; // null until the first open with a decoder

    Entry(Unsealed opened, String sealed) {
      this.opened = opened;
      this.expirationMillis = opened.expiration().map(Instant::toEpochMilli).orElse(NO_EXPIRATION);
      // Strings of Latin-1 text take a byte per char on a compact-strings JVM; two is the bound.
      long bytes = ENTRY_OVERHEAD_BYTES + 2L * sealed.length() + 2L * opened.text().length()
          + 2L * opened.passwordId().length() + (long) PAYLOAD_BYTES_PER_CHAR * opened.text().length();
      this.estimatedBytes = (int) Math.min(Integer.MAX_VALUE, bytes);
    }
  }
}

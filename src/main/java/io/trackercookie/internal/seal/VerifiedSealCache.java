package io.trackercookie.internal.seal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.Unsealed;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Seals that one {@link IronCodec} has already opened, keyed by the exact cookie string, so a
 * visitor whose cookie does not change costs a map lookup instead of a PBKDF2 + HMAC + AES round.
 *
 * <ul>
 *   <li>Only what the codec's {@link IronCodec#open} returned (given to {@link #open} as {@code
 *       verifier}) enters: the MAC verified under the codec's passwords and the content decrypted.
 *       A tampered, foreign or malformed string never does. The one other way in is {@link
 *       #remember}: a seal the same codec has just made, with what opening it would give, so that
 *       the browser's next request, which brings that seal back, is a hit.
 *   <li>Seals written are held apart from seals read, in a small ring of the latest ones: most
 *       never come back (a visitor whose cookie changes on every request sends back only the
 *       newest), so writing one costs a slot in an array, not an insert into the cache and the
 *       eviction it triggers, and an old one is dropped by being overwritten, young. One that does
 *       come back while still in the ring is a hit; after that it is opened in full once and enters
 *       the cache as any seal read. A cache too small to spare the ring's room, or a seal too large
 *       for a slot, goes to the cache as before.
 *   <li>Expiry is checked again on every hit, with the codec's clock, local-time offset and skew,
 *       exactly as {@link IronCodec#open} checks it; an expired entry is dropped and refused.
 *   <li>One cache per codec: a codec's passwords never change, so new passwords mean a new codec
 *       and a new, empty cache. Nothing opened under the old password set is ever served under the
 *       new one.
 *   <li>Bounded in entries and in bytes, the ring and the Caffeine cache together. The ring's slots
 *       take their share of both bounds (each slot counts as a full entry and holds a seal whose
 *       estimate fits its bytes), and Caffeine gets the rest. Caffeine takes one weight bound, so
 *       each entry weighs at least {@code maxBytes / maxEntries}: the sum of weights stays under
 *       its bytes, which caps both the estimated bytes and the number of entries. Caffeine's policy
 *       decides what stays: a new entry is kept while it is among the most recent, and after that
 *       only if it is used more than what it would displace.
 *   <li>Beside a seal it may keep what a decoder made of its text (the parsed tracker), so a hit
 *       skips the parse too. That payload is shared by every request with the cookie: read only.
 * </ul>
 *
 * <p>Thread-safe. The key is the cookie value itself; it is never logged.
 */
public final class VerifiedSealCache {

  /** Told whether each lookup was a hit, for metrics; called on the request's thread. */
  @FunctionalInterface
  public interface LookupListener {
    /** Nobody listens. */
    LookupListener NONE = hit -> {};

    void lookedUp(boolean hit);
  }

  // Per entry beyond the two strings: Caffeine's node, the key, Unsealed and Entry objects, the
  // Optional/Instant and the map slot; a rough upper estimate, so the byte bound errs low.
  private static final int ENTRY_OVERHEAD_BYTES = 224;

  // The ring of seals written: at most this many slots, and none for a cache of fewer entries
  // than MIN_ENTRIES_FOR_RING. 64 covers the seals a busy node writes in the few milliseconds a
  // redirect or a script takes to bring one back.
  private static final int MAX_WRITTEN_SLOTS = 64;
  private static final int MIN_ENTRIES_FOR_RING = 32;

  private final IronOptions options;
  private final Cache<SealKey, Entry> cache;
  private final LookupListener lookups;
  private final AtomicReferenceArray<Entry> written; // null: written seals go to the cache
  private final AtomicInteger nextWritten = new AtomicInteger();
  private final long writtenSlotBytes; // the largest estimate a slot holds

  private VerifiedSealCache(
      IronOptions options, int maxEntries, long maxBytes, LookupListener lookups) {
    this.options = options;
    this.lookups = lookups;
    long minWeight = (maxBytes + maxEntries - 1) / maxEntries;
    int slots = writtenSlots(maxEntries);
    // The ring's room: a full entry's weight per slot (so the entry bound holds), or a 32nd of the
    // bytes if that is more (so a typical seal fits a slot); either way at most a 16th.
    long ringBytes = slots == 0 ? 0 : Math.max(slots * minWeight, maxBytes / 32);
    this.written = slots == 0 ? null : new AtomicReferenceArray<>(slots);
    this.writtenSlotBytes = slots == 0 ? 0 : ringBytes / slots;
    int entryWeight = (int) Math.min(Integer.MAX_VALUE, minWeight);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes - ringBytes)
            .weigher((SealKey key, Entry entry) -> Math.max(entryWeight, entry.estimatedBytes))
            // Eviction work on the calling thread: no async maintenance on the common pool.
            .executor(Runnable::run)
            .build();
  }

  /**
   * Slots for written seals: a power of two, a 16th of the entries at most; 0 for a small cache.
   */
  private static int writtenSlots(int maxEntries) {
    return maxEntries < MIN_ENTRIES_FOR_RING
        ? 0
        : Math.min(MAX_WRITTEN_SLOTS, Integer.highestOneBit(maxEntries / 16));
  }

  /**
   * A cache for the codec with these options (its clock, local-time offset and skew judge expiry),
   * telling {@code lookups} whether each lookup was a hit. Use one cache per codec only.
   *
   * @throws IllegalArgumentException if a bound is not positive
   */
  public static VerifiedSealCache create(
      IronOptions options, int maxEntries, long maxBytes, LookupListener lookups) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(lookups, "lookups");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
    }
    return new VerifiedSealCache(options, maxEntries, maxBytes, lookups);
  }

  /**
   * Opens a cookie value through the cache: a hit is checked for expiry only; a miss is opened by
   * {@code verifier} (the codec's full open) and cached if it returns.
   *
   * @throws IronException as the verifier would, including EXPIRED for a cached seal whose time has
   *     passed
   */
  Unsealed open(String sealed, Function<String, Unsealed> verifier) {
    SealKey key = new SealKey(sealed);
    Entry hit = unexpired(key);
    if (hit != null) {
      return hit.opened;
    }
    Unsealed opened = verifier.apply(sealed); // throws for anything not verified
    cache.put(key, new Entry(key, opened));
    return opened;
  }

  /**
   * As {@link #open(String, Function)}, and keeps the payload {@code decoder} made of the text
   * beside the seal, so a hit skips the decoding too. The payload is shared by every caller that
   * sends this cookie; they must not modify it. A text the decoder refuses is decoded (and refused)
   * again on each hit: refusals are cheap and not worth an entry of their own.
   *
   * @throws IronException as the verifier would, or EXPIRED for a cached seal whose time has passed
   * @throws TrackerJson.Rejected when the decoder refuses the text
   */
  <T> SealCodec.Decoded<T> open(
      String sealed, Function<String, Unsealed> verifier, SealCodec.PayloadDecoder<T> decoder)
      throws TrackerJson.Rejected {
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
    Entry entry = new Entry(key, opened);
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
   * supplier offers nothing: the payload is decoded on the first hit. It takes the ring's oldest
   * slot, or, with no ring or too large for a slot, enters the cache.
   */
  <T> void remember(
      String sealed, Unsealed opened, SealCodec.PayloadDecoder<T> decoder, Supplier<T> payload) {
    SealKey key = new SealKey(sealed);
    Entry entry = new Entry(key, opened);
    if (decoder != null && payload != null) {
      entry.payload = new Payload(decoder, null, payload);
    }
    if (written != null && entry.estimatedBytes <= writtenSlotBytes) {
      written.set(nextWritten.getAndIncrement() & (written.length() - 1), entry);
    } else {
      cache.put(key, entry);
    }
  }

  /**
   * The cached entry if it has not expired, else null; an expired one is dropped and refused. Tells
   * {@code lookups} a hit only for an entry that is served.
   */
  private Entry unexpired(SealKey key) {
    Entry hit = cache.getIfPresent(key);
    int slot = -1;
    if (hit == null && written != null) {
      slot = writtenSlot(key);
      hit = slot < 0 ? null : written.get(slot);
    }
    if (hit != null
        && hit.expirationMillis != Entry.NO_EXPIRATION
        && expired(hit.expirationMillis)) {
      if (slot >= 0) {
        written.compareAndSet(slot, hit, null);
      } else {
        cache.invalidate(key);
      }
      lookups.lookedUp(false);
      throw new IronException(IronException.Reason.EXPIRED);
    }
    lookups.lookedUp(hit != null);
    return hit;
  }

  /** The ring slot holding this seal, or -1; the hash first, so a scan costs a few loads. */
  private int writtenSlot(SealKey key) {
    for (int i = 0; i < written.length(); i++) {
      Entry entry = written.get(i);
      if (entry != null && entry.key.hash == key.hash && entry.key.seal.equals(key.seal)) {
        return i;
      }
    }
    return -1;
  }

  private int writtenHeld() {
    int held = 0;
    for (int i = 0; written != null && i < written.length(); i++) {
      held += written.get(i) == null ? 0 : 1;
    }
    return held;
  }

  /** The same test as {@link IronCodec#open}: the boundary itself counts as expired. */
  private boolean expired(long expirationMillis) {
    long now = options.clock().millis() + options.localtimeOffset().toMillis();
    return expirationMillis <= now - options.timestampSkew().toMillis();
  }

  /** Entries held now (after pending evictions), the ring's included; for tests and diagnostics. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize() + writtenHeld();
  }

  /**
   * The sum of entry weights, a ring slot held counting its full room; never above the byte bound.
   * For tests and diagnostics.
   */
  long weightedBytes() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow()
        + writtenHeld() * writtenSlotBytes;
  }

  @Override
  public String toString() {
    return "VerifiedSealCache[entries=" + (cache.estimatedSize() + writtenHeld()) + "]";
  }

  /**
   * The exact cookie string, hashed by its length and last {@value #HASHED_TAIL} chars. A cookie is
   * a new String on every request, so its hash is computed on every lookup: over a fixed tail, that
   * costs the same whatever the cookie's length. Every seal ends in its MAC (43 chars of base64url
   * HMAC output), which spreads the keys as well as the whole string would. Only seals whose MAC
   * verified are ever stored, so look-alike tails cannot crowd a bucket; equality is always the
   * whole string.
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
      return other instanceof SealKey key && key.seal.equals(seal);
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

    final SealKey key;
    final Unsealed opened;
    final long expirationMillis;
    // Counts a payload from the start (Caffeine weighs an entry once, when it is put), so adding
    // one later never takes the cache past its byte bound.
    final int estimatedBytes;
    volatile Payload payload; // null until the first open with a decoder

    Entry(SealKey key, Unsealed opened) {
      String sealed = key.seal;
      this.key = key;
      this.opened = opened;
      this.expirationMillis = opened.expiration().map(Instant::toEpochMilli).orElse(NO_EXPIRATION);
      // Strings of Latin-1 text take a byte per char on a compact-strings JVM; two is the bound.
      long bytes =
          ENTRY_OVERHEAD_BYTES
              + 2L * sealed.length()
              + 2L * opened.text().length()
              + 2L * opened.passwordId().length()
              + (long) PAYLOAD_BYTES_PER_CHAR * opened.text().length();
      this.estimatedBytes = (int) Math.min(Integer.MAX_VALUE, bytes);
    }
  }
}

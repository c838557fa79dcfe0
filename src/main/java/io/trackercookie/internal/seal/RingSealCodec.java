package io.trackercookie.internal.seal;

import io.trackercookie.PayloadFormat;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.Unsealed;
import io.trackercookie.keys.PasswordRing;
import io.trackercookie.payload.PayloadLayout;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link SealCodec} over a {@link PasswordRing} that may change (passwords reloaded from files) and
 * whose sealing password may change with time (a key schedule).
 *
 * <p>Each ring becomes an immutable snapshot, swapped in atomically: one iron codec per period of
 * its schedule, each with its own salts, all sharing one verified-seal cache (every period accepts
 * the same passwords, so a seal verified in one is verified in all). A request reads the snapshot
 * once and, when the ring has a schedule, the clock; nothing is derived per request. What a cached
 * seal says about being made with the current password is corrected for the period in force.
 */
public final class RingSealCodec implements SealCodec, Consumer<PasswordRing> {

  private final IronOptions options;
  private final boolean ironSession;
  private final int cacheEntries;
  private final long cacheBytes;
  private final Clock clock;
  private final VerifiedSealCache.LookupListener cacheLookups;
  private volatile Snapshot snapshot;

  /** A period of the schedule: from when, its passwords and the codec that seals with them. */
  private record Period(long fromMillis, IronPasswords passwords, IronSealCodec codec) {}

  /** One ring, ready to use; the array is never written after construction. */
  private static final class Snapshot {
    private final PasswordRing ring;
    private final Period[] periods;

    Snapshot(PasswordRing ring, Period[] periods) {
      this.ring = ring;
      this.periods = periods;
    }

    PasswordRing ring() {
      return ring;
    }

    Period[] periods() {
      return periods;
    }
  }

  /**
   * A codec for this ring; with {@code cacheEntries} above 0, each ring gets a verified-seal cache
   * of these bounds, whose lookups are told to {@code cacheLookups}.
   *
   * @throws IllegalArgumentException if the ring cannot seal now or does not suit the format
   */
  public RingSealCodec(
      PasswordRing ring,
      IronOptions options,
      PayloadFormat format,
      int cacheEntries,
      long cacheBytes,
      Clock clock,
      VerifiedSealCache.LookupListener cacheLookups) {
    this.options = options;
    this.ironSession = format == PayloadFormat.IRON_SESSION;
    this.cacheEntries = cacheEntries;
    this.cacheBytes = cacheBytes;
    this.clock = clock;
    this.cacheLookups = cacheLookups;
    this.snapshot = snapshot(ring);
  }

  /**
   * Puts a new ring in force; requests already under way finish with the one they started with.
   *
   * @throws IllegalArgumentException if the ring cannot seal now or does not suit the format
   * @throws IllegalStateException if the password sealing now has no place in the new ring
   */
  @Override
  public void accept(PasswordRing ring) {
    Objects.requireNonNull(ring, "ring");
    PasswordRing previous = snapshot.ring();
    String sealingNow = previous.sealingIdAt(clock.instant()).orElse(null);
    if (sealingNow != null && !ring.ids().contains(sealingNow)) {
      // Most likely a file caught mid-update; dropping the sealing password would also refuse every
      // cookie sealed since.
      throw new IllegalStateException(
          "password " + sealingNow + ", which seals now, has no file any more");
    }
    this.snapshot = snapshot(ring);
  }

  private Snapshot snapshot(PasswordRing ring) {
    Instant now = clock.instant();
    if (!ring.isSingle() && ring.sealingIdAt(now).isEmpty()) {
      throw new IllegalArgumentException(
          "no password seals yet: every one has a seal-from instant in the future");
    }
    VerifiedSealCache cache =
        cacheEntries == 0
            ? null
            : VerifiedSealCache.create(options, cacheEntries, cacheBytes, cacheLookups);
    List<PasswordRing.Period> periods = ring.periods();
    Period[] built = new Period[periods.size()];
    for (int i = 0; i < built.length; i++) {
      PasswordRing.Period period = periods.get(i);
      IronPasswords passwords = period.passwords();
      if (ironSession) {
        passwords = ironSessionPasswords(ring, passwords);
      }
      IronCodec codec = IronCodec.create(passwords, options);
      built[i] =
          new Period(
              period.from().equals(Instant.MIN) ? Long.MIN_VALUE : period.from().toEpochMilli(),
              passwords,
              new IronSealCodec(codec, cache));
    }
    return new Snapshot(ring, built);
  }

  /** iron-session looks every seal's password up by a numeric id. */
  private static IronPasswords ironSessionPasswords(PasswordRing ring, IronPasswords passwords) {
    if (ring.isSingle()) {
      throw new IllegalArgumentException(
          "iron-session reads numeric password ids only: use a password directory with files"
              + " named 1, 2, ...");
    }
    if (!PayloadLayout.IRON_SESSION.sealsWithPasswordId(passwords.currentId())) {
      throw new IllegalArgumentException(
          "iron-session reads numeric password ids only; the sealing id is not a number");
    }
    return passwords;
  }

  /** The period in force now: one volatile read, and a clock read only with a schedule. */
  private Period period() {
    Period[] periods = snapshot.periods();
    if (periods.length == 1) {
      return periods[0];
    }
    long now = clock.millis();
    for (int i = periods.length - 1; i > 0; i--) {
      if (periods[i].fromMillis() <= now) {
        return periods[i];
      }
    }
    return periods[0];
  }

  /** The passwords of the period in force now: the one that seals and those accepted. */
  public IronPasswords passwordsInForce() {
    return period().passwords();
  }

  /** Whether a seal with this id was made with the password that seals now. */
  public boolean isCurrent(String passwordId) {
    return period().passwords().isCurrent(passwordId);
  }

  @Override
  public String seal(String plaintext) {
    return period().codec().seal(plaintext);
  }

  @Override
  public String seal(String plaintext, Instant notAfter) {
    return period().codec().seal(plaintext, notAfter);
  }

  @Override
  public <T> String seal(
      String plaintext, Instant notAfter, PayloadDecoder<T> decoder, Supplier<T> payload) {
    return period().codec().seal(plaintext, notAfter, decoder, payload);
  }

  @Override
  public Unsealed open(String sealed) {
    Period period = period();
    return inPeriod(period.codec().open(sealed), period);
  }

  @Override
  public <T> Decoded<T> open(String sealed, PayloadDecoder<T> decoder) throws TrackerJson.Rejected {
    Period period = period();
    Decoded<T> decoded = period.codec().open(sealed, decoder);
    Unsealed unsealed = decoded.unsealed();
    return period.passwords().isCurrent(unsealed.passwordId())
            == unsealed.sealedWithCurrentPassword()
        ? decoded
        : new Decoded<>(inPeriod(unsealed, period), decoded.payload());
  }

  /** The cache may hold what a seal said in another period; currency is this period's. */
  private static Unsealed inPeriod(Unsealed unsealed, Period period) {
    boolean current = period.passwords().isCurrent(unsealed.passwordId());
    return current == unsealed.sealedWithCurrentPassword()
        ? unsealed
        : new Unsealed(unsealed.text(), unsealed.passwordId(), unsealed.expiration(), current);
  }

  /** The longest any period's seal may be, so a size checked now still holds in the next. */
  @Override
  public int sealedLength(int plaintextBytes) {
    int longest = 0;
    for (Period period : snapshot.periods()) {
      longest = Math.max(longest, period.codec().sealedLength(plaintextBytes));
    }
    return longest;
  }

  @Override
  public String toString() {
    return "RingSealCodec[" + snapshot.ring() + "]";
  }
}

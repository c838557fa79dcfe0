package io.trackercookie.keys;

import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Passwords with a key schedule: every password is accepted when opening, and each may carry a
 * "seal from" instant before which it is not used to seal. At any instant the password that seals
 * is the one with the latest seal-from instant not after it; a password added with {@link
 * Builder#current} seals from the start, one added with {@link Builder#accept} never seals.
 *
 * <p>So a fleet ships a new password to every node first, with a seal-from instant far enough ahead
 * for every node to have it; each node opens the new password's seals at once, and all start
 * sealing with it at the same moment (as far as their clocks agree).
 *
 * <pre>{@code
 * PasswordRing ring = PasswordRing.builder()
 *     .current("k1", IronSecret.password(oldPassword))
 *     .sealFrom("k2", IronSecret.password(newPassword), Instant.parse("2027-01-10T09:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} shows ids and instants, never a secret.
 */
public final class PasswordRing {

  /** The first instant a password may seal from: year 0000 begins (UTC). */
  static final Instant EARLIEST_SEAL_FROM = Instant.parse("0000-01-01T00:00:00Z");

  /** The last instant a password may seal from: year 9999 ends (UTC). */
  static final Instant LATEST_SEAL_FROM = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** What a message says of an instant outside them. */
  static final String SEAL_FROM_RANGE = "must fall in the years 0000 to 9999 (UTC)";

  /** A password, its id and from when it seals: {@link Instant#MIN} from the start, null never. */
  private record Entry(String id, IronSecret secret, @Nullable Instant sealFrom) {}

  private final @Nullable IronSecret single; // null for a keyring
  private final List<Entry> entries; // keyring: in the order added

  private PasswordRing(@Nullable IronSecret single, List<Entry> entries) {
    this.single = single;
    this.entries = entries;
  }

  /**
   * One password with no id, which seals and opens everything (as {@link IronPasswords#single}).
   */
  public static PasswordRing single(IronSecret secret) {
    return new PasswordRing(Objects.requireNonNull(secret, "secret"), List.of());
  }

  /** A builder for a ring of passwords with ids and seal-from instants. */
  public static Builder builder() {
    return new Builder();
  }

  /** True for {@link #single}: seals carry no password id. */
  public boolean isSingle() {
    return single != null;
  }

  /** The password ids, in the order added; empty for {@link #single}. */
  public Set<String> ids() {
    Map<String, Entry> byId = new LinkedHashMap<>();
    entries.forEach(entry -> byId.put(entry.id(), entry));
    return Collections.unmodifiableSet(byId.keySet());
  }

  /**
   * The id that seals at {@code instant}; empty for {@link #single}, and when every password that
   * may seal has a seal-from instant after it.
   */
  public Optional<String> sealingIdAt(Instant instant) {
    return sealerAt(instant).map(Entry::id);
  }

  private Optional<Entry> sealerAt(Instant instant) {
    Entry best = null;
    for (Entry entry : entries) {
      if (entry.sealFrom() != null
          && !entry.sealFrom().isAfter(instant)
          && (best == null || entry.sealFrom().isAfter(best.sealFrom()))) {
        best = entry;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Each period of the schedule: from when it starts (the first from {@link Instant#MIN}) and the
   * passwords in force then, the sealing one as current and all others accepted. One period for a
   * ring without a schedule.
   */
  public List<Period> periods() {
    if (single != null) {
      return List.of(new Period(Instant.MIN, IronPasswords.single(single)));
    }
    List<Entry> sealers = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.sealFrom() != null) {
        sealers.add(entry);
      }
    }
    sealers.sort(Comparator.comparing(Entry::sealFrom));
    List<Period> periods = new ArrayList<>(sealers.size());
    for (Entry sealer : sealers) {
      IronPasswords.Builder passwords =
          IronPasswords.builder().current(sealer.id(), sealer.secret());
      for (Entry entry : entries) {
        if (!entry.id().equals(sealer.id())) {
          passwords.accept(entry.id(), entry.secret());
        }
      }
      // Every sealer has a seal-from instant: that is what made it one.
      Instant from = periods.isEmpty() ? Instant.MIN : Objects.requireNonNull(sealer.sealFrom());
      periods.add(new Period(from, passwords.build()));
    }
    return List.copyOf(periods);
  }

  /**
   * A period of the schedule.
   *
   * @param from the first instant of the period ({@link Instant#MIN} for the first)
   * @param passwords the passwords then: the sealing one current, every other accepted
   */
  public record Period(Instant from, IronPasswords passwords) {}

  @Override
  public String toString() {
    if (single != null) {
      return "PasswordRing[single, redacted]";
    }
    StringBuilder text = new StringBuilder("PasswordRing[");
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      text.append(i == 0 ? "" : ", ").append(entry.id());
      if (entry.sealFrom() == null) {
        text.append(" accepted");
      } else if (!entry.sealFrom().equals(Instant.MIN)) {
        text.append(" seals from ").append(entry.sealFrom());
      }
    }
    return text.append(", redacted]").toString();
  }

  /** Whether a password may seal from this instant: one in the years 0000 to 9999 (UTC). */
  static boolean isSchedulable(Instant sealFrom) {
    return !sealFrom.isBefore(EARLIEST_SEAL_FROM) && !sealFrom.isAfter(LATEST_SEAL_FROM);
  }

  /** Builds a {@link PasswordRing}. Not thread-safe. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    /**
     * A password that seals from the start (until one with a later seal-from instant takes over).
     *
     * @throws IllegalArgumentException if the id is invalid or was already added
     */
    public Builder current(String id, IronSecret secret) {
      return add(id, secret, Instant.MIN);
    }

    /**
     * A password accepted when opening and used to seal from {@code sealFrom} on.
     *
     * @throws NullPointerException if {@code sealFrom} is null
     * @throws IllegalArgumentException if the id is invalid or was already added, or if {@code
     *     sealFrom} is outside the years 0000 to 9999 (UTC)
     */
    public Builder sealFrom(String id, IronSecret secret, Instant sealFrom) {
      Objects.requireNonNull(sealFrom, "sealFrom");
      if (!isSchedulable(sealFrom)) {
        // An Instant reaches the year 1000000000, which no millisecond clock can: such a ring
        // builds, then fails where the schedule is turned into milliseconds, at start-up or on
        // every reload after it.
        throw new IllegalArgumentException(
            "PasswordRing.Builder.sealFrom: the instant of password " + id + " " + SEAL_FROM_RANGE);
      }
      return add(id, secret, sealFrom);
    }

    /**
     * A password accepted when opening, never used to seal.
     *
     * @throws IllegalArgumentException if the id is invalid or was already added
     */
    public Builder accept(String id, IronSecret secret) {
      return add(id, secret, null);
    }

    private Builder add(String id, IronSecret secret, @Nullable Instant sealFrom) {
      if (!IronPasswords.isValidId(id)) {
        throw new IllegalArgumentException(
            "A password id must be letters, digits or underscores ([A-Za-z0-9_]+)");
      }
      Objects.requireNonNull(secret, "secret");
      for (Entry entry : entries) {
        if (entry.id().equals(id)) {
          throw new IllegalArgumentException("Password id " + id + " was already added");
        }
      }
      entries.add(new Entry(id, secret, sealFrom));
      return this;
    }

    /**
     * The ring.
     *
     * @throws IllegalStateException if no password may ever seal, or if two may seal from the same
     *     instant (two without a seal-from instant, say), which would leave the sealing one
     *     undecided; the message names the ids
     */
    public PasswordRing build() {
      List<Entry> sealers = new ArrayList<>();
      for (Entry entry : entries) {
        if (entry.sealFrom() != null) {
          for (Entry other : sealers) {
            if (entry.sealFrom().equals(other.sealFrom())) {
              throw new IllegalStateException(
                  "Passwords "
                      + other.id()
                      + " and "
                      + entry.id()
                      + (entry.sealFrom().equals(Instant.MIN)
                          ? " both seal from the start: give the newer one a seal-from instant"
                          : " seal from the same instant"));
            }
          }
          sealers.add(entry);
        }
      }
      if (sealers.isEmpty()) {
        throw new IllegalStateException("No password may seal: every one is only accepted");
      }
      return new PasswordRing(null, List.copyOf(entries));
    }
  }
}

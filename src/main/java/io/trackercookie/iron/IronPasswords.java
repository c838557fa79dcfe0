package io.trackercookie.iron;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The passwords a codec seals with and accepts, the way iron takes its {@code password} argument.
 *
 * <ul>
 *   <li>{@link #single(IronSecret)}: one password, like iron given a plain string. Seals carry no
 *       password id, and an id found in a seal is ignored when opening it.
 *   <li>{@link #builder()}: a keyring of id → secret for rotation, like iron given a map. Seals
 *       carry the current id; opening one looks its id up, and a seal with no id is looked up as
 *       {@code "default"}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class IronPasswords {

  /** The id iron looks up for a seal that carries none. */
  public static final String DEFAULT_ID = "default";

  // iron's rule (its /^\w+$/): ASCII letters, digits and underscores, at least one.
  private static final Pattern PASSWORD_ID = Pattern.compile("[A-Za-z0-9_]+");

  private final IronSecret single; // null in keyring mode
  private final String currentId;
  private final Map<String, IronSecret> byId;

  private IronPasswords(IronSecret single, String currentId, Map<String, IronSecret> byId) {
    this.single = single;
    this.currentId = currentId;
    this.byId = byId;
  }

  /** One password for everything, with no id in the seals. */
  public static IronPasswords single(IronSecret secret) {
    return new IronPasswords(Objects.requireNonNull(secret, "secret"), "", Map.of());
  }

  /** One password string for everything, with no id in the seals. */
  public static IronPasswords single(String password) {
    return single(IronSecret.password(password));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The id written into new seals; empty for {@link #single} and when the current id is {@code
   * "default"} (which iron reads the same either way, and which keeps the seal readable by a Node
   * service configured with a plain string).
   */
  public String sealingId() {
    return DEFAULT_ID.equals(currentId) ? "" : currentId;
  }

  /** The configured current id, or empty for {@link #single}. */
  public String currentId() {
    return currentId;
  }

  /** The configured ids in keyring mode (empty for {@link #single}). */
  public Set<String> ids() {
    return Collections.unmodifiableSet(byId.keySet());
  }

  IronSecret sealingSecret() {
    return single != null ? single : byId.get(currentId);
  }

  /**
   * The secret for a seal's password id.
   *
   * @throws IronException with {@link IronException.Reason#UNKNOWN_PASSWORD_ID} if not configured
   */
  IronSecret secretFor(String sealPasswordId) {
    if (single != null) {
      return single;
    }
    IronSecret secret = byId.get(sealPasswordId.isEmpty() ? DEFAULT_ID : sealPasswordId);
    if (secret == null) {
      throw new IronException(IronException.Reason.UNKNOWN_PASSWORD_ID);
    }
    return secret;
  }

  /**
   * True when a seal with this id was made with the password new seals are made with: always for
   * {@link #single}, and for a keyring when the id is the current one (a seal with no id counts as
   * {@code "default"}). False means an accepted, older password opens it, so a caller may seal its
   * content again with the current one.
   */
  public boolean isCurrent(String sealPasswordId) {
    if (single != null) {
      return true;
    }
    String id = sealPasswordId.isEmpty() ? DEFAULT_ID : sealPasswordId;
    return id.equals(currentId);
  }

  /**
   * Keys for another use than sealing (a token the application hands out, say), one for each
   * password: HMAC-SHA256 keyed with the password's integrity half over {@code label}'s UTF-8. The
   * key of the password that seals comes first, then those of the other accepted ones in the order
   * they were added. The secrets themselves never leave; a distinct label gives keys unrelated to
   * the seals' and to each other's. Each call derives them afresh and hands out new arrays.
   */
  public List<byte[]> derivedKeys(String label) {
    byte[] labelUtf8 = Utf8.encode(Objects.requireNonNull(label, "label"));
    if (single != null) {
      return List.of(single.integrity().derivedKey(labelUtf8));
    }
    List<byte[]> keys = new ArrayList<>(byId.size());
    keys.add(byId.get(currentId).integrity().derivedKey(labelUtf8));
    for (Map.Entry<String, IronSecret> entry : byId.entrySet()) {
      if (!entry.getKey().equals(currentId)) {
        keys.add(entry.getValue().integrity().derivedKey(labelUtf8));
      }
    }
    return Collections.unmodifiableList(keys);
  }

  /**
   * Checks every secret against iron's length rule.
   *
   * @throws IllegalArgumentException naming the first secret that is too short by its id, and the
   *     minimum it misses; never the secret
   */
  void checkLengths(int minPasswordLength, IronAlgorithm algorithm) {
    String missed = single == null ? null : single.lengthRuleMissed(minPasswordLength, algorithm);
    if (missed != null) {
      throw new IllegalArgumentException("The password must be " + missed);
    }
    for (Map.Entry<String, IronSecret> entry : byId.entrySet()) {
      missed = entry.getValue().lengthRuleMissed(minPasswordLength, algorithm);
      if (missed != null) {
        throw new IllegalArgumentException(
            "The password for id " + entry.getKey() + " must be " + missed);
      }
    }
  }

  /**
   * True if {@code id} can name a password: one or more ASCII letters, digits or underscores,
   * iron's own rule ({@code /^\w+$/}). The one check of the rule for every caller.
   */
  public static boolean isValidId(String id) {
    return id != null && PASSWORD_ID.matcher(id).matches();
  }

  @Override
  public String toString() {
    return single != null
        ? "IronPasswords[single, redacted]"
        : "IronPasswords[current=" + currentId + ", ids=" + byId.keySet() + ", redacted]";
  }

  /** Builds a keyring. Not thread-safe; the built {@link IronPasswords} is. */
  public static final class Builder {
    private final Map<String, IronSecret> byId = new LinkedHashMap<>();
    private String currentId;

    private Builder() {}

    /**
     * The id and secret new seals are made with; also accepted when opening.
     *
     * @throws IllegalStateException if a current id was already set
     * @throws IllegalArgumentException if the id is not {@linkplain #isValidId valid} or was
     *     already added
     */
    public Builder current(String id, IronSecret secret) {
      if (currentId != null) {
        throw new IllegalStateException("The current password id was already set");
      }
      accept(id, secret);
      currentId = id;
      return this;
    }

    /** Same as {@code current(id, IronSecret.password(password))}. */
    public Builder current(String id, String password) {
      return current(id, IronSecret.password(password));
    }

    /**
     * An id and secret that are still accepted when opening a seal, but not used to make one.
     *
     * @throws IllegalArgumentException if the id is not {@linkplain #isValidId valid} or was
     *     already added
     */
    public Builder accept(String id, IronSecret secret) {
      if (!isValidId(id)) {
        // The id is not echoed: it failed the rule, so it may be anything.
        throw new IllegalArgumentException(
            "A password id must be letters, digits or underscores ([A-Za-z0-9_]+)");
      }
      Objects.requireNonNull(secret, "secret");
      if (byId.containsKey(id)) {
        throw new IllegalArgumentException("Password id " + id + " was already added");
      }
      byId.put(id, secret);
      return this;
    }

    /** Same as {@code accept(id, IronSecret.password(password))}. */
    public Builder accept(String id, String password) {
      return accept(id, IronSecret.password(password));
    }

    /**
     * The keyring.
     *
     * @throws IllegalStateException if no current id was set
     */
    public IronPasswords build() {
      if (currentId == null) {
        throw new IllegalStateException("A current password id is required to seal");
      }
      return new IronPasswords(
          null, currentId, Collections.unmodifiableMap(new LinkedHashMap<>(byId)));
    }
  }
}

package io.trackercookie;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How the tracker turns the application's values into JSON and back ({@link Tracker#put}, the typed
 * {@link Tracker#get(String, Class)}, {@link Tracker#as}, {@link TrackerValue}). Immutable.
 *
 * <p>By default the tracker's own mapper writes {@code java.time} values as ISO-8601 text (an
 * {@code Instant} as {@code "2026-12-07T19:00:00.000Z"}, exactly what Node's {@code JSON.stringify}
 * writes for a {@code Date} of whole milliseconds, with more digits only when the value has them; a
 * {@code LocalDate} as {@code "2026-12-07"}; a {@code Duration} as {@code "PT30M"}), and records
 * and beans as objects. Without {@link Builder#objectMapper}, an application {@code
 * ContextResolver<ObjectMapper>} registered with JAX-RS is used for the types it answers, as it is
 * configured.
 *
 * <p>Whatever the mapper, typed reads ignore keys the type does not have, since a tracker holds
 * keys from many parts of an application and a typed read wants only its own; {@link
 * Builder#strictReads} refuses them instead.
 */
public final class JsonOptions {

  private final @Nullable ObjectMapper objectMapper;
  private final boolean strictReads;

  private JsonOptions(Builder b) {
    this.objectMapper = b.objectMapper;
    this.strictReads = b.strictReads;
  }

  /** The defaults: the tracker's own mapper (or the application's resolver), forgiving reads. */
  public static JsonOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change one of them. */
  public Builder toBuilder() {
    Builder b = new Builder().strictReads(strictReads);
    b.objectMapper = objectMapper;
    return b;
  }

  /** The application's mapper for every value, if it gave one. */
  public Optional<ObjectMapper> objectMapper() {
    return Optional.ofNullable(objectMapper);
  }

  /** Whether a typed read refuses keys its type does not have; false by default. */
  public boolean strictReads() {
    return strictReads;
  }

  @Override
  public String toString() {
    return "json[mapper="
        + (objectMapper == null ? "default" : "application")
        + ", reads="
        + (strictReads ? "strict" : "forgiving")
        + "]";
  }

  /** Builds {@link JsonOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable ObjectMapper objectMapper;
    private boolean strictReads;

    private Builder() {}

    /**
     * The mapper the tracker writes and reads every value with, ahead of any {@code
     * ContextResolver<ObjectMapper>}; used as it is configured (it needs {@code
     * jackson-datatype-jsr310}'s module for {@code java.time} values), except that typed reads
     * ignore unknown keys unless {@link #strictReads}. The tracker never changes it.
     *
     * @throws NullPointerException if null
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.objectMapper = Objects.requireNonNull(mapper, "objectMapper");
      return this;
    }

    /**
     * Typed reads refuse a key their type does not have, with {@link UnknownTrackerKeyException} (a
     * 400 unless the application maps it), instead of ignoring it. Off by default.
     */
    public Builder strictReads(boolean strict) {
      this.strictReads = strict;
      return this;
    }

    /** The options. */
    public JsonOptions build() {
      return new JsonOptions(this);
    }
  }
}

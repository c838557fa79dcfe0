package io.trackercookie.internal.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;

/**
 * Writes an Instant as Node's {@code JSON.stringify} writes a Date ({@code
 * Date.prototype.toISOString}): UTC, with exactly three fraction digits, {@code
 * "2026-12-07T19:00:00.000Z"}. An Instant finer than a millisecond (Java's clock gives
 * microseconds) keeps its digits, {@code "2026-12-07T19:00:00.123456Z"}, so it reads back equal;
 * Node's {@code new Date(...)} reads both. Jackson's own serializer drops a zero fraction ({@code
 * "...:00Z"}), which Node reads too but never writes.
 */
final class NodeStyleInstantSerializer extends StdSerializer<Instant> {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter MILLISECONDS =
      new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  NodeStyleInstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
      throws IOException {
    generator.writeString(
        value.truncatedTo(ChronoUnit.MILLIS).equals(value)
            ? MILLISECONDS.format(value)
            : DateTimeFormatter.ISO_INSTANT.format(value));
  }
}

package io.trackercookie.payload;

import org.jspecify.annotations.Nullable;

/**
 * What {@link PayloadLayout#payloadIn} needs of a JSON parser: the library's request path passes
 * its Jackson trees, the command-line tool compact JSON text ({@link PayloadText}). The layout
 * rules stay in one place whatever the object model.
 *
 * @param <V> a parsed JSON value
 */
public interface JsonModel<V> {

  /**
   * One JSON value parsed from the text.
   *
   * @throws NotJsonException if the text is not one JSON value this model accepts
   */
  V parse(String text) throws NotJsonException;

  /**
   * The content of a JSON string value; null when the value is not a string, or is one this model
   * cannot hand on as text.
   */
  @Nullable String stringContent(V value);
}

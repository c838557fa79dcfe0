package io.trackercookie.internal.jaxrs;

/**
 * One place settings come from, beside the JAX-RS properties, system properties and environment
 * variables that {@link SettingSources} reads itself: a runtime's configuration, loaded by name
 * when present (MicroProfile Config).
 */
public interface SettingSource {

  /** The setting's value, or null when this source does not set it. */
  String value(String name);

  /** The names this source sets, for the misspelling warnings. */
  Iterable<String> names();
}

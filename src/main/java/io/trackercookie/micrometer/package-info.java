/**
 * Micrometer meters for the tracker cookie: {@link io.trackercookie.micrometer.TrackerMetrics}.
 * Micrometer is an optional dependency: only this package uses it, and only an application that
 * names {@code TrackerMetrics} loads it, so the rest of the library runs without Micrometer.
 */
@NullMarked
package io.trackercookie.micrometer;

import org.jspecify.annotations.NullMarked;

/**
 * Jersey 4 glue, loaded by {@link io.trackercookie.TrackerFeature} only when Jersey 4's HK2
 * integration is present: Jersey 4 moved the binder API that {@code io.trackercookie.jersey} uses
 * on Jersey 3.1, so this binding uses HK2's own API instead.
 */
@NullMarked
package io.trackercookie.hk2;

import org.jspecify.annotations.NullMarked;

/**
 * Apache CXF glue, loaded by {@link io.trackercookie.TrackerFeature} only when CXF is present: the
 * {@code ContextProvider}s that make {@code @Context Tracker} and {@code @Context Revocations}
 * injectable.
 */
@NullMarked
package io.trackercookie.cxf;

import org.jspecify.annotations.NullMarked;

/**
 * Apache CXF glue, loaded by {@link io.trackercookie.TrackerFeature} only when CXF is present: the
 * {@code ContextProvider} that makes {@code @Context Tracker} injectable.
 */
package io.trackercookie.cxf;

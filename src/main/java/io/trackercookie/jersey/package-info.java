/**
 * Jersey-only glue, loaded by {@link io.trackercookie.TrackerFeature} only when Jersey is present:
 * the binding that makes {@code @Context Tracker} injectable, and the listener that stops the
 * password files' watcher on shutdown. Jersey itself loads {@link
 * io.trackercookie.jersey.TrackerAutoDiscoverable} (through {@code META-INF/services}), which says
 * to register the feature when an application forgot it. Nothing else in the library imports {@code
 * org.glassfish}.
 */
@NullMarked
package io.trackercookie.jersey;

import org.jspecify.annotations.NullMarked;

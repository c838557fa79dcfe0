/**
 * RESTEasy glue, loaded by {@link io.trackercookie.TrackerFeature} only when RESTEasy is present:
 * the {@code ContextInjector} that makes {@code @Context Tracker} injectable.
 */
@NullMarked
package io.trackercookie.resteasy;

import org.jspecify.annotations.NullMarked;

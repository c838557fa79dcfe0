/**
 * Apache CXF glue, loaded by {@link io.trackercookie.TrackerFeature} only when CXF is present: the
 * {@code ContextProvider}s that make {@code @Context Tracker} and {@code @Context Revocations}
 * injectable, and, with sign-in on, the filter that shows a signed-in request's SecurityContext to
 * CXF's own {@code @RolesAllowed} check.
 */
@NullMarked
package io.trackercookie.cxf;

import org.jspecify.annotations.NullMarked;

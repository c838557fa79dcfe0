/**
 * CDI glue for Jakarta EE servers, found by CDI through {@code META-INF/services} and active only
 * where CDI and the servlet API are present: the request-scoped producer that makes {@code @Inject
 * Tracker} work.
 */
@NullMarked
package io.trackercookie.cdi;

import org.jspecify.annotations.NullMarked;

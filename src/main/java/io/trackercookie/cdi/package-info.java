/**
 * CDI glue, loaded only where CDI is present and needing no servlet API: the request-scoped
 * producer that makes {@code @Inject Tracker} and {@code @Inject Revocations} work, the holder it
 * reads, the JAX-RS filter that fills the holder from the request, and the portable extension that
 * adds the beans on runtimes that do not discover them through the jar's {@code beans.xml}.
 */
@NullMarked
package io.trackercookie.cdi;

import org.jspecify.annotations.NullMarked;

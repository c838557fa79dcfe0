/**
 * Not API; may change in any release. The filter pair ({@code TrackerRequestFilter} puts a lazy
 * per-request {@code RequestTracker} on the request, {@code TrackerResponseFilter} seals or
 * deletes), raw Cookie header parsing, Set-Cookie rendering, the wire JSON, the {@code
 * ParamConverterProvider}, and {@code SealCodec}, the seam in front of iron.
 */
package io.trackercookie.internal;

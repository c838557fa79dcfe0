/**
 * Where revoked seals and subjects' log-out epochs are kept: the {@link
 * io.trackercookie.revocation.RevocationStore} SPI, its failure {@link
 * io.trackercookie.revocation.RevocationStoreException}, and {@link
 * io.trackercookie.revocation.EmbeddedRevocationStore}, the in-process default for one node. The
 * Redis store for a fleet is in {@code io.trackercookie.redis}, loaded only when Lettuce is
 * present. Depends on {@code java.base} and Caffeine only.
 */
@NullMarked
package io.trackercookie.revocation;

import org.jspecify.annotations.NullMarked;

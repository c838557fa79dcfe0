/**
 * Revocation in Redis for a fleet: {@link io.trackercookie.redis.RedisRevocationStore}, through
 * Lettuce. Loaded by name only when revocation names a Redis URL; nothing else in the library
 * imports {@code io.lettuce}, and the application supplies Lettuce.
 */
@NullMarked
package io.trackercookie.redis;

import org.jspecify.annotations.NullMarked;

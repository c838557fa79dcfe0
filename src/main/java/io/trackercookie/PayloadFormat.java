package io.trackercookie;

/**
 * How the tracked object is put into the seal. Both forms are accepted on read; this chooses what
 * is written.
 */
public enum PayloadFormat {
  /**
   * As npm tracker-cookie writes: {@code Iron.seal(JSON.stringify(JSON.stringify(info)))}, so the
   * sealed text is a JSON string literal holding the object's JSON. Node services using
   * tracker-cookie read it. The default.
   */
  TRACKER_COOKIE,
  /** The object's JSON sealed as it stands, as {@code @hapi/cookie} writes. */
  PLAIN_JSON,
  /**
   * As iron-session 8 writes: the object's JSON sealed as it stands, with a numeric password id
   * ({@code 1} for a single password), a {@code ~2} suffix, a 14-day ttl unless another is set,
   * and the cookie's Max-Age 60 s below the ttl. Seals with {@code ~2} are read in every format.
   */
  IRON_SESSION
}

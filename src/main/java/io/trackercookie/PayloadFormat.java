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
  /** The object's JSON sealed as it stands, as {@code @hapi/cookie} and iron-session write. */
  PLAIN_JSON
}

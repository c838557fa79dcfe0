package io.trackercookie.internal;

import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.legacy.LegacySessionDecoder;

/**
 * Assembles a {@link TrackerEngine} from a {@link TrackerConfig}: the iron codec with the config's
 * ttl and clock, the verified-seal cache, the payload format, the cookie jar and the legacy reader.
 * The config checked every value when it was built, so assembling does not fail.
 */
public final class EngineFactory {

  private EngineFactory() {}

  /** The engine for this config. */
  public static TrackerEngine create(TrackerConfig config) {
    IronCodec codec = codec(config);
    Listeners listeners = new Listeners(config.listeners());
    SealCodec sealCodec =
        config.sealCacheMaxEntries() == 0
            ? new IronSealCodec(codec)
            : new IronSealCodec(
                codec,
                VerifiedSealCache.create(
                    codec.options(),
                    config.sealCacheMaxEntries(),
                    config.sealCacheMaxBytes(),
                    listeners));
    return create(config, sealCodec, listeners);
  }

  /**
   * The engine for this config with another codec behind the seam (tests count calls through it).
   */
  static TrackerEngine create(TrackerConfig config, SealCodec sealCodec) {
    return create(config, sealCodec, new Listeners(config.listeners()));
  }

  static TrackerEngine create(TrackerConfig config, SealCodec sealCodec, Listeners listeners) {
    LegacySessionDecoder legacyDecoder =
        config
            .legacySecret()
            .map(
                secret ->
                    LegacySessionDecoder.builder()
                        .secret(secret)
                        .timeout(config.legacyTimeout())
                        .clock(config.clock())
                        .build())
            .orElse(null);
    LegacyReader legacy =
        legacyDecoder == null
            ? null
            : new LegacyReader(legacyDecoder, config.legacyCookieName(), listeners);
    return new TrackerEngine(
        config,
        new CookieJar(config, legacy != null),
        new Sealer(sealCodec, SealFormat.of(config.payloadFormat())),
        legacy,
        new ResealPolicy(config),
        listeners);
  }

  /**
   * The iron codec that seals and opens this config's cookies: its passwords and iron options, with
   * the config's seal lifetime and clock, and room for every chunk when chunking is on.
   */
  public static IronCodec codec(TrackerConfig config) {
    IronOptions iron = config.ironOptions();
    IronOptions.Builder options = iron.toBuilder().clock(config.clock()).ttl(config.sealTtl());
    if (config.maxChunks() > 0) {
      // Room for every chunk's value; each cookie is still bounded by the header parser.
      options.maxSealLength(
          Math.max(iron.maxSealLength(), config.maxChunks() * CookieJar.MAX_SET_COOKIE_BYTES));
    }
    return IronCodec.create(config.passwords(), options.build());
  }
}

package io.trackercookie.internal;

import io.trackercookie.RevocationOptions;
import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.legacy.LegacySessionDecoder;
import io.trackercookie.revocation.EmbeddedRevocationStore;
import io.trackercookie.revocation.RevocationStore;

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
    return create(config, sealCodec, listeners, true);
  }

  /**
   * As {@link #create(TrackerConfig, SealCodec, Listeners)}; without revocation when {@code
   * revocation} is false, whatever the config says (the test kit reads what a response wrote, and
   * opens no store of its own).
   */
  static TrackerEngine create(
      TrackerConfig config, SealCodec sealCodec, Listeners listeners, boolean revocation) {
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
        listeners,
        revocation
            ? config.revocation().map(options -> revoker(config, options, listeners)).orElse(null)
            : null);
  }

  /** Revocation's request-path part, over the store the options name. */
  private static Revoker revoker(
      TrackerConfig config, RevocationOptions options, Listeners listeners) {
    return switch (options.storeKind()) {
      case EMBEDDED ->
          new Revoker(
              config,
              options,
              new EmbeddedRevocationStore(options.maxEntries(), config.clock()),
              true,
              listeners);
      case CUSTOM -> new Revoker(config, options, options.store().orElseThrow(), false, listeners);
      case REDIS -> new Revoker(config, options, redisStore(options), true, listeners);
    };
  }

  /** The Redis store, loaded by name: Lettuce is optional, and only this path needs it. */
  private static RevocationStore redisStore(RevocationOptions options) {
    try {
      return Class.forName(
              "io.trackercookie.redis.RedisRevocationStore",
              true,
              EngineFactory.class.getClassLoader())
          .asSubclass(RevocationStore.class)
          .getConstructor(RevocationOptions.class)
          .newInstance(options);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "The Redis revocation store could not be loaded: is io.lettuce:lettuce-core on the"
              + " class path?",
          e);
    }
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

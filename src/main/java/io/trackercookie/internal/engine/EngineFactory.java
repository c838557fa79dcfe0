package io.trackercookie.internal.engine;

import io.trackercookie.RevocationOptions;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.IronSealCodec;
import io.trackercookie.internal.seal.RingSealCodec;
import io.trackercookie.internal.seal.SealCodec;
import io.trackercookie.internal.seal.SealFormat;
import io.trackercookie.internal.seal.Sealer;
import io.trackercookie.internal.seal.VerifiedSealCache;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.keys.PasswordFiles;
import io.trackercookie.keys.PasswordRing;
import io.trackercookie.keys.PasswordSource;
import io.trackercookie.keys.PasswordWatcher;
import io.trackercookie.legacy.LegacySessionDecoder;
import io.trackercookie.revocation.EmbeddedRevocationStore;
import io.trackercookie.revocation.RevocationStore;
import java.util.function.Supplier;

/**
 * Assembles a {@link TrackerEngine} from a {@link TrackerConfig}: the iron codec with the config's
 * ttl and clock, the verified-seal cache, the payload format, the cookie jar and the legacy reader.
 * The config checked every value when it was built, so assembling does not fail.
 */
public final class EngineFactory {

  private EngineFactory() {}

  /** The engine for this config. */
  public static TrackerEngine create(TrackerConfig config) {
    if (config.passwordSource().ring().isPresent()) {
      return withRing(config);
    }
    IronCodec codec = codec(config);
    ListenerFanout listeners = new ListenerFanout(config.listeners());
    SealCodec sealCodec =
        config.sealCache().maxEntries() == 0
            ? new IronSealCodec(codec)
            : new IronSealCodec(
                codec,
                VerifiedSealCache.create(
                    codec.options(),
                    config.sealCache().maxEntries(),
                    config.sealCache().maxBytes(),
                    listeners::sealCacheLookup));
    return create(config, sealCodec, config::passwords, new ResealPolicy(config), listeners, true);
  }

  /**
   * The engine a test kit forges and reads cookies with: the application's codec (its ring, when it
   * has one), but no listeners (forged cookies are not the application's traffic), no seal cache,
   * no revocation store and no watcher of password files.
   */
  static TrackerEngine forTestKit(TrackerConfig config) {
    PasswordSource source = config.passwordSource();
    if (source.ring().isPresent()) {
      PasswordRing ring = source.ring().orElseThrow();
      if (source.files().isPresent()) {
        try {
          ring =
              source
                  .files()
                  .orElseThrow()
                  .read(PasswordSource.MIN_PASSWORD_LENGTH, source.allowWeakPassword());
        } catch (PasswordFiles.UnusableException e) {
          // The ring the config was built with, as the application starts with.
        }
      }
      RingSealCodec codec =
          new RingSealCodec(
              ring,
              config.sealOptions(),
              config.payloadFormat(),
              0,
              1,
              config.clock(),
              VerifiedSealCache.LookupListener.NONE);
      return create(
          config,
          codec,
          codec::passwordsInForce,
          new ResealPolicy(config, codec::isCurrent),
          ListenerFanout.NONE,
          false);
    }
    return create(
        config,
        new IronSealCodec(codec(config)),
        config::passwords,
        new ResealPolicy(config),
        ListenerFanout.NONE,
        false);
  }

  /**
   * The engine for a config whose passwords carry a schedule or come from files: a codec that asks
   * the ring in force for each seal, and, for files, a watcher that puts a changed ring in force.
   * The files are read again here, so a config built a while ago starts with what they hold now.
   */
  private static TrackerEngine withRing(TrackerConfig config) {
    ListenerFanout listeners = new ListenerFanout(config.listeners());
    PasswordSource source = config.passwordSource();
    PasswordRing ring = source.ring().orElseThrow();
    PasswordFiles files = source.files().orElse(null);
    String fingerprint = null;
    if (files != null) {
      fingerprint = files.fingerprint();
      try {
        ring = files.read(PasswordSource.MIN_PASSWORD_LENGTH, source.allowWeakPassword());
      } catch (PasswordFiles.UnusableException e) {
        fingerprint = ""; // the watcher reads them again, and warns, on its first polls
      }
    }
    RingSealCodec codec;
    try {
      codec = ringCodec(config, ring, listeners);
    } catch (IllegalArgumentException e) {
      // checked when it was built
      codec = ringCodec(config, source.ring().orElseThrow(), listeners);
      fingerprint = "";
    }
    TrackerEngine engine =
        create(
            config,
            codec,
            codec::passwordsInForce,
            new ResealPolicy(config, codec::isCurrent),
            listeners,
            true);
    if (files == null) {
      return engine;
    }
    return engine.watching(
        new PasswordWatcher(
            files,
            fingerprint,
            PasswordSource.MIN_PASSWORD_LENGTH,
            source.allowWeakPassword(),
            source.passwordPollInterval(),
            codec));
  }

  private static RingSealCodec ringCodec(
      TrackerConfig config, PasswordRing ring, ListenerFanout listeners) {
    return new RingSealCodec(
        ring,
        config.sealOptions(),
        config.payloadFormat(),
        config.sealCache().maxEntries(),
        config.sealCache().maxBytes(),
        config.clock(),
        listeners::sealCacheLookup);
  }

  /**
   * The engine over this codec and reseal policy, with CSRF tokens keyed by the passwords {@code
   * passwords} says are in force; without revocation when {@code revocation} is false, whatever the
   * config says.
   */
  private static TrackerEngine create(
      TrackerConfig config,
      SealCodec sealCodec,
      Supplier<IronPasswords> passwords,
      ResealPolicy resealPolicy,
      ListenerFanout listeners,
      boolean revocation) {
    LegacySessionDecoder legacyDecoder =
        config
            .legacy()
            .secret()
            .map(
                secret ->
                    LegacySessionDecoder.builder()
                        .secret(secret)
                        .timeout(config.legacy().timeout())
                        .clock(config.clock())
                        .build())
            .orElse(null);
    LegacyReader legacy =
        legacyDecoder == null
            ? null
            : new LegacyReader(legacyDecoder, config.legacy().cookieName(), listeners);
    return new TrackerEngine(
        config,
        new CookieJar(config, legacy != null),
        new Sealer(sealCodec, SealFormat.of(config.payloadFormat())),
        legacy,
        resealPolicy,
        listeners,
        revocation
            ? config.revocation().map(options -> revoker(config, options, listeners)).orElse(null)
            : null,
        new CsrfTokens(passwords));
  }

  /** Revocation's request-path part, over the store the options name. */
  private static Revoker revoker(
      TrackerConfig config, RevocationOptions options, ListenerFanout listeners) {
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

  /** The iron codec that seals and opens this config's cookies, with its seal options. */
  public static IronCodec codec(TrackerConfig config) {
    return IronCodec.create(config.passwords(), config.sealOptions());
  }
}

package io.trackercookie.internal.engine;

import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.SealCodec;
import io.trackercookie.internal.seal.SealFormat;
import io.trackercookie.internal.seal.Sealer;

/**
 * The one seam tests need in the engine: an engine for a config with another codec behind {@link
 * SealCodec} (one that counts its calls, or holds a cache the test inspects). Test code only, so
 * production's {@link EngineFactory} has no overload that only tests call.
 */
public final class TestEngines {

  private TestEngines() {}

  /**
   * The engine {@link EngineFactory#create} would make for this config, but sealing and opening
   * through {@code codec}. For configs without a password ring, legacy secret or revocation, which
   * the tests that use it do not set.
   *
   * @throws IllegalArgumentException if the config sets any of those
   */
  public static TrackerEngine withCodec(TrackerConfig config, SealCodec codec) {
    if (config.passwordSource().ring().isPresent()
        || config.legacy().secret().isPresent()
        || config.revocation().isPresent()) {
      throw new IllegalArgumentException(
          "TestEngines.withCodec assembles neither a ring, a legacy reader nor a revoker");
    }
    return new TrackerEngine(
        config,
        new CookieJar(config, false),
        new Sealer(codec, SealFormat.of(config.payloadFormat())),
        null,
        new ResealPolicy(config),
        new ListenerFanout(config.listeners()),
        null,
        new CsrfTokens(config::passwords));
  }
}

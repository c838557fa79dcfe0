package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerTestResource;
import io.trackercookie.internal.jaxrs.FeatureRegistration;
import io.trackercookie.internal.seal.IronSealCodec;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import jakarta.ws.rs.core.Feature;
import java.time.Clock;
import java.time.Duration;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * With rotation and sliding expiry on, a request that never reads the tracker still costs no crypto
 * unless the seal's own header (password id, expiration) says it is due for resealing.
 */
class LazyResealHttpTest {

  private static final String NAME = "persistent-information";

  private static TestServer server(TrackerConfig config, LazyOpeningHttpTest.CountingCodec codec) {
    Feature feature =
        context -> {
          FeatureRegistration.register(context, TestEngines.withCodec(config, codec));
          return true;
        };
    return new TestServer(() -> new ResourceConfig(TrackerTestResource.class).register(feature));
  }

  private static TrackerConfig sliding(Clock clock) {
    return TrackerConfig.builder()
        .passwords(
            IronPasswords.builder()
                .current("k2", TestConfigs.OTHER_PASSWORD)
                .accept("k1", TestConfigs.PASSWORD)
                .build())
        .slidingExpiry(Duration.ofHours(1))
        .clock(clock)
        .build();
  }

  @Test
  void unreadCookieNotYetDue_isNeverOpened_whileADueOneIsOpenedAndResealedOnce() {
    TrackerConfig early = sliding(TestConfigs.FIXED_CLOCK);
    LazyOpeningHttpTest.CountingCodec codec =
        new LazyOpeningHttpTest.CountingCodec(new IronSealCodec(EngineFactory.codec(early)));
    String value;
    try (TestServer server = server(early, codec)) {
      value = server.get("/put?k=a&v=b").cookieValue(NAME);
      codec.unseals.set(0);
      codec.seals.set(0);
      RawHttp.Response notDue = server.get("/nothing", "Cookie: " + NAME + "=" + value);
      assertNull(notDue.cookieValue(NAME));
      assertEquals(0, codec.unseals.get());
    }
    TrackerConfig later = sliding(Clock.offset(TestConfigs.FIXED_CLOCK, Duration.ofMinutes(40)));
    LazyOpeningHttpTest.CountingCodec laterCodec =
        new LazyOpeningHttpTest.CountingCodec(new IronSealCodec(EngineFactory.codec(later)));
    try (TestServer server = server(later, laterCodec)) {
      RawHttp.Response due = server.get("/nothing", "Cookie: " + NAME + "=" + value);
      assertNotNull(due.cookieValue(NAME));
      assertEquals(1, laterCodec.unseals.get());
      assertEquals(1, laterCodec.seals.get());
    }
  }

  @Test
  void unreadCookieFromAnAcceptedOlderKey_isOpenedAndResealedOnce() {
    TrackerConfig config = sliding(TestConfigs.FIXED_CLOCK);
    String old =
        IronCodec.create(
                IronPasswords.builder().current("k1", TestConfigs.PASSWORD).build(),
                IronOptions.builder()
                    .ttl(Duration.ofHours(1))
                    .clock(TestConfigs.FIXED_CLOCK)
                    .build())
            .seal("{\"a\":\"b\"}");
    LazyOpeningHttpTest.CountingCodec codec =
        new LazyOpeningHttpTest.CountingCodec(new IronSealCodec(EngineFactory.codec(config)));
    try (TestServer server = server(config, codec)) {
      RawHttp.Response response = server.get("/nothing", "Cookie: " + NAME + "=" + old);
      assertEquals("k2", SealParts.parse(response.cookieValue(NAME)).passwordId());
      assertEquals(1, codec.unseals.get());
      assertEquals(1, codec.seals.get());
    }
  }
}

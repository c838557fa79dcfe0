package io.trackercookie.internal.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.SealCacheOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.TrackerSettings;
import io.trackercookie.TrackerTestResource;
import io.trackercookie.internal.engine.EngineFactory;
import io.trackercookie.internal.engine.TestEngines;
import io.trackercookie.internal.jaxrs.FeatureRegistration;
import io.trackercookie.testkit.TestClock;
import jakarta.ws.rs.core.Feature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The verified-seal cache behind the real filters: what a visitor sees does not change. */
class SealCacheHttpTest {

  private static final String NAME = "persistent-information";

  @Test
  void cachedCookie_expiresOnTime_throughTheFilters() {
    TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05Z"));
    List<RejectionReason> reasons = new CopyOnWriteArrayList<>();
    TrackerConfig config =
        TestConfigs.builder()
            .clock(clock)
            .ttl(Duration.ofMinutes(10))
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    reasons.add(reason);
                  }
                })
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String cookie = server.get("/put?k=a&v=1").cookieValue(NAME);
      for (int i = 0;
          i < 3;
          i++) { // the seal entered the cache when /put wrote it: every read hits
        assertEquals("{\"a\":\"1\"}", server.get("/read", "Cookie: " + NAME + "=" + cookie).body());
      }
      // ttl 10 min + iron's 60 s skew: expired at 11 min, whether cached or not.
      clock.advance(Duration.ofMinutes(11));
      assertEquals("{}", server.get("/read", "Cookie: " + NAME + "=" + cookie).body());
      assertEquals(List.of(RejectionReason.EXPIRED), reasons);
    }
  }

  @Test
  void theCachedTree_isSharedByRequestsButNoRequestChangesIt() {
    try (TestServer server = new TestServer(() -> TestConfigs.app(TestConfigs.builder().build()))) {
      // tracker-cookie's format: the JSON of the object, as a JSON string.
      String cookie = TestConfigs.seal(TestConfigs.PASSWORD, "\"{\\\"a\\\":{\\\"x\\\":1}}\"");
      String header = "Cookie: " + NAME + "=" + cookie;
      String original = "{\"a\":{\"x\":1}}";
      assertEquals(original, server.get("/read", header).body()); // fills the cache

      // Each request changes its own tracker in a way that, done to the shared tree, would leak
      // into the next request with the same cookie.
      assertEquals("{\"a\":\"2\"}", server.get("/put?k=a&v=2", header).body());
      assertEquals("{\"a\":{\"x\":1},\"b\":\"3\"}", server.get("/put?k=b&v=3", header).body());
      assertEquals("{\"x\":1}", server.get("/remove?k=a", header).body());
      assertEquals("{}", server.get("/clear", header).body());
      RawHttp.Response mutated = server.get("/tree/mutate", header);
      assertEquals(original, mutated.body(), "trees handed out are copies");
      assertNull(mutated.cookieValue(NAME), "changing a copy does not change the tracker");

      assertEquals(original, server.get("/read", header).body());
    }
  }

  @Test
  void withAndWithoutCache_aVisitorReadsTheSameTrackerAndTamperingIsRefused() {
    for (TrackerConfig config :
        List.of(TestConfigs.builder().build(), TestConfigs.builder().noSealCache().build())) {
      try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
        String cookie = server.get("/put?k=a&v=1").cookieValue(NAME);
        String tampered =
            cookie.substring(0, cookie.length() - 1) + (cookie.endsWith("A") ? "B" : "A");
        for (int i = 0; i < 2; i++) {
          assertEquals(
              "{\"a\":\"1\"}", server.get("/read", "Cookie: " + NAME + "=" + cookie).body());
          assertEquals("{}", server.get("/read", "Cookie: " + NAME + "=" + tampered).body());
        }
      }
    }
  }

  @Test
  void aSealTheResponseSet_isOpenedFromTheCacheWhenTheBrowserSendsItBack() {
    TrackerConfig config = TestConfigs.builder().build();
    VerifiedSealCache cache =
        VerifiedSealCache.create(
            EngineFactory.codec(config).options(),
            config.sealCache().maxEntries(),
            config.sealCache().maxBytes(),
            VerifiedSealCache.LookupListener.NONE);
    Feature feature =
        context -> {
          FeatureRegistration.register(
              context,
              TestEngines.withCodec(config, new IronSealCodec(EngineFactory.codec(config), cache)));
          return true;
        };
    try (TestServer server =
        new TestServer(() -> new ResourceConfig(TrackerTestResource.class).register(feature))) {
      String cookie = server.get("/put?k=a&v=1").cookieValue(NAME);
      assertEquals(1, cache.size(), "nothing was opened, yet the written seal is held");
      assertEquals("{\"a\":\"1\"}", server.get("/read", "Cookie: " + NAME + "=" + cookie).body());
      assertEquals(1, cache.size(), "a hit: a full open would have cached the seal a second time");

      // The browser's next request changes the tracker again, and the one after reads that seal.
      RawHttp.Response next = server.get("/put?k=b&v=2", "Cookie: " + NAME + "=" + cookie);
      assertEquals("{\"a\":\"1\",\"b\":\"2\"}", next.body());
      assertEquals(
          "{\"a\":\"1\",\"b\":\"2\"}",
          server.get("/read", "Cookie: " + NAME + "=" + next.cookieValue(NAME)).body());
    }
  }

  @Test
  void theBrowsersNextRequest_readsWhatAServerThatNeverSawTheSealReads() {
    try (TestServer writer = new TestServer(() -> TestConfigs.app(TestConfigs.builder().build()));
        TestServer stranger =
            new TestServer(() -> TestConfigs.app(TestConfigs.builder().noSealCache().build()))) {
      // The first tree parses back as itself (strings); the second does not (a small long reads
      // back as an int, a float as a double, a decimal's trailing zero is dropped).
      for (String write : List.of("/put?k=a&v=%C3%A9", "/numbers/put")) {
        String cookie = writer.get(write).cookieValue(NAME);
        String header = "Cookie: " + NAME + "=" + cookie;
        String expected = stranger.get("/types", header).body();
        assertTrue(expected.length() > 2, expected);
        assertEquals(
            expected, writer.get("/types", header).body(), "the written seal, back from " + write);
      }
      assertEquals(
          "{\"bigLong\":\"Long 1099511627776\",\"decimal\":\"Double 1.1\",\"double\":\"Double 0.25\","
              + "\"float\":\"Double 1.5\",\"int\":\"Integer 7\",\"short\":\"Integer 3\",\"smallLong\":\"Integer 5\"}",
          writer
              .get("/types", "Cookie: " + NAME + "=" + writer.get("/numbers/put").cookieValue(NAME))
              .body(),
          "as Node's JSON.parse would read them, whatever type was put");
    }
  }

  @Test
  void aTrackerKeptPastItsResponse_cannotChangeWhatItsSealReads() {
    try (TestServer server = new TestServer(() -> TestConfigs.app(TestConfigs.builder().build()))) {
      String cookie = server.get("/kept/put?v=1").cookieValue(NAME);
      assertEquals("{\"k\":\"2\"}", server.get("/kept/change?v=2").body());
      assertEquals(
          "{\"k\":\"1\"}",
          server.get("/read", "Cookie: " + NAME + "=" + cookie).body(),
          "the seal's tree, kept for this request, was handed over and is no longer the tracker's");
    }
  }

  @Test
  void theSmallestByteBound_stillHoldsASealAsLargeAsACookie() {
    List<Boolean> lookups = new CopyOnWriteArrayList<>();
    TrackerConfig config =
        TestConfigs.builder()
            .sealCache(1, SealCacheOptions.MIN_MAX_BYTES)
            .listener(
                new TrackerListener() {
                  @Override
                  public void sealCacheLookup(boolean hit) {
                    lookups.add(hit);
                  }
                })
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      // A tracker whose Set-Cookie line comes close to the 4096-byte limit.
      RawHttp.Response put = server.get("/put?k=a&v=" + "x".repeat(2_770));
      assertEquals(200, put.status());
      String line = put.setCookies().get(0);
      assertTrue(line.length() > 4_000 && line.length() <= 4_096, "length " + line.length());
      String header = "Cookie: " + NAME + "=" + put.cookieValue(NAME);
      for (int i = 0; i < 2; i++) {
        assertTrue(server.get("/read", header).body().startsWith("{\"a\":\"xxx"));
      }
      assertEquals(List.of(true, true), lookups, "both reads are hits");
    }
  }

  @Test
  void sealCacheSettings_areReadAndChecked() {
    TrackerConfig defaults = TestConfigs.fromSettings();
    assertEquals(SealCacheOptions.DEFAULT_MAX_ENTRIES, defaults.sealCache().maxEntries());
    assertEquals(SealCacheOptions.DEFAULT_MAX_BYTES, defaults.sealCache().maxBytes());

    TrackerConfig off = TestConfigs.fromSettings(TrackerSettings.SEAL_CACHE_MAX_ENTRIES, "0");
    assertEquals(0, off.sealCache().maxEntries());
    assertTrue(off.toString().contains("sealCache=off"), off.toString());

    TrackerConfig sized =
        TestConfigs.fromSettings(
            TrackerSettings.SEAL_CACHE_MAX_BYTES,
            "1048576",
            TrackerSettings.SEAL_CACHE_MAX_ENTRIES,
            "500");
    assertEquals(500, sized.sealCache().maxEntries());
    assertEquals(1_048_576, sized.sealCache().maxBytes());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestConfigs.fromSettings(TrackerSettings.SEAL_CACHE_MAX_ENTRIES, "-3"));
    assertTrue(e.getMessage().contains(TrackerSettings.SEAL_CACHE_MAX_ENTRIES), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TestConfigs.builder().sealCache(10, 0));
  }
}

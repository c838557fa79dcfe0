package io.trackercookie.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.revocation.RevocationResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The Micrometer meters, counted from real requests to a real server. */
class TrackerMetricsHttpTest {

  private static final String NAME = "persistent-information";
  private static final String OLD = TestConfigs.PASSWORD;
  private static final String NEW = TestConfigs.OTHER_PASSWORD;

  private static double count(MeterRegistry registry, String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String cookie(String value) {
    return "Cookie: " + NAME + "=" + value;
  }

  private static String tampered(String value) {
    return value.substring(0, value.length() - 2) + (value.endsWith("AA") ? "BB" : "AA");
  }

  @Test
  void openedCookies_areCountedByPasswordId_soTheOldIdStopsAppearingAfterRotation() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TrackerConfig oldCurrent =
        TrackerConfig.builder()
            .passwords(IronPasswords.builder().current("k1", OLD).build())
            .build();
    TrackerConfig newCurrent =
        TrackerConfig.builder()
            .passwords(IronPasswords.builder().current("k2", NEW).accept("k1", OLD).build())
            .listener(TrackerMetrics.registeredWith(registry))
            .build();
    String sealedWithOld;
    try (TestServer before = new TestServer(() -> TestConfigs.app(oldCurrent))) {
      sealedWithOld = before.get("/put?k=a&v=1").cookieValue(NAME);
    }
    try (TestServer server = new TestServer(() -> TestConfigs.app(newCurrent))) {
      RawHttp.Response first = server.get("/read", cookie(sealedWithOld));
      assertEquals("{\"a\":\"1\"}", first.body());
      assertEquals(1, count(registry, TrackerMetrics.OPENED, TrackerMetrics.PASSWORD_ID_TAG, "k1"));
      assertEquals(0, count(registry, TrackerMetrics.OPENED, TrackerMetrics.PASSWORD_ID_TAG, "k2"));

      // The response resealed it with k2: from then on only k2 appears.
      String resealed = first.cookieValue(NAME);
      assertNotNull(resealed);
      server.get("/read", cookie(resealed));
      server.get("/read", cookie(resealed));
      assertEquals(1, count(registry, TrackerMetrics.OPENED, TrackerMetrics.PASSWORD_ID_TAG, "k1"));
      assertEquals(2, count(registry, TrackerMetrics.OPENED, TrackerMetrics.PASSWORD_ID_TAG, "k2"));
    }
  }

  @Test
  void aSealWithoutAnId_isCountedUnderDefault() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TrackerConfig config =
        TestConfigs.builder().listener(TrackerMetrics.registeredWith(registry)).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String value = server.get("/put?k=a&v=1").cookieValue(NAME);
      server.get("/read", cookie(value));
    }
    assertEquals(
        1, count(registry, TrackerMetrics.OPENED, TrackerMetrics.PASSWORD_ID_TAG, "default"));
  }

  @Test
  void rejectedCookies_areCountedByReason_andEveryReasonStartsAtZero() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TrackerConfig config =
        TestConfigs.builder().listener(TrackerMetrics.registeredWith(registry)).build();
    for (RejectionReason reason : RejectionReason.values()) {
      assertNotNull(
          registry
              .find(TrackerMetrics.REJECTED)
              .tag(TrackerMetrics.REASON_TAG, reason.name())
              .counter(),
          reason + " is registered before any rejection");
    }
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String value = server.get("/put?k=a&v=1").cookieValue(NAME);
      RawHttp.Response response = server.get("/read", cookie(tampered(value)));
      assertEquals(200, response.status());
      assertEquals("{}", response.body());
      server.get("/read", cookie("not-a-seal"));
      server.get("/read", cookie(TestConfigs.seal(TestConfigs.PASSWORD, "[1]")));
    }
    assertEquals(1, count(registry, TrackerMetrics.REJECTED, TrackerMetrics.REASON_TAG, "BAD_MAC"));
    assertEquals(
        1, count(registry, TrackerMetrics.REJECTED, TrackerMetrics.REASON_TAG, "MALFORMED"));
    assertEquals(
        1, count(registry, TrackerMetrics.REJECTED, TrackerMetrics.REASON_TAG, "NOT_AN_OBJECT"));
    assertEquals(0, count(registry, TrackerMetrics.REJECTED, TrackerMetrics.REASON_TAG, "EXPIRED"));
  }

  @Test
  void sealedCookies_areCounted_withTheSizeOfTheirSetCookieLines() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TrackerConfig config =
        TestConfigs.builder().listener(TrackerMetrics.registeredWith(registry)).build();
    int setCookieBytes;
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response response = server.get("/put?k=a&v=1");
      assertEquals(1, response.setCookies().size());
      setCookieBytes = response.setCookies().get(0).length();
      server.get("/read", cookie(response.cookieValue(NAME))); // a read seals nothing
    }
    assertEquals(1, count(registry, TrackerMetrics.SEALED));
    DistributionSummary sizes = registry.find(TrackerMetrics.SET_COOKIE_SIZE).summary();
    assertNotNull(sizes);
    assertEquals(1, sizes.count());
    assertEquals(setCookieBytes, sizes.totalAmount());
  }

  @Test
  void sealCacheLookups_countAMissThenHits() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TrackerConfig config =
        TestConfigs.builder().listener(TrackerMetrics.registeredWith(registry)).build();
    // Sealed elsewhere, so this server's cache has never seen it.
    String foreign = TestConfigs.seal(TestConfigs.PASSWORD, "\"{\\\"a\\\":1}\"");
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      server.get("/read", cookie(foreign));
      server.get("/read", cookie(foreign));
      server.get("/read", cookie(foreign));
    }
    assertEquals(
        1, count(registry, TrackerMetrics.SEAL_CACHE_LOOKUPS, TrackerMetrics.RESULT_TAG, "miss"));
    assertEquals(
        2, count(registry, TrackerMetrics.SEAL_CACHE_LOOKUPS, TrackerMetrics.RESULT_TAG, "hit"));
  }

  @Test
  void settingsPlusOneLineOfCode_registerTheMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TrackerConfig config =
        TrackerSettings.read(
            java.util.Map.of(TrackerSettings.PASSWORD, TestConfigs.PASSWORD)::get,
            builder -> builder.listener(TrackerMetrics.registeredWith(registry)));
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      server.get("/read", cookie("not-a-seal"));
    }
    assertEquals(
        1, count(registry, TrackerMetrics.REJECTED, TrackerMetrics.REASON_TAG, "MALFORMED"));
  }

  @Test
  void revocations_areCountedByKind_andARevokedCookieIsARevokedRejection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TrackerConfig config =
        TestConfigs.builder()
            .revocation(RevocationOptions.builder().subjectKey("userId").build())
            .listener(TrackerMetrics.registeredWith(registry))
            .build();
    try (TestServer server =
        new TestServer(
            () ->
                new ResourceConfig(RevocationResource.class)
                    .register(new TrackerFeature(config)))) {
      String alice = cookie(server.get("/login?user=alice").cookieValue(NAME));
      assertEquals(200, server.get("/logout", alice).status());
      assertEquals(200, server.get("/read", alice).status()); // the copy is refused: REVOKED
      String bob = cookie(server.get("/login?user=bob").cookieValue(NAME));
      assertEquals(200, server.get("/logout-everywhere", bob).status());
    }
    assertEquals(1, count(registry, TrackerMetrics.REVOCATIONS, TrackerMetrics.KIND_TAG, "cookie"));
    assertEquals(
        1, count(registry, TrackerMetrics.REVOCATIONS, TrackerMetrics.KIND_TAG, "subject"));
    assertEquals(1, count(registry, TrackerMetrics.REJECTED, TrackerMetrics.REASON_TAG, "REVOKED"));
    assertNotNull(
        registry
            .find(TrackerMetrics.REJECTED)
            .tag(TrackerMetrics.REASON_TAG, "STORE_UNAVAILABLE")
            .counter(),
        "every reason the library knows has its series");
  }

  @Test
  void asAMeterBinder_itCountsFromTheMomentItIsBound() {
    TrackerMetrics metrics = new TrackerMetrics();
    TrackerConfig config = TestConfigs.builder().listener(metrics).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      assertEquals(200, server.get("/put?k=a&v=1").status()); // unbound: counts nothing, fails not
      metrics.bindTo(registry);
      server.get("/put?k=a&v=2");
    }
    assertEquals(1, count(registry, TrackerMetrics.SEALED));
  }

  /** A registry whose meters, once broken, throw on every use, and which refuses new meters. */
  private static final class BrokenRegistry extends SimpleMeterRegistry {
    volatile boolean broken;

    @Override
    protected Counter newCounter(Meter.Id id) {
      if (broken) {
        throw new IllegalStateException("registry down");
      }
      Counter real = super.newCounter(id);
      return new Counter() {
        @Override
        public void increment(double amount) {
          if (broken) {
            throw new IllegalStateException("meter down");
          }
          real.increment(amount);
        }

        @Override
        public double count() {
          return real.count();
        }

        @Override
        public Meter.Id getId() {
          return real.getId();
        }
      };
    }

    @Override
    protected DistributionSummary newDistributionSummary(
        Meter.Id id, DistributionStatisticConfig config, double scale) {
      if (broken) {
        throw new IllegalStateException("registry down");
      }
      return super.newDistributionSummary(id, config, scale);
    }
  }

  @Test
  void aRegistryThatThrows_neverMakesA500_norLosesTheTracker() {
    BrokenRegistry registry = new BrokenRegistry();
    TrackerConfig config =
        TrackerConfig.builder()
            .passwords(IronPasswords.builder().current("k2", NEW).accept("k1", OLD).build())
            .listener(TrackerMetrics.registeredWith(registry))
            .build();
    registry.broken = true;
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response put = server.get("/put?k=a&v=1"); // sealed: the counter throws
      assertEquals(200, put.status());
      String value = put.cookieValue(NAME);
      assertNotNull(value, "the tracker is still written");
      // Opened: registering the k2 counter throws; the cache lookup counter throws too.
      RawHttp.Response read = server.get("/read", cookie(value));
      assertEquals(200, read.status());
      assertEquals("{\"a\":\"1\"}", read.body());
      assertNull(read.cookieValue(NAME), "an unchanged tracker is not rewritten");
      RawHttp.Response change = server.get("/put?k=b&v=2", cookie(value));
      assertEquals(200, change.status());
      assertEquals("{\"a\":\"1\",\"b\":\"2\"}", change.body());
      assertNotNull(change.cookieValue(NAME));
      // Rejected: that counter throws; the visitor gets an empty tracker, not an error.
      RawHttp.Response rejected = server.get("/read", cookie(tampered(value)));
      assertEquals(200, rejected.status());
      assertEquals("{}", rejected.body());
    }
  }
}

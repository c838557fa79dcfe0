package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerTestResource;
import io.trackercookie.internal.cookie.CookieHeaderParser;
import io.trackercookie.internal.jaxrs.FeatureRegistration;
import io.trackercookie.internal.seal.IronSealCodec;
import io.trackercookie.internal.seal.SealCodec;
import io.trackercookie.iron.Unsealed;
import jakarta.ws.rs.core.Feature;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves, by counting calls through the codec seam, that nothing is opened unless read. */
class LazyOpeningHttpTest {

  private static final String NAME = "persistent-information";

  /** Counts every call that would do crypto. */
  static final class CountingCodec implements SealCodec {
    final AtomicInteger unseals = new AtomicInteger();
    final AtomicInteger seals = new AtomicInteger();
    private final SealCodec delegate;

    CountingCodec(SealCodec delegate) {
      this.delegate = delegate;
    }

    @Override
    public String seal(String plaintext) {
      seals.incrementAndGet();
      return delegate.seal(plaintext);
    }

    @Override
    public String seal(String plaintext, java.time.Instant notAfter) {
      seals.incrementAndGet();
      return delegate.seal(plaintext, notAfter);
    }

    @Override
    public Unsealed open(String sealed) {
      unseals.incrementAndGet();
      return delegate.open(sealed);
    }

    @Override
    public int sealedLength(int plaintextBytes) {
      return delegate.sealedLength(plaintextBytes);
    }
  }

  private static CountingCodec codec;
  private static TestServer server;
  private static String value;

  @BeforeAll
  static void start() {
    TrackerConfig config = TestConfigs.builder().build();
    codec = new CountingCodec(new IronSealCodec(EngineFactory.codec(config)));
    Feature feature =
        context -> {
          FeatureRegistration.register(context, TestEngines.withCodec(config, codec));
          return true;
        };
    server = new TestServer(() -> new ResourceConfig(TrackerTestResource.class).register(feature));
    value = server.get("/put?k=a&v=b").cookieValue(NAME);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void reset() {
    codec.unseals.set(0);
    codec.seals.set(0);
  }

  @Test
  void requestThatDoesNotReadTheTracker_opensNothing() {
    RawHttp.Response response = server.get("/nothing", "Cookie: " + NAME + "=" + value);
    assertEquals(200, response.status());
    assertEquals(0, codec.unseals.get());
    assertEquals(0, codec.seals.get());
  }

  @Test
  void manyCandidatesThatAreNotRead_costNothing() {
    String header = "Cookie: " + (NAME + "=" + value + "; ").repeat(20);
    server.get("/nothing", header);
    assertEquals(0, codec.unseals.get());
  }

  @Test
  void readingTheTracker_opensTheCookieOnce_andSealsNothing() {
    assertEquals("{\"a\":\"b\"}", server.get("/read", "Cookie: " + NAME + "=" + value).body());
    assertEquals(1, codec.unseals.get());
    assertEquals(0, codec.seals.get());
  }

  @Test
  void changingTheTracker_opensOnceAndSealsOnce() {
    server.get("/put-twice?v=/x", "Cookie: " + NAME + "=" + value);
    assertEquals(1, codec.unseals.get());
    assertEquals(1, codec.seals.get());
  }

  @Test
  void candidatesPastTheBound_areNeverOpened() {
    String header = "Cookie: " + (NAME + "=garbage; ").repeat(20) + NAME + "=" + value;
    assertEquals("{}", server.get("/read", header).body());
    assertEquals(CookieHeaderParser.MAX_CANDIDATES, codec.unseals.get());
  }
}

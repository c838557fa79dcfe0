package io.trackercookie.revocation;

import static io.trackercookie.revocation.EmbeddedRevocationHttpTest.cookieHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerFeature;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a request does when the store cannot answer or holds a foreign value, through an
 * application's own {@link RevocationStore} that the test switches off and on.
 */
class RevocationFaultsHttpTest {

  /** An embedded store that can be made unreachable, or to hold foreign values. */
  static final class SwitchableStore implements RevocationStore {
    final EmbeddedRevocationStore inner;
    volatile boolean down;
    volatile boolean foreign;

    SwitchableStore(TestClock clock) {
      inner = new EmbeddedRevocationStore(1000, clock);
    }

    @Override
    public void put(String key, long value, Instant expiresAt) {
      if (down) {
        throw RevocationStoreException.unavailable("down", null);
      }
      inner.put(key, value, expiresAt);
    }

    @Override
    public OptionalLong get(String key) {
      if (down) {
        throw RevocationStoreException.unavailable("down", null);
      }
      if (foreign) {
        throw RevocationStoreException.foreign();
      }
      return inner.get(key);
    }
  }

  private final TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05Z"));
  private final Recorder recorder = new Recorder();
  private final SwitchableStore store = new SwitchableStore(clock);
  private TestServer server;

  @AfterEach
  void stop() {
    server.close();
    recorder.close();
  }

  private void start(boolean failOpen) {
    TrackerFeature feature =
        new TrackerFeature(
            TestConfigs.builder()
                .ttl(Duration.ofDays(7))
                .clock(clock)
                .listener(recorder)
                .revocation(
                    RevocationOptions.builder()
                        .store(store)
                        .subjectKey("userId")
                        .failOpen(failOpen)
                        .build())
                .build());
    server = new TestServer(() -> new ResourceConfig(RevocationResource.class).register(feature));
  }

  @Test
  void failClosed_readsAsEmptyWithoutA500_leavesTheCookie_andWarnsOncePerOutage() {
    start(false);
    String alice = cookieHeader(server.get("/login?user=alice"));
    store.down = true;

    for (int i = 0; i < 5; i++) {
      RawHttp.Response read = server.get("/read", alice);
      assertEquals(200, read.status());
      assertEquals("{}", read.body());
      assertTrue(read.setCookies().isEmpty(), read.setCookies().toString());
      // A write in the outage is dropped rather than replace the cookie it could not check.
      RawHttp.Response write = server.get("/visit", alice);
      assertEquals(200, write.status());
      assertTrue(write.setCookies().isEmpty(), write.setCookies().toString());
    }
    assertEquals(10, recorder.rejections.size());
    assertTrue(recorder.rejections.stream().allMatch(r -> r == RejectionReason.STORE_UNAVAILABLE));
    assertEquals(1, recorder.warningsAbout("revocation store is unavailable").size());

    store.down = false; // recovery, no restart
    assertEquals("{\"userId\":\"alice\"}", server.get("/read", alice).body());

    store.down = true; // a second outage warns again, once
    server.get("/read", alice);
    server.get("/read", alice);
    assertEquals(2, recorder.warningsAbout("revocation store is unavailable").size());
  }

  @Test
  void failOpen_acceptsTheCookieUnchecked_andTellsTheListener() {
    start(true);
    String alice = cookieHeader(server.get("/login?user=alice"));
    store.down = true;

    assertEquals("{\"userId\":\"alice\"}", server.get("/read", alice).body());
    assertEquals("{\"userId\":\"alice\"}", server.get("/read", alice).body());
    assertEquals(2, recorder.unchecked.get());
    assertTrue(recorder.rejections.isEmpty(), recorder.rejections.toString());
    assertEquals(1, recorder.warningsAbout("fail-open").size());
  }

  @Test
  void logoutDuringAnOutage_stillDeletesTheCookie_andSaysItWasNotRecorded() {
    start(false);
    String alice = cookieHeader(server.get("/login?user=alice"));
    store.down = true;

    RawHttp.Response logout = server.get("/logout", alice);
    assertEquals(200, logout.status());
    assertEquals("{\"recorded\":false}", logout.body());
    assertTrue(logout.setCookies().get(0).contains("Max-Age=0"), logout.setCookies().toString());
  }

  @Test
  void aForeignValueUnderOurKey_isRefusedLikeABadCookie() {
    start(false);
    String alice = cookieHeader(server.get("/login?user=alice"));
    store.foreign = true;

    RawHttp.Response read = server.get("/read", alice);
    assertEquals(200, read.status());
    assertEquals("{}", read.body());
    assertEquals(java.util.List.of(RejectionReason.REVOKED), recorder.rejections);
  }
}

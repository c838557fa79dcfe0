package io.trackercookie.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.testkit.TestClock;
import io.trackercookie.testkit.TrackerTestKit;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.Test;

/**
 * README's test example, as README shows it, against README's resource {@link Visits}: a new user's
 * first test, with the test kit's own config (no environment variable needed). Jersey's JerseyTest
 * starts and stops its server around each JUnit 5 test by itself.
 */
class VisitsTest extends JerseyTest {
  static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  static final TrackerConfig CONFIG = TrackerTestKit.testConfig().clock(CLOCK).build();
  static final TrackerTestKit KIT = TrackerTestKit.of(CONFIG);

  @Test
  void me_readsTheUserFromTheCookie() {
    Response r =
        target("me").request().header("Cookie", KIT.cookieHeader(Map.of("user", "ada"))).get();
    assertEquals("you are ada", r.readEntity(String.class));
  }

  @Test
  void login_sealsTheUserIntoTheCookie() {
    Response r = target("login").queryParam("user", "ada").request().post(Entity.text(""));
    assertEquals(
        Map.of("user", "ada"), KIT.read(r.getStringHeaders().get("Set-Cookie")).orElseThrow());
  }

  @Override
  protected Application configure() {
    forceSet(TestProperties.CONTAINER_PORT, "0"); // other builds share this machine
    return new ResourceConfig(Visits.class).register(new TrackerFeature(CONFIG));
  }
}

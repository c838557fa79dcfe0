package io.trackercookie.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.demo.DemoApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code POST /logout}: a cookie captured before it reads as {@code {}} on {@code GET
 * /tracker}, on one demo with the embedded store, and on both of two demos sharing a Redis.
 */
class DemoLogoutHttpTest {

  private static final String NAME = "persistent-information";

  private static String post(TestServer server, String path, String cookie)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + path.substring(1)))
                    .header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static String capture(TestServer server) {
    RawHttp.Response hello = server.get("/hello");
    return NAME + "=" + hello.cookieValue(NAME);
  }

  @Test
  void postLogout_withTheDefaultEmbeddedStore_revokesTheCookieItCameWith() throws Exception {
    try (TestServer demo =
        new TestServer(() -> DemoApp.create(DemoApp.config(TestConfigs.PASSWORD)))) {
      String captured = capture(demo);
      assertEquals("{\"path\":\"/hello\"}", demo.get("/tracker", "Cookie: " + captured).body());

      String body = post(demo, "/logout", captured);
      assertTrue(body.contains("\"revoked\":true"), body);

      assertEquals("{}", demo.get("/tracker", "Cookie: " + captured).body());
    }
  }

  @Test
  void twoDemosSharingARedis_bothReadACookieLoggedOutOnOneAsEmpty() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      // What two demo processes started with REDIS_URL run.
      TrackerConfig shared = DemoApp.config(TestConfigs.PASSWORD, redis.url());
      try (TestServer first = new TestServer(() -> DemoApp.create(shared));
          TestServer second = new TestServer(() -> DemoApp.create(shared))) {
        String captured = capture(first);
        RedisFleetHttpTest.eventually(
            Duration.ofSeconds(5),
            "the second demo reads it",
            () -> second.get("/tracker", "Cookie: " + captured).body().contains("/hello"));

        assertTrue(post(first, "/logout", captured).contains("\"revoked\":true"));

        for (TestServer demo : new TestServer[] {first, second}) {
          RedisFleetHttpTest.eventually(
              Duration.ofSeconds(2),
              "the logged-out cookie reads as {}",
              () -> demo.get("/tracker", "Cookie: " + captured).body().equals("{}"));
        }
      }
    }
  }
}

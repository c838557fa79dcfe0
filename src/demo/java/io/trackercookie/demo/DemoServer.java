package io.trackercookie.demo;

import io.trackercookie.TrackerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Starts the demo on http://127.0.0.1:$PORT (default 8080): {@code mvn -q test-compile exec:java}.
 * The password comes from {@code TRACKER_PASSWORD}, or is drawn at random (cookies then do not
 * survive a restart); with {@code TRACKER_PASSWORD_DIR}, from a directory with one file per
 * password id, reloaded when the files change. With {@code REDIS_URL} (e.g. {@code
 * redis://127.0.0.1:6379}) revocations go to Redis, so two demos on two ports share them.
 */
public final class DemoServer {

  private DemoServer() {}

  public static void main(String[] args) throws Exception {
    int port = port(System.getenv("PORT"));
    String passwordDir = System.getenv("TRACKER_PASSWORD_DIR");
    String password = System.getenv("TRACKER_PASSWORD");
    if (passwordDir != null && !passwordDir.isBlank()) {
      password = null;
      System.out.println(
          "Passwords from the files in "
              + passwordDir
              + " (TRACKER_PASSWORD_DIR), reloaded when they change.");
    } else if (password == null || password.isEmpty()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      System.out.println(
          "WARNING: TRACKER_PASSWORD is not set; using a random password, so cookies"
              + " will not survive a restart. Set TRACKER_PASSWORD (32+ characters) to keep them.");
    }
    String redisUrl = System.getenv("REDIS_URL");
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    DemoMetrics metrics = new DemoMetrics();
    TrackerConfig config =
        password == null
            ? DemoApp.configFromPasswordDirectory(Path.of(passwordDir.trim()), redisUrl, metrics)
            : DemoApp.config(password, redisUrl, metrics);
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(base, DemoApp.create(config, metrics));
    System.out.println(
        "POST /logout revokes the cookie it came with; revocations are kept "
            + (redisUrl == null || redisUrl.isBlank()
                ? "in this process (set REDIS_URL to share them between demos)"
                : "in Redis (REDIS_URL), shared by every demo using it"));
    System.out.println(
        "Development mode: the cookie omits Secure on plain http to loopback hosts"
            + " (insecureLoopbackForDevelopment). Never enable it in production.");
    System.out.println(
        "tracker-cookie demo on "
            + base
            + "  (GET / clears, GET /<path> records,"
            + " GET /tracker shows, GET /metrics counts). Ctrl+C stops it.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  stopped.countDown();
                }));
    stopped.await();
  }

  static int port(String value) {
    if (value == null || value.isBlank()) {
      return 8080;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a number from 1 to 65535");
    }
  }
}

package io.trackercookie.demo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/**
 * Starts the demo on http://127.0.0.1:$PORT (default 8080): {@code mvn -q -Pdemo compile
 * exec:java}. It reads every {@code TRACKER_*} variable the no-arg {@code TrackerFeature} reads
 * (see {@link DemoSettings}): the password from {@code TRACKER_PASSWORD}, or from a directory of
 * password files with {@code TRACKER_PASSWORD_DIR}, or drawn at random; revocations for {@code POST
 * /logout} in this process, or in Redis at {@code REDIS_URL} (e.g. {@code redis://127.0.0.1:6379})
 * so that two demos on two ports share them. It prints the effective configuration, without
 * secrets, and every endpoint.
 */
public final class DemoServer {

  /** Every endpoint, as the start-up banner lists them. */
  static final List<String> ENDPOINTS =
      List.of(
          "GET  /                   clears the tracker",
          "GET  /<path>             records {\"path\": \"/<path>\"}",
          "GET  /tracker            shows the tracker as JSON, unchanged",
          "GET  /metrics            counts cookies opened, refused and sealed (Prometheus)",
          "POST /logout             signs out: revokes the cookie it came with",
          "GET  /login              the sign-in form",
          "POST /login              signs in the form's user (admin gets the role admin)",
          "GET  /me                 who is signed in: {\"user\": ...}, 401 when nobody is",
          "GET  /admin              needs the role admin: 403 without it",
          "POST /logout-everywhere  revokes every cookie of the signed-in user");

  private DemoServer() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> environment = System.getenv();
    int port = port(environment.get("PORT"));
    DemoSettings settings = DemoSettings.read(environment);
    settings.messages().forEach(System.out::println);
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(base, DemoApp.create(settings));
    System.out.println("tracker-cookie demo on " + base + " (Ctrl+C stops it):");
    ENDPOINTS.forEach(endpoint -> System.out.println("  " + endpoint));
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

  /** The listening port from {@code PORT}: 8080 when unset. */
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

package com.example.visits;

import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** Serves {@link VisitResource} on Grizzly; the password comes from TRACKER_PASSWORD. */
public final class Main {

  private Main() {}

  /** The application: the resource and the tracker, sealing with this password. */
  public static ResourceConfig application(String password) {
    TrackerConfig config = TrackerConfig.builder().password(password).build();
    return new ResourceConfig(VisitResource.class).register(new TrackerFeature(config));
  }

  /** Starts the server at base, e.g. http://127.0.0.1:8080/. */
  public static HttpServer start(URI base, String password) {
    return GrizzlyHttpServerFactory.createHttpServer(base, application(password));
  }

  public static void main(String[] args) throws InterruptedException {
    String password = System.getenv("TRACKER_PASSWORD"); // 32 characters or more
    if (password == null) {
      System.err.println("Set TRACKER_PASSWORD to a secret of 32 characters or more.");
      System.exit(2);
    }
    HttpServer server = start(URI.create("http://127.0.0.1:8080/"), password);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    System.out.println("Try: curl -i http://127.0.0.1:8080/visits");
    Thread.currentThread().join();
  }
}

package com.example.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VisitResourceTest {

  // Test data, not a secret.
  private static final String PASSWORD = "6pp5dz18ilOhsc7iZa5GUW2Y18rDMDY7Rb20zhyyYPM";

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() {
    server = Main.start(URI.create("http://127.0.0.1:0/"), PASSWORD);
    base = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/");
  }

  @AfterEach
  void stop() {
    server.shutdownNow();
  }

  @Test
  void theCookieCountsEachVisit() throws Exception {
    HttpResponse<String> first = get(null);
    assertEquals("visit 1", first.body());
    String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(setCookie.startsWith("persistent-information=Fe26.2*"), setCookie);

    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    assertEquals("visit 2", get(cookie).body());
  }

  private HttpResponse<String> get(String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("visits"));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package io.trackercookie.jersey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerFeature;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** The Jersey glue: a Tracker field in a singleton is a proxy to each request's own tracker. */
class JerseyInjectionHttpTest {

  private static final String NAME = "persistent-information";

  @Path("/singleton")
  @Singleton
  public static class SingletonResource {
    @Context Tracker tracker;

    @GET
    @Path("put")
    public String put(@QueryParam("v") String value) {
      tracker.put("v", value);
      return "ok";
    }

    @GET
    @Path("get")
    public String get() {
      return String.valueOf(tracker.get("v"));
    }
  }

  @Test
  void trackerFieldOfASingleton_resolvesToTheCurrentRequestsTracker() {
    ResourceConfig app =
        new ResourceConfig(SingletonResource.class)
            .register(new TrackerFeature(TestConfigs.builder().build()));
    try (TestServer server = new TestServer(() -> app)) {
      String one = server.get("/singleton/put?v=one").cookieValue(NAME);
      String two = server.get("/singleton/put?v=two").cookieValue(NAME);
      assertEquals("one", server.get("/singleton/get", "Cookie: " + NAME + "=" + one).body());
      assertEquals("two", server.get("/singleton/get", "Cookie: " + NAME + "=" + two).body());
      assertEquals("null", server.get("/singleton/get").body());
    }
  }
}

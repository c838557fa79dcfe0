package io.trackercookie.interop;

import static io.trackercookie.interop.NodeBridge.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RawHttp;
import io.trackercookie.SignInOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.signin.SignInResource;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.util.Iterator;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed-in cookie in Node: @hapi/iron, called as npm tracker-cookie calls it, opens it to the
 * documented object (the subject as a plain key, the sign-in in {@code $tracker}); and a Node
 * service's cookie, which has no sign-in, reads in Java as before and is not signed in. Skipped
 * without Node. The clock is the real one: Node's iron checks expirations against it.
 */
class SignedInCookieNodeInteropTest {

  private static final String NAME = "persistent-information";

  @RegisterExtension static final NodeScript<NodeBridge> NODE = NodeScript.bridge();

  private final TestClock clock = TestClock.startingNow();
  private TestServer server;

  @BeforeEach
  void start() {
    TrackerConfig config =
        TestConfigs.builder()
            .insecureLoopbackForDevelopment(true)
            .clock(clock)
            .slidingExpiry(Duration.ofMinutes(30))
            .signIn(SignInOptions.defaults())
            .build();
    server =
        new TestServer(
            () -> new ResourceConfig(SignInResource.class).register(new TrackerFeature(config)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void signedInCookie_opensInNode_toTheDocumentedObject() {
    RawHttp.Response response =
        server.get("/put?k=cart&v=3"); // a visitor's data before sign-in stays
    String cookie = response.cookieValue(NAME);
    RawHttp.Response signedIn =
        RawHttp.request(
            server.base(),
            "POST",
            "/signin?user=alice&remember=true",
            "Cookie: " + NAME + "=" + cookie);
    String sealed = signedIn.cookieValue(NAME);

    JsonNode result =
        NODE.get()
            .call(
                NODE.get()
                    .request("trackerUnseal")
                    .put("sealed", sealed)
                    .put("password", TestConfigs.PASSWORD))
            .orFail();
    assertTrue(result.get("parsed").asBoolean(), "tracker-cookie parses it");
    JsonNode info = result.get("info");
    assertEquals("3", info.get("cart").asText());
    assertEquals("alice", info.get("subject").asText());
    JsonNode metadata = info.get("$tracker");
    assertEquals(clock.instant().toEpochMilli(), metadata.get("signedInAt").longValue());
    assertTrue(metadata.get("persistent").asBoolean());
    assertTrue(metadata.get("csrf").isTextual());
    Iterator<String> keys = metadata.fieldNames();
    int count = 0;
    while (keys.hasNext()) {
      keys.next();
      count++;
    }
    assertEquals(3, count, "signedInAt, persistent and csrf, nothing else: " + metadata);
  }

  @Test
  void nodeServicesCookie_withASubjectButNoSignIn_readsAsBefore_andIsNotSignedIn() {
    ObjectNode info = JSON.createObjectNode().put("subject", "alice").put("visits", 3);
    ObjectNode request = NODE.get().request("trackerSeal").put("password", TestConfigs.PASSWORD);
    request.set("info", info);
    String sealed = NODE.get().call(request).orFail().get("sealed").asText();
    String cookie = "Cookie: " + NAME + "=" + sealed;
    assertEquals("{\"subject\":\"alice\",\"visits\":3}", server.get("/read", cookie).body());
    String me = server.get("/me", cookie).body();
    assertTrue(me.contains("\"signedIn\":false"), me);
    assertFalse(me.contains("alice"), me);
  }
}

package io.trackercookie.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerListener;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A {@link SignInResource} application on Grizzly, with its cookie jar: each call sends the cookie
 * the last response set, as a browser does. The rejections the listener heard are kept.
 */
final class SignInServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String NAME = "persistent-information";

  final List<RejectionReason> rejections = new CopyOnWriteArrayList<>();
  private final TestServer server;
  private final String name;
  private final Clock clock;
  String cookie; // the browser's cookie value; null: none

  SignInServer(TrackerConfig.Builder config) {
    this(config, NAME);
  }

  SignInServer(TrackerConfig.Builder config, String name) {
    this.name = name;
    TrackerConfig built =
        config
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    rejections.add(reason);
                  }
                })
            .build();
    this.clock = built.clock();
    ResourceConfig app =
        new ResourceConfig(SignInResource.class, SignInResource.MisuseMapper.class)
            .register(new TrackerFeature(built));
    if (built.signIn().isPresent()) {
      app.register(SignInResource.Recent.class).register(SignInResource.Account.class);
    }
    this.server = new TestServer(() -> app);
  }

  static TrackerConfig.Builder config() {
    return TestConfigs.builder().insecureLoopbackForDevelopment(true);
  }

  /** A request with the jar's cookie; the jar takes what the response sets. */
  RawHttp.Response call(String method, String path) {
    RawHttp.Response response =
        cookie == null
            ? RawHttp.request(server.base(), method, path)
            : RawHttp.request(server.base(), method, path, "Cookie: " + name + "=" + cookie);
    for (String line : response.setCookies()) {
      if (line.startsWith(name + "=")) {
        String value = response.cookieValue(name);
        cookie = line.contains("Max-Age=0;") ? null : value;
      }
    }
    return response;
  }

  URI base() {
    return server.base();
  }

  RawHttp.Response get(String path) {
    return call("GET", path);
  }

  RawHttp.Response post(String path) {
    return call("POST", path);
  }

  /** A request with this cookie value, leaving the jar alone. */
  RawHttp.Response getWith(String value, String path) {
    return RawHttp.get(server.base(), path, "Cookie: " + name + "=" + value);
  }

  RawHttp.Response postWith(String value, String path) {
    return RawHttp.request(server.base(), "POST", path, "Cookie: " + name + "=" + value);
  }

  /** The tracker cookie's Set-Cookie line of a response, or null. */
  String setCookieLine(RawHttp.Response response) {
    return response.setCookies().stream()
        .filter(line -> line.startsWith(name + "="))
        .findFirst()
        .orElse(null);
  }

  /** The plaintext of a seal this application wrote, opened on its clock. */
  String unseal(String value) {
    return IronCodec.create(
            IronPasswords.single(TestConfigs.PASSWORD), IronOptions.builder().clock(clock).build())
        .unseal(value);
  }

  /** A seal of this plaintext as another service with the same password makes it, on its clock. */
  String sealForeign(String plaintext) {
    return IronCodec.create(
            IronPasswords.single(TestConfigs.PASSWORD), IronOptions.builder().clock(clock).build())
        .seal(plaintext);
  }

  /** The tracker object in a seal's text, of tracker-cookie's format (a JSON string of JSON). */
  static JsonNode trackerObject(String sealedText) {
    try {
      return JSON.readTree(JSON.readTree(sealedText).textValue());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not tracker-cookie's JSON string of JSON", e);
    }
  }

  /** A seal's expiration, read from its header. */
  static Instant expirationOf(String value) {
    return Instant.ofEpochMilli(Long.parseLong(SealParts.parse(value).expiration()));
  }

  @Override
  public void close() {
    server.close();
  }
}

package io.trackercookie.testkit;

import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.internal.engine.TestKitGateway;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Forges and reads tracker cookies in an application's own tests, with the application's real
 * {@link TrackerConfig}: the same passwords, payload format, cookie name, chunking and clock.
 *
 * <pre>{@code
 * TrackerConfig config = TrackerTestKit.testConfig().clock(new TestClock(Instant.parse("2026-03-01T10:00:00Z"))).build();
 * TrackerTestKit kit = TrackerTestKit.of(config);
 * Response response = target("/visit").request()
 *     .header("Cookie", kit.cookieHeader(Map.of("visits", 41)))
 *     .get();
 * Map<String, Object> tracker = kit.read(response.getStringHeaders().get("Set-Cookie")).orElseThrow();
 * }</pre>
 *
 * <p>Its seals are made and opened as the application makes and opens them, but with none of the
 * config's listeners (forged cookies are not counted in the application's metrics) and without the
 * seal cache. Thread-safe. Its messages name rejection reasons, never a cookie's value.
 *
 * <p><b>Revocation.</b> A kit of the running application, {@link #of(TrackerFeature)}, checks every
 * cookie it reads against the application's revocation store when revocation is on, as the
 * application does: a revoked cookie reads as refused ({@code REVOKED}). A kit of a config alone,
 * {@link #of(TrackerConfig)}, checks only a store the config itself holds ({@code
 * RevocationOptions.Builder.store}); it never checks the embedded or the Redis store, which the
 * running application makes, so it reads a revoked cookie's content. {@link #checksRevocation()}
 * says which. The kit's cookies are sealed at the config clock's present: one forged at the very
 * instant of a {@code revokeAllFor} of its subject is revoked with the rest (a log-out revokes what
 * was sealed in its own millisecond), so move a {@link TestClock} on before forging a cookie meant
 * to outlive a log-out.
 */
public final class TrackerTestKit {

  /**
   * A password for tests only: random, 43 characters, so the weak-password check accepts it. It is
   * public in this jar, so a cookie sealed with it proves nothing: never use it outside tests.
   */
  public static final String TEST_PASSWORD = "3Gn_I5sLQojGM7F6_sVAGwYnKyp27ziAnlGvCv7ie6E";

  private final TestKitGateway gateway;

  private TrackerTestKit(TestKitGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * A config builder for tests: {@link #TEST_PASSWORD} and the defaults otherwise, so a test needs
   * no environment variable. Add a {@link TestClock} and the application's own options, then build
   * it once and give the same config to the application's {@code TrackerFeature} and to {@link
   * #of(TrackerConfig)}.
   */
  public static TrackerConfig.Builder testConfig() {
    return TrackerConfig.builder().password(TEST_PASSWORD);
  }

  /**
   * A kit for the application with this config. It checks revocation only against a store the
   * config holds itself, never the embedded or the Redis store: see {@link #of(TrackerFeature)}.
   *
   * @throws NullPointerException if null
   */
  public static TrackerTestKit of(TrackerConfig config) {
    return new TrackerTestKit(new TestKitGateway(Objects.requireNonNull(config, "config")));
  }

  /**
   * A kit for the running application of this feature: its config and, with revocation on, its
   * revocation store, so a cookie the application revoked reads as revoked here too.
   *
   * @throws NullPointerException if null
   * @throws IllegalStateException if revocation is on (or the feature reads its settings when the
   *     application starts) and the application has not started yet
   */
  public static TrackerTestKit of(TrackerFeature feature) {
    Objects.requireNonNull(feature, "feature");
    TrackerConfig config = feature.config();
    return new TrackerTestKit(
        config.revocation().isPresent()
            ? new TestKitGateway(config, feature.revocations())
            : new TestKitGateway(config));
  }

  /** Whether the cookies this kit reads are checked against the application's revocation store. */
  public boolean checksRevocation() {
    return gateway.checksRevocation();
  }

  /** The tracker cookie's name (with its {@code __Host-} prefix when the config sets one). */
  public String cookieName() {
    return gateway.cookieName();
  }

  /**
   * The value of a Cookie header that brings a tracker holding this content: {@code name=seal}, or
   * every chunk's {@code name.i=part} joined by {@code "; "} when the seal needs chunking. The seal
   * is made now, with the config's current password and clock, so a ttl counts from the config's
   * clock's present time.
   *
   * @param content a {@code Map<String, ?>} or any value Jackson writes as a JSON object (a record,
   *     a bean, an {@code ObjectNode})
   * @throws IllegalArgumentException if the content is not written as a JSON object or holds a key
   *     the tracker refuses ({@code __proto__})
   * @throws io.trackercookie.TrackerTooLargeException if it does not fit, as in the application
   */
  public String cookieHeader(Object content) {
    Objects.requireNonNull(content, "content");
    List<String> pairs = new ArrayList<>();
    for (String line : gateway.setCookieLines(content)) {
      int end = line.indexOf(';');
      pairs.add(end < 0 ? line : line.substring(0, end));
    }
    return String.join("; ", pairs);
  }

  /**
   * The tracker a response left in the browser, read from its Set-Cookie header values (as {@code
   * response.getStringHeaders().get("Set-Cookie")} gives them; a leading {@code Set-Cookie:} is
   * ignored; chunks are put back together; other cookies are ignored).
   *
   * @return empty when the response set no tracker cookie (the tracker was untouched or unchanged);
   *     an empty map when it deleted the tracker; else the content, as plain values (maps, lists,
   *     strings, numbers, booleans, null), in the order the tracker holds them
   * @throws IllegalStateException if the response set a tracker cookie that this config cannot
   *     open, naming the {@link io.trackercookie.RejectionReason}
   */
  public Optional<Map<String, Object>> read(Collection<String> setCookieHeaders) {
    String name = gateway.cookieName();
    List<String> pairs = new ArrayList<>();
    boolean deleted = false;
    if (setCookieHeaders != null) {
      for (String header : setCookieHeaders) {
        String line = withoutFieldName(header);
        int equals = line.indexOf('=');
        if (equals < 0) {
          continue;
        }
        String cookie = line.substring(0, equals).trim();
        if (!cookie.equals(name) && !isChunkOf(cookie, name)) {
          continue;
        }
        int end = line.indexOf(';', equals);
        String value = line.substring(equals + 1, end < 0 ? line.length() : end).trim();
        if (value.isEmpty() || isDeletion(line)) {
          deleted = true;
        } else {
          pairs.add(cookie + "=" + value);
        }
      }
    }
    if (pairs.isEmpty()) {
      return deleted ? Optional.of(Map.of()) : Optional.empty();
    }
    Object opened = gateway.open(List.of(String.join("; ", pairs)));
    if (opened instanceof TestKitGateway.Refused refused) {
      throw new IllegalStateException(
          "The response set a tracker cookie that this config does not open: " + refused.reason());
    }
    @SuppressWarnings("unchecked") // TestKitGateway.open gives a Map or a Refused
    Map<String, Object> content = (Map<String, Object>) opened;
    return Optional.of(content);
  }

  /**
   * The tracker in a Cookie header value, opened as the application would open it: empty when it
   * brings no tracker cookie or one that is refused (revoked included, when this kit {@linkplain
   * #checksRevocation() checks revocation}).
   */
  public Map<String, Object> readCookieHeader(String cookieHeader) {
    if (cookieHeader == null) {
      return Map.of();
    }
    Object opened = gateway.open(List.of(cookieHeader));
    if (opened instanceof TestKitGateway.Refused) {
      return Map.of();
    }
    @SuppressWarnings("unchecked") // TestKitGateway.open gives a Map or a Refused
    Map<String, Object> content = (Map<String, Object>) opened;
    return content;
  }

  private static String withoutFieldName(String header) {
    String trimmed = header.trim();
    String prefix = "set-cookie:";
    return trimmed.toLowerCase(Locale.ROOT).startsWith(prefix)
        ? trimmed.substring(prefix.length()).trim()
        : trimmed;
  }

  private static boolean isChunkOf(String cookie, String name) {
    if (!cookie.startsWith(name + ".")) {
      return false;
    }
    String index = cookie.substring(name.length() + 1);
    return !index.isEmpty() && index.length() <= 2 && index.chars().allMatch(Character::isDigit);
  }

  private static boolean isDeletion(String line) {
    for (String attribute : line.split(";", -1)) {
      if (attribute.trim().toLowerCase(Locale.ROOT).replace(" ", "").equals("max-age=0")) {
        return true;
      }
    }
    return false;
  }
}

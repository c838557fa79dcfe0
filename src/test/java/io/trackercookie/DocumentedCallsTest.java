package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.keys.PasswordRing;
import io.trackercookie.keys.PasswordSource;
import io.trackercookie.micrometer.TrackerMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The builder calls that docs/configuration.md and README.md show in their tables compile and
 * build: each is written out below beside its text (the environment's password falls back to a test
 * one), and a test checks that every call in those tables is one of them.
 */
class DocumentedCallsTest {

  private static final Pattern TABLE_CALL = Pattern.compile("`(\\.[A-Za-z]+\\([^`]*\\))`");

  private static final String newPassword = TestConfigs.OTHER_PASSWORD;
  private static final String oldPassword = TestConfigs.PASSWORD;
  private static final String legacySecret = "the cookie-sessions secret";
  private static final TrackerListener listener = new TrackerListener() {};
  private static final com.fasterxml.jackson.databind.ObjectMapper mapper =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static Path secrets;

  /** A stand-in for /run/secrets: a password directory and a password file. */
  private static synchronized Path secrets() {
    if (secrets == null) {
      try {
        secrets = Files.createTempDirectory("documented-calls");
        Files.createDirectories(secrets.resolve("tracker"));
        Files.writeString(secrets.resolve("tracker").resolve("k1"), oldPassword + "\n");
        Files.writeString(secrets.resolve("tracker-password"), oldPassword + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return secrets;
  }

  /** Each documented call, as text, and the same call as code. */
  private static Map<String, UnaryOperator<TrackerConfig.Builder>> calls() {
    Map<String, UnaryOperator<TrackerConfig.Builder>> calls = new LinkedHashMap<>();
    calls.put(
        ".password(System.getenv(\"TRACKER_PASSWORD\"))",
        b -> b.password(System.getenv().getOrDefault("TRACKER_PASSWORD", oldPassword)));
    calls.put(
        ".passwords(IronPasswords.builder().current(\"k2\", newPassword).accept(\"k1\","
            + " oldPassword).build())",
        b ->
            b.passwords(
                IronPasswords.builder()
                    .current("k2", newPassword)
                    .accept("k1", oldPassword)
                    .build()));
    calls.put(".cookieName(\"visit\")", b -> b.cookieName("visit"));
    calls.put(".maxAge(Duration.ofHours(1))", b -> b.maxAge(Duration.ofHours(1)));
    calls.put(".maxAge(Duration.ZERO)", b -> b.maxAge(Duration.ZERO));
    calls.put(".path(\"/app\")", b -> b.path("/app"));
    calls.put(".domain(\"example.com\")", b -> b.domain("example.com"));
    calls.put(".secure(false)", b -> b.secure(false));
    calls.put(".httpOnly(false)", b -> b.httpOnly(false));
    calls.put(
        ".sameSite(CookieSettings.SameSite.STRICT)",
        b -> b.sameSite(CookieSettings.SameSite.STRICT));
    calls.put(".partitioned(true)", b -> b.partitioned(true));
    calls.put(".hostPrefix(true)", b -> b.hostPrefix(true));
    calls.put(".ttl(Duration.ofDays(1))", b -> b.ttl(Duration.ofDays(1)));
    calls.put(".requestAttribute(\"visitTracker\")", b -> b.requestAttribute("visitTracker"));
    calls.put(
        ".payloadFormat(PayloadFormat.PLAIN_JSON)", b -> b.payloadFormat(PayloadFormat.PLAIN_JSON));
    calls.put(".insecureLoopbackForDevelopment(true)", b -> b.insecureLoopbackForDevelopment(true));
    calls.put(
        ".slidingExpiry(Duration.ofMinutes(30))", b -> b.slidingExpiry(Duration.ofMinutes(30)));
    calls.put(".reissueAfter(0.5)", b -> b.slidingExpiry(Duration.ofMinutes(30)).reissueAfter(0.5));
    calls.put(".legacySecret(legacySecret)", b -> b.legacySecret(legacySecret));
    calls.put(".legacyCookieName(\"_node\")", b -> b.legacyCookieName("_node"));
    calls.put(".legacyTimeout(Duration.ofHours(24))", b -> b.legacyTimeout(Duration.ofHours(24)));
    calls.put(".chunking()", b -> b.chunking());
    calls.put(".chunking(6)", b -> b.chunking(6));
    calls.put(".sealCache(10_000, 16_777_216)", b -> b.sealCache(10_000, 16_777_216));
    calls.put(".noSealCache()", b -> b.noSealCache());
    calls.put(".sealsNeverExpire()", b -> b.sealsNeverExpire());
    calls.put(".maxCookieHeaderBytes(8192)", b -> b.maxCookieHeaderBytes(8192));
    calls.put(
        ".cookie(CookieSettings.builder().name(\"visit\").maxAge(Duration.ofHours(1)).build())",
        b -> b.cookie(CookieSettings.builder().name("visit").maxAge(Duration.ofHours(1)).build()));
    calls.put(
        ".lifetimes(Lifetimes.builder().slidingExpiry(Duration.ofMinutes(30)).reissueAfter(0.25).build())",
        b ->
            b.lifetimes(
                Lifetimes.builder()
                    .slidingExpiry(Duration.ofMinutes(30))
                    .reissueAfter(0.25)
                    .build()));
    calls.put(
        ".cookieBudget(CookieBudget.builder().chunking(6).maxCookieHeaderBytes(16_384).build())",
        b ->
            b.cookieBudget(
                CookieBudget.builder().chunking(6).maxCookieHeaderBytes(16_384).build()));
    calls.put(".sealCache(SealCacheOptions.off())", b -> b.sealCache(SealCacheOptions.off()));
    calls.put(
        ".legacy(LegacyCookies.builder().secret(legacySecret).cookieName(\"_node\").build())",
        b -> b.legacy(LegacyCookies.builder().secret(legacySecret).cookieName("_node").build()));
    calls.put(
        ".passwordSource(PasswordSource.builder().passwordDirectory(Path.of(\"/run/secrets/tracker\")).build())",
        b ->
            b.passwordSource(
                PasswordSource.builder().passwordDirectory(secrets().resolve("tracker")).build()));
    calls.put(".listener(listener)", b -> b.listener(listener));
    calls.put(
        ".listener(TrackerMetrics.registeredWith(registry))",
        b -> b.listener(TrackerMetrics.registeredWith(new SimpleMeterRegistry())));
    calls.put(".diagnostics(true)", b -> b.diagnostics(true));
    calls.put(
        ".ironOptions(IronOptions.builder().saltReuse(1_000, Duration.ofSeconds(10)).build())",
        b -> b.ironOptions(IronOptions.builder().saltReuse(1_000, Duration.ofSeconds(10)).build()));
    calls.put(".clock(Clock.systemUTC())", b -> b.clock(Clock.systemUTC()));
    calls.put(
        ".json(JsonOptions.builder().objectMapper(mapper).strictReads(true).build())",
        b -> b.json(JsonOptions.builder().objectMapper(mapper).strictReads(true).build()));
    // The files' calls build from a temporary copy of the path the docs show.
    calls.put(
        ".passwordDirectory(Path.of(\"/run/secrets/tracker\"))",
        b -> b.passwordDirectory(secrets().resolve("tracker")));
    calls.put(
        ".passwordFile(Path.of(\"/run/secrets/tracker-password\"))",
        b -> b.passwordFile(secrets().resolve("tracker-password")));
    calls.put(
        ".passwordPollInterval(Duration.ofSeconds(5))",
        b ->
            b.passwordFile(secrets().resolve("tracker-password"))
                .passwordPollInterval(Duration.ofSeconds(5)));
    calls.put(".allowWeakPassword(true)", b -> b.allowWeakPassword(true));
    calls.put(
        ".passwordRing(PasswordRing.builder().current(\"k2\","
            + " IronSecret.password(newPassword)).accept(\"k1\","
            + " IronSecret.password(oldPassword)).build())",
        b ->
            b.passwordRing(
                PasswordRing.builder()
                    .current("k2", IronSecret.password(newPassword))
                    .accept("k1", IronSecret.password(oldPassword))
                    .build()));
    calls.put(
        ".revocation(RevocationOptions.embedded())",
        b -> b.revocation(RevocationOptions.embedded()));
    calls.put(
        ".revocation(RevocationOptions.builder().subjectKey(\"userId\").build())",
        b -> b.revocation(RevocationOptions.builder().subjectKey("userId").build()));
    calls.put(
        ".revocation(RevocationOptions.builder().failOpen(true).build())",
        b -> b.revocation(RevocationOptions.builder().failOpen(true).build()));
    calls.put(
        ".revocation(RevocationOptions.builder().maxEntries(50_000).build())",
        b -> b.revocation(RevocationOptions.builder().maxEntries(50_000).build()));
    calls.put(".signedInSessions()", TrackerConfig.Builder::signedInSessions);
    calls.put(".signIn(SignInOptions.defaults())", b -> b.signIn(SignInOptions.defaults()));
    calls.put(
        ".signIn(SignInOptions.builder().absoluteLifetime(Duration.ofHours(8)).build())",
        b -> b.signIn(SignInOptions.builder().absoluteLifetime(Duration.ofHours(8)).build()));
    calls.put(
        ".signIn(SignInOptions.builder().absoluteLifetime(Duration.ofDays(30))"
            + ".rememberFor(Duration.ofDays(7)).build())",
        b ->
            b.signIn(
                SignInOptions.builder()
                    .absoluteLifetime(Duration.ofDays(30))
                    .rememberFor(Duration.ofDays(7))
                    .build()));
    calls.put(
        ".signIn(SignInOptions.builder().subjectKey(\"userId\").build())",
        b -> b.signIn(SignInOptions.builder().subjectKey("userId").build()));
    calls.put(
        ".signIn(SignInOptions.builder().rolesKey(\"roles\").build())",
        b -> b.signIn(SignInOptions.builder().rolesKey("roles").build()));
    calls.put(".crossSite(CrossSiteProtection.on())", b -> b.crossSite(CrossSiteProtection.on()));
    calls.put(
        ".crossSite(CrossSiteProtection.builder().enabled(true).trustedOrigins(\"https://app.example.com\").build())",
        b ->
            b.crossSite(
                CrossSiteProtection.builder()
                    .enabled(true)
                    .trustedOrigins("https://app.example.com")
                    .build()));
    calls.put(
        ".crossSite(CrossSiteProtection.builder().enabled(true).requireToken(true).build())",
        b -> b.crossSite(CrossSiteProtection.builder().enabled(true).requireToken(true).build()));
    calls.put(".build()", b -> b);
    return calls;
  }

  @Test
  void everyDocumentedCall_buildsAConfig() {
    for (Map.Entry<String, UnaryOperator<TrackerConfig.Builder>> call : calls().entrySet()) {
      TrackerConfig config =
          call.getValue().apply(TrackerConfig.builder().password(oldPassword)).build();
      assertFalse(config.toString().isEmpty(), call.getKey());
    }
  }

  @Test
  void cookieAttributesOnTheConfigBuilder_areTheCookieSettings() {
    TrackerConfig config =
        TrackerConfig.builder()
            .password(oldPassword)
            .cookie(CookieSettings.builder().name("visit").path("/app").build())
            .maxAge(Duration.ofHours(1))
            .secure(false)
            .sameSite(CookieSettings.SameSite.STRICT)
            .build();
    assertEquals("visit", config.cookie().name(), "attributes start from .cookie(...)");
    assertEquals("/app", config.cookie().path());
    assertEquals(Duration.ofHours(1), config.cookie().maxAge());
    assertFalse(config.cookie().secure());
    assertEquals(CookieSettings.SameSite.STRICT, config.cookie().sameSite());

    TrackerConfig replaced =
        TrackerConfig.builder()
            .password(oldPassword)
            .maxAge(Duration.ofHours(1))
            .cookie(CookieSettings.defaults())
            .build();
    assertEquals(CookieSettings.DEFAULT_MAX_AGE, replaced.cookie().maxAge(), "cookie() replaces");
  }

  @Test
  void cookieAttributesThatBrowsersRefuseTogether_areRefusedAtBuild() {
    TrackerConfig.Builder builder =
        TrackerConfig.builder()
            .password(oldPassword)
            .secure(false)
            .sameSite(CookieSettings.SameSite.NONE);
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, builder::build);
    assertTrue(e.getMessage().contains("sameSite NONE requires secure"), e.getMessage());
  }

  @Test
  void everyCallInTheOptionsTables_isOneThisTestMakes() throws IOException {
    Set<String> known = calls().keySet();
    Set<String> undocumented = new TreeSet<>();
    int found = 0;
    for (String file : new String[] {"docs/configuration.md", "README.md"}) {
      for (String line : Files.readAllLines(Path.of(file))) {
        if (!line.startsWith("|")) {
          continue;
        }
        Matcher matcher = TABLE_CALL.matcher(line);
        while (matcher.find()) {
          found++;
          if (!known.contains(matcher.group(1))) {
            undocumented.add(file + ": " + matcher.group(1));
          }
        }
      }
    }
    assertTrue(found > 25, "the tables show their calls: " + found);
    assertTrue(undocumented.isEmpty(), "calls no test compiles: " + undocumented);
  }
}

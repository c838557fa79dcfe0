package io.trackercookie.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerSettings;
import io.trackercookie.TrackerTestResource;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** Start-up refuses weak passwords, naming the setting and the rule, never the value. */
class WeakPasswordStartupTest {

  private static final String IRON_TEST_PASSWORD =
      "some_not_random_password_that_is_also_long_enough";

  private static ResourceConfig propertyApp(Map<String, Object> properties) {
    return new ResourceConfig(TrackerTestResource.class)
        .register(TrackerFeature.class)
        .addProperties(properties);
  }

  private static String startupFailure(Map<String, Object> properties) {
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> new ApplicationHandler(propertyApp(properties)));
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static void assertRefused(String password, String rule) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfig.builder().password(password).build());
    String message = e.getMessage();
    assertTrue(message.contains("TRACKER_PASSWORD") && message.contains(rule), message);
    assertTrue(message.contains("TRACKER_ALLOW_WEAK_PASSWORD"), message);
    assertFalse(message.contains(password), message);
  }

  @Test
  void ironsTestPassword_isRefusedAsAPublishedSample() {
    assertRefused(IRON_TEST_PASSWORD, "published sample");
  }

  @Test
  void placeholders_areRefused_whateverTheirCaseAndSeparators() {
    assertRefused("please-CHANGE_ME-before-going-live-42", "placeholder");
    assertRefused("my-app-secret-that-is-long-enough-xyz", "placeholder");
    assertRefused("changeit.changeit.changeit.changeit.x", "placeholder");
  }

  @Test
  void oneRepeatedCharacter_orAShortRepeatedPattern_isRefused() {
    assertRefused("a".repeat(40), "too little variety");
    assertRefused("abcdefgh".repeat(5), "repeats a short pattern");
    assertRefused("0123456789abcdef0123456789abcdef0", "repeats a short pattern");
  }

  @Test
  void passwordsMadeOfGuessablePatterns_areRefused() {
    String rule = "guessable patterns";
    assertRefused("correct-horse-battery-staple-orange-tiger", rule);
    assertRefused("1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.", rule);
    assertRefused("Summer2024!Summer2024?Summer2024#", rule);
    assertRefused("d4rkn3ss_m0nst3r_dr4g0n_k1ll3r_99", rule);
    assertRefused("01/02/1990-15/08/1985-31.12.2000!x", rule);
    assertRefused("ｔｈｅｑｕｉｃｋｂｒｏｗｎｆｏｘｊｕｍｐｓｏｖｅｒｔｈｅｌａｚｙｄｏｇ", rule);
  }

  @Test
  void aPassphraseOfCommonWords_stopsARealServer_namingTheSetting_withoutTheValue() {
    assertServerRefuses("correct horse battery staple purple monkey");
  }

  @Test
  void aKeyboardWalk_stopsARealServer_namingTheSetting_withoutTheValue() {
    assertServerRefuses("!QAZ@WSX#EDC$RFV%TGB^YHN&UJM*IK<(OL>");
  }

  @Test
  void fullWidthLetters_stopTheNoArgFeature_asTheLettersTheyLookLike() {
    String password = "ｓｕｎｓｈｉｎｅｆｏｏｔｂａｌｌｍｏｎｋｅｙｄｒａｇｏｎｍａｓｔｅｒ";
    String message = startupFailure(Map.of(TrackerSettings.PASSWORD, password));
    assertTrue(
        message.contains("tracker.password") && message.contains("guessable patterns"), message);
    assertFalse(message.contains(password), message);
  }

  /** Starting a Grizzly server with this password fails, and says why without the password. */
  private static void assertServerRefuses(String password) {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              try (TestServer server =
                  new TestServer(() -> propertyApp(Map.of(TrackerSettings.PASSWORD, password)))) {
                server.get("/put?k=a&v=b");
              }
            });
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    assertTrue(
        message.contains("tracker.password") && message.contains("guessable patterns"), message);
    assertFalse(message.contains(password), message);
  }

  @Test
  void randomPasswords_likeKeygensOutput_areAccepted() {
    assertEquals(Optional.empty(), WeakPasswords.ruleBroken(TestConfigs.PASSWORD));
    assertEquals(Optional.empty(), WeakPasswords.ruleBroken(TestConfigs.OTHER_PASSWORD));
    java.security.SecureRandom random = new java.security.SecureRandom();
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      assertEquals(Optional.empty(), WeakPasswords.ruleBroken(password), "random password " + i);
    }
  }

  @Test
  void theSwitch_allowsWeakPasswords_inCodeAndAsASetting() throws Exception {
    TrackerConfig.builder().password(IRON_TEST_PASSWORD).allowWeakPassword(true).build();
    Map<String, Object> properties =
        Map.of(
            TrackerSettings.PASSWORD,
            IRON_TEST_PASSWORD,
            TrackerSettings.ALLOW_WEAK_PASSWORD,
            "true");
    try (TestServer server = new TestServer(() -> propertyApp(properties))) {
      RawHttp.Response response = server.get("/put?k=a&v=b");
      assertEquals(200, response.status());
      assertEquals(1, response.setCookies().size());
    }
  }

  @Test
  void aWeakPassword_stopsTheNoArgFeature_namingTheSetting_withoutTheValue() {
    String message = startupFailure(Map.of(TrackerSettings.PASSWORD, IRON_TEST_PASSWORD));
    assertTrue(message.contains("tracker.password") && message.contains("sample"), message);
    assertFalse(message.contains(IRON_TEST_PASSWORD), message);
  }

  @Test
  void aWeakAcceptedPassword_isRefusedUnderItsOwnSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrackerSettings.read(
                    Map.of(
                            TrackerSettings.PASSWORD,
                            TestConfigs.PASSWORD,
                            TrackerSettings.PASSWORD_ID,
                            "k2",
                            TrackerSettings.ACCEPTED_PASSWORD_IDS,
                            "k1",
                            TrackerSettings.ACCEPTED_PASSWORD_PREFIX + "k1",
                            "x".repeat(36))
                        ::get));
    assertTrue(
        e.getMessage().contains("TRACKER_PASSWORD_K1")
            && e.getMessage().contains("too little variety"),
        e.getMessage());
  }
}

package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cross-site protection's options: defaults, checks and settings. */
class CrossSiteProtectionTest {

  @Test
  void off_isTheDefault() {
    CrossSiteProtection defaults = TestConfigs.builder().build().crossSite();
    assertFalse(defaults.enabled());
    assertFalse(defaults.requireToken());
    assertTrue(defaults.trustedOrigins().isEmpty());
    assertEquals("crossSite=off", defaults.toString());
  }

  @Test
  void on_isOneCall() {
    CrossSiteProtection on =
        TestConfigs.builder().crossSite(CrossSiteProtection.on()).build().crossSite();
    assertTrue(on.enabled());
    assertFalse(on.requireToken());
  }

  @Test
  void trustedOrigins_areWrittenAsBrowsersSendThem() {
    CrossSiteProtection protection =
        CrossSiteProtection.builder()
            .enabled(true)
            .trustedOrigins("https://app.example.com", "http://localhost:8080", "http://[::1]:9000")
            .build();
    assertEquals(
        Set.of("https://app.example.com", "http://localhost:8080", "http://[::1]:9000"),
        protection.trustedOrigins());
    assertTrue(protection.trusts("https://app.example.com"));
    assertFalse(protection.trusts("https://APP.example.com"));
    assertFalse(protection.trusts(null));
  }

  @Test
  void anOriginNotWrittenAsBrowsersSendIt_isRefused_withoutEchoingIt() {
    for (String origin :
        List.of(
            "https://App.example",
            "https://app.example/",
            "https://app.example/path",
            "app.example",
            "https://app.example:443",
            "http://app.example:80",
            "https://app.example:0",
            "https://app.example:99999",
            "https://user@app.example",
            "null",
            "")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> CrossSiteProtection.builder().trustedOrigins(origin),
              origin);
      assertFalse(!origin.isEmpty() && e.getMessage().contains(origin), e.getMessage());
    }
  }

  @Test
  void trustedOriginsOrATokenWhileOff_isRefusedAtBuild() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> CrossSiteProtection.builder().requireToken(true).build());
    assertTrue(e.getMessage().contains("tracker.crossSite.enabled"), e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> CrossSiteProtection.builder().trustedOrigins("https://a.example").build());
  }

  @Test
  void settings_setEachOption() {
    TrackerConfig config =
        TestConfigs.fromSettings(
            TrackerSettings.CROSS_SITE_ENABLED,
            "true",
            TrackerSettings.CROSS_SITE_TRUSTED_ORIGINS,
            " https://a.example , http://localhost:8080 ",
            TrackerSettings.CROSS_SITE_REQUIRE_TOKEN,
            "true");
    assertTrue(config.crossSite().enabled());
    assertTrue(config.crossSite().requireToken());
    assertEquals(
        Set.of("https://a.example", "http://localhost:8080"), config.crossSite().trustedOrigins());
  }

  @Test
  void aBadSetting_namesTheSetting_notTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.fromSettings(
                    TrackerSettings.CROSS_SITE_ENABLED,
                    "true",
                    TrackerSettings.CROSS_SITE_TRUSTED_ORIGINS,
                    "https://Secret.example/"));
    assertTrue(e.getMessage().contains("TRACKER_CROSS_SITE_TRUSTED_ORIGINS"), e.getMessage());
    assertFalse(e.getMessage().contains("Secret"), e.getMessage());
  }

  @Test
  void aTokenSettingWhileOff_isRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> TestConfigs.fromSettings(TrackerSettings.CROSS_SITE_REQUIRE_TOKEN, "true"));
  }

  @Test
  void toBuilder_keepsEveryOption() {
    CrossSiteProtection protection =
        CrossSiteProtection.builder()
            .enabled(true)
            .trustedOrigins("https://a.example")
            .requireToken(true)
            .build();
    assertEquals(protection.toString(), protection.toBuilder().build().toString());
    assertEquals(
        "crossSite=on, trustedOrigins=[https://a.example], requireToken", protection.toString());
  }
}

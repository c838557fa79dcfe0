package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sign-in group: its setters' checks, its combination rule, the rules it shares with other
 * groups, its settings, and the preset.
 */
class SignInOptionsTest {

  @Test
  void defaults_areTwelveHours_rememberedForAsLong_underTheKeySubject() {
    SignInOptions options = SignInOptions.defaults();
    assertEquals(Duration.ofHours(12), options.absoluteLifetime());
    assertEquals(Duration.ofHours(12), options.rememberFor());
    assertEquals("subject", options.subjectKey());
  }

  @Test
  void lifetimes_mustBeWholeSecondsFromTwoMinutesTo400Days_namingTheSetting() {
    for (Duration wrong :
        new Duration[] {
          Duration.ofSeconds(119), Duration.ofDays(401), Duration.ofMillis(180_500), Duration.ZERO
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> SignInOptions.builder().absoluteLifetime(wrong));
      assertTrue(e.getMessage().startsWith("tracker.signIn.absoluteLifetime"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class, () -> SignInOptions.builder().rememberFor(wrong));
    }
    assertEquals(
        Duration.ofDays(400),
        SignInOptions.builder().absoluteLifetime(Duration.ofDays(400)).build().absoluteLifetime());
  }

  @Test
  void rememberFor_longerThanTheAbsoluteLifetime_isRefusedWhenBuilt() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                SignInOptions.builder()
                    .absoluteLifetime(Duration.ofHours(1))
                    .rememberFor(Duration.ofHours(2))
                    .build());
    assertTrue(e.getMessage().contains("tracker.signIn.rememberFor"), e.getMessage());
  }

  @Test
  void subjectKey_mustBeAKeyTheApplicationCanHold() {
    for (String wrong : new String[] {" ", "$tracker", "__proto__"}) {
      assertThrows(IllegalArgumentException.class, () -> SignInOptions.builder().subjectKey(wrong));
    }
    assertThrows(NullPointerException.class, () -> SignInOptions.builder().subjectKey(null));
  }

  @Test
  void signIn_withSealsThatNeverExpire_isRefused() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TestConfigs.builder().sealsNeverExpire().signIn(SignInOptions.defaults()).build());
    assertTrue(e.getMessage().contains("tracker.sealsNeverExpire"), e.getMessage());
  }

  @Test
  void revocationAndSignIn_namingDifferentSubjectKeys_areRefused_theSameKeyIsNot() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TestConfigs.builder()
                    .revocation(RevocationOptions.builder().subjectKey("userId").build())
                    .signIn(SignInOptions.defaults())
                    .build());
    assertTrue(e.getMessage().contains("tracker.signIn.subjectKey"), e.getMessage());
    TestConfigs.builder()
        .revocation(RevocationOptions.builder().subjectKey("userId").build())
        .signIn(SignInOptions.builder().subjectKey("userId").build())
        .build();
  }

  @Test
  void aRememberForLongerThanTheIdleLifetime_isIronsTtl_otherwiseTheLifetimesAre() {
    TrackerConfig remembered =
        TestConfigs.builder()
            .slidingExpiry(Duration.ofMinutes(30))
            .signIn(SignInOptions.defaults())
            .build();
    assertEquals(Duration.ofHours(12), remembered.sealTtl());
    assertEquals(Duration.ofMinutes(30), remembered.cookieMaxAge(), "for visitors not signed in");
    TrackerConfig shorter =
        TestConfigs.builder()
            .ttl(Duration.ofDays(1))
            .signIn(SignInOptions.builder().absoluteLifetime(Duration.ofHours(8)).build())
            .build();
    assertEquals(Duration.ofDays(1), shorter.sealTtl());
  }

  @Test
  void anySignInSetting_turnsSignInOn_withTheGroupsDefaultsForTheRest() {
    assertFalse(TestConfigs.fromSettings().signIn().isPresent());
    SignInOptions options =
        TestConfigs.fromSettings(TrackerSettings.SIGN_IN_SUBJECT_KEY, "userId")
            .signIn()
            .orElseThrow();
    assertEquals("userId", options.subjectKey());
    assertEquals(SignInOptions.DEFAULT_ABSOLUTE_LIFETIME, options.absoluteLifetime());
    SignInOptions set =
        TestConfigs.fromSettings(
                TrackerSettings.SIGN_IN_ABSOLUTE_LIFETIME,
                "P30D",
                TrackerSettings.SIGN_IN_REMEMBER_FOR,
                "P7D")
            .signIn()
            .orElseThrow();
    assertEquals(Duration.ofDays(30), set.absoluteLifetime());
    assertEquals(Duration.ofDays(7), set.rememberFor());
  }

  @Test
  void anInvalidSignInSetting_namesTheSettingNotTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.fromSettings(TrackerSettings.SIGN_IN_ABSOLUTE_LIFETIME, "PT1S-secret"));
    assertTrue(e.getMessage().contains("tracker.signIn.absoluteLifetime"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  // The preset.

  @Test
  void preset_inCode_setsEachDefault() {
    TrackerConfig config = TestConfigs.builder().signedInSessions().build();
    assertEquals(
        SignInOptions.DEFAULT_ABSOLUTE_LIFETIME, config.signIn().orElseThrow().absoluteLifetime());
    assertEquals(Duration.ofMinutes(30), config.lifetimes().slidingExpiry().orElseThrow());
    assertEquals(
        RevocationOptions.StoreKind.EMBEDDED, config.revocation().orElseThrow().storeKind());
    assertTrue(config.cookie().hostPrefix());
    assertTrue(config.cookie().secure());
    assertTrue(config.cookie().httpOnly());
    assertEquals(CookieSettings.SameSite.LAX, config.cookie().sameSite());
    assertTrue(config.crossSite().enabled());
    assertFalse(config.crossSite().requireToken(), "pages need not send the token");
  }

  @Test
  void preset_asASetting_setsTheSame() {
    TrackerConfig code = TestConfigs.builder().signedInSessions().build();
    TrackerConfig settings = TestConfigs.fromSettings(TrackerSettings.PRESET, "signed-in-sessions");
    assertEquals(code.toString(), settings.toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> TestConfigs.fromSettings(TrackerSettings.PRESET, "signed-in"));
    assertFalse(TestConfigs.fromSettings(TrackerSettings.PRESET, "none").signIn().isPresent());
  }

  @Test
  void preset_leavesHostPrefixOff_inDevelopment_whateverTheOrder() {
    assertFalse(
        TestConfigs.builder()
            .signedInSessions()
            .insecureLoopbackForDevelopment(true)
            .build()
            .cookie()
            .hostPrefix());
    assertFalse(
        TestConfigs.builder()
            .insecureLoopbackForDevelopment(true)
            .signedInSessions()
            .build()
            .cookie()
            .hostPrefix());
    assertFalse(
        TestConfigs.fromSettings(
                TrackerSettings.PRESET,
                "signed-in-sessions",
                TrackerSettings.INSECURE_LOOPBACK,
                "true")
            .cookie()
            .hostPrefix());
    // Asked for explicitly, it is the application's, and the rule between them holds.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TestConfigs.builder()
                .signedInSessions()
                .insecureLoopbackForDevelopment(true)
                .hostPrefix(true)
                .build());
  }

  @Test
  void preset_keepsARedisStoreNamedBeforeIt_andLaterCallsChangeIt() {
    TrackerConfig redis =
        TestConfigs.builder()
            .revocation(RevocationOptions.builder().redis("redis://127.0.0.1:6379").build())
            .signedInSessions()
            .build();
    assertEquals(RevocationOptions.StoreKind.REDIS, redis.revocation().orElseThrow().storeKind());
    TrackerConfig changed =
        TestConfigs.builder()
            .signedInSessions()
            .slidingExpiry(Duration.ofMinutes(15))
            .signIn(SignInOptions.builder().absoluteLifetime(Duration.ofHours(8)).build())
            .noRevocation()
            .build();
    assertEquals(Duration.ofMinutes(15), changed.lifetimes().slidingExpiry().orElseThrow());
    assertEquals(Duration.ofHours(8), changed.signIn().orElseThrow().absoluteLifetime());
    assertFalse(changed.revocation().isPresent());
  }

  @Test
  void preset_asASetting_followsTheStoreSetting() {
    assertEquals(
        RevocationOptions.StoreKind.REDIS,
        TestConfigs.fromSettings(
                TrackerSettings.PRESET,
                "signed-in-sessions",
                TrackerSettings.REVOCATION_STORE,
                "redis://127.0.0.1:6379")
            .revocation()
            .orElseThrow()
            .storeKind());
    assertFalse(
        TestConfigs.fromSettings(
                TrackerSettings.PRESET,
                "signed-in-sessions",
                TrackerSettings.REVOCATION_STORE,
                "off")
            .revocation()
            .isPresent());
    assertEquals(
        Duration.ofHours(4),
        TestConfigs.fromSettings(
                TrackerSettings.PRESET,
                "signed-in-sessions",
                TrackerSettings.SIGN_IN_ABSOLUTE_LIFETIME,
                "PT4H")
            .signIn()
            .orElseThrow()
            .absoluteLifetime());
  }

  @Test
  void rolesKey_isUnsetByDefault_andReadFromItsSetting() {
    assertTrue(SignInOptions.defaults().rolesKey().isEmpty());
    SignInOptions options =
        TestConfigs.fromSettings(TrackerSettings.SIGN_IN_ROLES_KEY, "roles").signIn().orElseThrow();
    assertEquals("roles", options.rolesKey().orElseThrow());
    assertEquals("roles", options.toBuilder().build().rolesKey().orElseThrow());
  }

  @Test
  void rolesKey_andARoleResolver_excludeEachOther_whicheverComesSecond() {
    IllegalStateException second =
        assertThrows(
            IllegalStateException.class,
            () -> SignInOptions.builder().roleResolver(RoleResolver.noRoles()).rolesKey("roles"));
    assertTrue(second.getMessage().contains("tracker.signIn.rolesKey"), second.getMessage());
    IllegalStateException first =
        assertThrows(
            IllegalStateException.class,
            () -> SignInOptions.builder().rolesKey("roles").roleResolver(subject -> Set.of()));
    assertTrue(first.getMessage().contains("tracker.signIn.rolesKey"), first.getMessage());
  }

  @Test
  void rolesKey_mustBeAPlainKey_otherThanTheSubjectKey() {
    for (String wrong : new String[] {"", " ", Tracker.RESERVED_KEY, "__proto__"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> SignInOptions.builder().rolesKey(wrong));
      assertTrue(e.getMessage().contains("tracker.signIn.rolesKey"), e.getMessage());
    }
    IllegalStateException same =
        assertThrows(
            IllegalStateException.class, () -> SignInOptions.builder().rolesKey("subject").build());
    assertTrue(same.getMessage().contains("subject key"), same.getMessage());
  }
}

package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The fleet procedure for rotating the password, step by step over HTTP, configured through the
 * named settings as a deployment would: old only, new accepted, new current, old dropped.
 */
class KeyRotationHttpTest {

  private static final String NAME = "persistent-information";
  private static final String OLD = TestConfigs.PASSWORD;
  private static final String NEW = TestConfigs.OTHER_PASSWORD;

  private static TrackerConfig settings(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return TrackerConfig.fromSettings(map::get);
  }

  /** Step 1: every node has only the old password. */
  private static TrackerConfig oldOnly() {
    return settings(TrackerSettings.PASSWORD, OLD);
  }

  /** Step 2: the new password is accepted everywhere, the old one still seals. */
  private static TrackerConfig newAccepted() {
    return settings(
        TrackerSettings.PASSWORD,
        OLD,
        TrackerSettings.ACCEPTED_PASSWORD_IDS,
        "k2",
        "tracker.password.k2",
        NEW);
  }

  /** Step 3: the new password seals, the old one is still accepted. */
  private static TrackerConfig newCurrent() {
    return settings(
        TrackerSettings.PASSWORD_ID,
        "k2",
        TrackerSettings.PASSWORD,
        NEW,
        TrackerSettings.ACCEPTED_PASSWORD_IDS,
        "default",
        "tracker.password.default",
        OLD);
  }

  /** Step 4: the old password is gone. */
  private static TrackerConfig oldDropped() {
    return settings(TrackerSettings.PASSWORD_ID, "k2", TrackerSettings.PASSWORD, NEW);
  }

  private static String passwordIdOf(String cookieValue) {
    return SealParts.parse(cookieValue).passwordId();
  }

  private static String oldCookie() {
    try (TestServer server = new TestServer(() -> TestConfigs.app(oldOnly()))) {
      String value = server.get("/put?k=user&v=alice").cookieValue(NAME);
      assertEquals("", passwordIdOf(value), "a single password writes no id");
      return value;
    }
  }

  @Test
  void step2_newAccepted_readsOldCookiesWithoutRewriting_andNewOnes_andStillSealsWithTheOld() {
    // A cookie from a node already at step 3 is resealed with the old key here, so the nodes
    // still at step 1 can read it until every node has reached step 2.
    String old = oldCookie();
    String fromStep3Node;
    try (TestServer step3 = new TestServer(() -> TestConfigs.app(newCurrent()))) {
      fromStep3Node = step3.get("/put?k=user&v=bob").cookieValue(NAME);
    }
    try (TestServer server = new TestServer(() -> TestConfigs.app(newAccepted()))) {
      RawHttp.Response read = server.get("/read", "Cookie: " + NAME + "=" + old);
      assertEquals("{\"user\":\"alice\"}", read.body());
      assertTrue(read.setCookies().isEmpty(), "the old password is still current here");
      RawHttp.Response readNew = server.get("/read", "Cookie: " + NAME + "=" + fromStep3Node);
      assertEquals("{\"user\":\"bob\"}", readNew.body(), "a node already at step 3 wrote this one");
      assertEquals(
          "", passwordIdOf(readNew.cookieValue(NAME)), "resealed with this node's current key");
      String written = server.get("/put?k=user&v=carol").cookieValue(NAME);
      assertEquals("", passwordIdOf(written));
      assertEquals(
          "\"{\\\"user\\\":\\\"carol\\\"}\"",
          IronCodec.create(OLD).unseal(written),
          "nodes still at step 1 can read it");
    }
  }

  @Test
  void step3_newCurrent_readsTheOldCookie_andResealsItWithTheNewKeyOnTheNextResponse() {
    String old = oldCookie();
    try (TestServer server = new TestServer(() -> TestConfigs.app(newCurrent()))) {
      RawHttp.Response read = server.get("/read", "Cookie: " + NAME + "=" + old);
      assertEquals("{\"user\":\"alice\"}", read.body());
      String resealed = read.cookieValue(NAME);
      assertNotNull(resealed, "an unchanged tracker sealed with an old key is resealed");
      assertEquals("k2", passwordIdOf(resealed));
      IronCodec newOnly =
          IronCodec.create(
              IronPasswords.builder().current("k2", NEW).build(),
              io.trackercookie.iron.IronOptions.defaults());
      assertEquals("\"{\\\"user\\\":\\\"alice\\\"}\"", newOnly.unseal(resealed));

      RawHttp.Response again = server.get("/read", "Cookie: " + NAME + "=" + resealed);
      assertEquals("{\"user\":\"alice\"}", again.body());
      assertTrue(again.setCookies().isEmpty(), "a current seal is not rewritten");
    }
  }

  @Test
  void step3_oldCookieOnARequestThatNeverReadsTheTracker_isResealedToo() {
    String old = oldCookie();
    try (TestServer server = new TestServer(() -> TestConfigs.app(newCurrent()))) {
      RawHttp.Response response = server.get("/nothing", "Cookie: " + NAME + "=" + old);
      assertEquals("k2", passwordIdOf(response.cookieValue(NAME)));
    }
  }

  @Test
  void step4_oldDropped_oldCookieIsRejectedAsUnknownPasswordId_andReadsAsEmpty() {
    String old = oldCookie();
    String current;
    try (TestServer step3 = new TestServer(() -> TestConfigs.app(newCurrent()))) {
      current = step3.get("/read", "Cookie: " + NAME + "=" + old).cookieValue(NAME);
    }
    List<RejectionReason> reasons = new CopyOnWriteArrayList<>();
    TrackerListener listener =
        new TrackerListener() {
          @Override
          public void cookieRejected(RejectionReason reason) {
            reasons.add(reason);
          }
        };
    TrackerConfig step4 =
        TrackerConfig.builder()
            .passwords(IronPasswords.builder().current("k2", NEW).build())
            .listener(listener)
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(step4))) {
      RawHttp.Response rejected = server.get("/read", "Cookie: " + NAME + "=" + old);
      assertEquals(200, rejected.status());
      assertEquals("{}", rejected.body());
      assertTrue(rejected.setCookies().isEmpty());
      assertEquals(List.of(RejectionReason.UNKNOWN_PASSWORD_ID), reasons);
      assertEquals(
          "{\"user\":\"alice\"}",
          server.get("/read", "Cookie: " + NAME + "=" + current).body(),
          "the visitor who came back during step 3 keeps the tracker");
    }
    try (TestServer server = new TestServer(() -> TestConfigs.app(oldDropped()))) {
      assertEquals(
          "{}",
          server.get("/read", "Cookie: " + NAME + "=" + old).body(),
          "same through the settings");
    }
  }

  @Test
  void acceptedPasswordWithoutItsSetting_failsAtStartup_namingTheSettingNotAValue() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                settings(
                    TrackerSettings.PASSWORD,
                    OLD,
                    TrackerSettings.ACCEPTED_PASSWORD_IDS,
                    "k2, k3",
                    "tracker.password.k2",
                    NEW));
    assertTrue(
        e.getMessage().contains("tracker.password.k3")
            && e.getMessage().contains("TRACKER_PASSWORD_K3"),
        e.getMessage());
    assertFalse(e.getMessage().contains(NEW) || e.getMessage().contains(OLD));
  }

  @Test
  void shortAcceptedPassword_orInvalidId_failsAtStartup_withoutTheValue() {
    IllegalArgumentException shortOne =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                settings(
                    TrackerSettings.PASSWORD,
                    OLD,
                    TrackerSettings.ACCEPTED_PASSWORD_IDS,
                    "k2",
                    "tracker.password.k2",
                    "short-secret"));
    assertTrue(shortOne.getMessage().contains("tracker.password.k2"), shortOne.getMessage());
    assertFalse(shortOne.getMessage().contains("short-secret"));
    IllegalArgumentException badId =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                settings(TrackerSettings.PASSWORD, OLD, TrackerSettings.PASSWORD_ID, "not an id"));
    assertTrue(badId.getMessage().contains(TrackerSettings.PASSWORD_ID), badId.getMessage());
    assertFalse(badId.getMessage().contains("not an id"));
  }

  @Test
  void anAcceptedIdWhoseVariableIsAnotherSettings_isRefused_namingBoth() {
    // Id "dir" would read its password from TRACKER_PASSWORD_DIR, id "id" from TRACKER_PASSWORD_ID.
    for (String id : List.of("dir", "id", "file")) {
      IllegalArgumentException clash =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  settings(
                      TrackerSettings.PASSWORD,
                      OLD,
                      TrackerSettings.ACCEPTED_PASSWORD_IDS,
                      id,
                      "tracker.password." + id,
                      NEW));
      String env = TrackerSettings.environmentName("tracker.password." + id);
      assertTrue(clash.getMessage().contains(env), clash.getMessage());
      assertTrue(clash.getMessage().contains("choose another id"), clash.getMessage());
      assertFalse(clash.getMessage().contains(NEW) || clash.getMessage().contains(OLD));
    }
  }

  @Test
  void configToString_namesTheIdsButNoPassword() {
    String text = newCurrent().toString();
    assertTrue(text.contains("k2") && text.contains("default"), text);
    assertFalse(text.contains(OLD) || text.contains(NEW), text);
  }
}

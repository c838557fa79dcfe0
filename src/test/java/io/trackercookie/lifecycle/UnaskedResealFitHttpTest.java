package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.IronPasswords;
import org.junit.jupiter.api.Test;

/**
 * A reseal the application did not ask for (here a rotation to a password with a long id) can make
 * the seal longer than the one the visitor holds. When the longer seal no longer fits a cookie, the
 * response must still be the application's, and the visitor keeps the cookie it has.
 */
class UnaskedResealFitHttpTest {

  private static final String NAME = "persistent-information";
  private static final String LONG_ID = "rotated_key_of_december_2026_number_0001";

  private static TrackerConfig rotated() {
    return TrackerConfig.builder()
        .passwords(
            IronPasswords.builder()
                .current(LONG_ID, TestConfigs.OTHER_PASSWORD)
                .accept(IronPasswords.DEFAULT_ID, TestConfigs.PASSWORD)
                .build())
        .build();
  }

  /** The largest old-password cookie whose Set-Cookie line still fits 4096 bytes. */
  private static String nearlyFullOldCookie(int lineOverhead) {
    String best = null;
    for (int n = 2500; n < 4096; n++) {
      String plaintext = "\"{\\\"v\\\":\\\"" + "a".repeat(n) + "\\\"}\"";
      String seal = TestConfigs.seal(TestConfigs.PASSWORD, plaintext);
      if (seal.length() + lineOverhead > 4096) {
        break;
      }
      best = seal;
    }
    return best;
  }

  @Test
  void aRotationResealThatWouldNotFit_leavesTheCookieAsItIs_andAnswersTheApplication() {
    try (TestServer server = new TestServer(() -> TestConfigs.app(rotated()))) {
      String small = TestConfigs.seal(TestConfigs.PASSWORD, "\"{\\\"v\\\":\\\"a\\\"}\"");
      RawHttp.Response resealed = server.get("/nothing", "Cookie: " + NAME + "=" + small);
      String line = resealed.setCookies().get(0);
      int overhead = line.length() - resealed.cookieValue(NAME).length() - LONG_ID.length();
      String full = nearlyFullOldCookie(overhead);

      RawHttp.Response untouched = server.get("/nothing", "Cookie: " + NAME + "=" + full);
      assertEquals(200, untouched.status(), untouched.body());
      assertTrue(untouched.setCookies().isEmpty(), untouched.setCookies().toString());

      RawHttp.Response read = server.get("/read", "Cookie: " + NAME + "=" + full);
      assertEquals(200, read.status(), read.body());
      assertTrue(read.body().startsWith("{\"v\":\"aaa"), "the old cookie still reads");
      assertTrue(read.setCookies().isEmpty(), read.setCookies().toString());
    }
  }
}

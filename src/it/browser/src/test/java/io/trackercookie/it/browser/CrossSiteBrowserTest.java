package io.trackercookie.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.CrossSiteProtection;
import io.trackercookie.CrossSiteRefusal;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerListener;
import io.trackercookie.it.JerseyGrizzlyServer;
import io.trackercookie.it.RunningServer;
import io.trackercookie.it.TrackerCycle;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Cross-site request forgery in a real browser, two origins on loopback: the victim B at {@code
 * http://localhost:<port>} with the cross-site protection on, the attacker A at {@code
 * http://127.0.0.1:<port>} (another host, so another site for cookies and for Fetch Metadata). The
 * visitor signs in on B; A's auto-submitted form and A's {@code fetch} with credentials are both
 * refused by the protection, and B's tracker is unchanged; the same form on B itself works.
 *
 * <p>B's cookie is {@code SameSite=None; Secure} (Chromium keeps a Secure cookie from {@code
 * http://localhost}, a secure context), so the browser does send it with the forged form: SameSite
 * does not stop it, only the protection does. Whether it also goes with a cross-site {@code fetch}
 * depends on the browser's third-party cookie policy (this Chromium sends none), so that test
 * prints it and asserts the refusal either way. {@link RequestLog} records what arrived, so each
 * refusal is shown to be the filter's, not a request the browser never sent.
 */
class CrossSiteBrowserTest {

  private static final String NAME = CookieSettings.DEFAULT_NAME;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<CrossSiteRefusal> REFUSED = new CopyOnWriteArrayList<>();

  private static RunningServer victimServer;
  private static RunningServer attackerServer;
  private static ChromeDriver browser;
  private static String victim;
  private static String attacker;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(
        HeadlessChromium.installed() || "true".equals(System.getenv("CI")),
        "Chromium is not installed (apt-get install chromium chromium-driver)");
    assertTrue(HeadlessChromium.installed(), "CI must have Chromium");
    TrackerConfig config =
        TrackerConfig.builder()
            .password(TrackerCycle.PASSWORD)
            .sameSite(CookieSettings.SameSite.NONE)
            .crossSite(CrossSiteProtection.on())
            .listener(
                new TrackerListener() {
                  @Override
                  public void requestRefused(CrossSiteRefusal reason) {
                    REFUSED.add(reason);
                  }
                })
            .build();
    victimServer =
        JerseyGrizzlyServer.start(
            new ResourceConfig(VictimResource.class)
                .register(new RequestLog())
                .register(new TrackerFeature(config)));
    victim = "http://localhost:" + victimServer.base().getPort();
    AttackerResource.victim = victim;
    attackerServer = JerseyGrizzlyServer.start(new ResourceConfig(AttackerResource.class));
    attacker = "http://127.0.0.1:" + attackerServer.base().getPort();
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (attackerServer != null) {
      attackerServer.close();
    }
    if (victimServer != null) {
      victimServer.close();
    }
  }

  /** The visitor, signed in on B: its tracker holds the user, and the browser holds its cookie. */
  @BeforeEach
  void signIn() {
    browser.manage().deleteAllCookies();
    openVictimPage();
    assertEquals("{}", tracker());
    loadNextVictimPage("signing in", () -> browser.findElement(By.id("sign-in")).click());
    assertEquals("{user=alice}", tracker(), "signed in through B's own form");
    Cookie cookie = browser.manage().getCookieNamed(NAME);
    assertNotNull(cookie, "the browser keeps B's cookie");
    assertEquals("None", cookie.getSameSite());
    RequestLog.ARRIVALS.clear();
    REFUSED.clear();
    VictimResource.TRANSFERS.set(0);
  }

  @Test
  void aFormOnAnotherSite_isRefused_andTheTrackerIsUnchanged() {
    String before = browser.manage().getCookieNamed(NAME).getValue();
    browser.get(attacker + "/attack/form");
    waitFor(
        "the forged form's answer",
        () ->
            browser.getCurrentUrl().equals(victim + "/victim/transfer")
                && bodyText().contains(CrossSiteProtection.CROSS_SITE_BODY));

    RequestLog.Arrival forged = onlyArrival();
    assertEquals("/victim/transfer", forged.path());
    assertEquals("cross-site", forged.fetchSite());
    assertEquals(attacker, forged.origin());
    assertTrue(forged.trackerCookie(), "SameSite=None: the browser sent B's cookie with it");
    assertEquals(List.of(CrossSiteRefusal.CROSS_SITE), REFUSED);
    assertEquals(0, VictimResource.TRANSFERS.get(), "the transfer never ran");

    openVictimPage();
    assertEquals("{user=alice}", tracker(), "B's tracker is unchanged");
    assertEquals(before, browser.manage().getCookieNamed(NAME).getValue());
  }

  @Test
  void aFetchWithCredentialsFromAnotherSite_isRefused_andTheTrackerIsUnchanged() {
    String before = browser.manage().getCookieNamed(NAME).getValue();
    browser.get(attacker + "/attack/fetch");
    waitFor("the fetch to settle", () -> !textOf("outcome").isEmpty());
    System.out.println("The attacker's script saw: " + textOf("outcome"));

    RequestLog.Arrival forged = onlyArrival();
    assertEquals("/victim/transfer", forged.path());
    assertEquals("cross-site", forged.fetchSite());
    assertEquals(attacker, forged.origin());
    System.out.println("B's cookie came with the fetch: " + forged.trackerCookie());
    assertEquals(List.of(CrossSiteRefusal.CROSS_SITE), REFUSED);
    assertEquals(0, VictimResource.TRANSFERS.get(), "the transfer never ran");

    openVictimPage();
    assertEquals("{user=alice}", tracker(), "B's tracker is unchanged");
    assertEquals(before, browser.manage().getCookieNamed(NAME).getValue());
  }

  @Test
  void theSameFormOnTheSiteItself_works() {
    loadNextVictimPage("the transfer", () -> browser.findElement(By.id("transfer")).click());
    assertEquals("{transferred=100, user=alice}", tracker());
    assertEquals(1, VictimResource.TRANSFERS.get());
    RequestLog.Arrival own = onlyArrival();
    assertEquals("same-origin", own.fetchSite());
    assertTrue(own.trackerCookie());
    assertTrue(REFUSED.isEmpty(), REFUSED.toString());
  }

  private static RequestLog.Arrival onlyArrival() {
    assertEquals(1, RequestLog.ARRIVALS.size(), RequestLog.ARRIVALS.toString());
    return RequestLog.ARRIVALS.get(0);
  }

  private static void openVictimPage() {
    loadNextVictimPage("opening B's page", () -> browser.get(victim + "/victim/page"));
  }

  private static String tracker() {
    return textOf("tracker");
  }

  private static String textOf(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static String bodyText() {
    try {
      return browser.findElement(By.tagName("body")).getText();
    } catch (WebDriverException midNavigation) {
      return "";
    }
  }

  /** Navigates and waits for a victim page rendered after it to be fully loaded. */
  private static void loadNextVictimPage(String navigation, Runnable navigate) {
    long before = renderNumber();
    navigate.run();
    waitFor(navigation, () -> renderNumber() > before);
  }

  private static void waitFor(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String where;
        try {
          where = browser.getCurrentUrl() + ":\n" + browser.getPageSource();
        } catch (WebDriverException e) {
          where = "(the browser does not answer)";
        }
        HeadlessChromium.printDriverLogTail();
        throw new AssertionError("No " + what + " within " + WAIT + "; at " + where);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The number B gave the loaded page; 0 while none of its pages is fully loaded. */
  private static long renderNumber() {
    try {
      Object number =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "var e = document.getElementById('render');"
                      + "return document.readyState === 'complete' && e ? e.textContent : null;");
      return number == null ? 0 : Long.parseLong(number.toString().trim());
    } catch (WebDriverException midNavigation) {
      return 0;
    }
  }
}

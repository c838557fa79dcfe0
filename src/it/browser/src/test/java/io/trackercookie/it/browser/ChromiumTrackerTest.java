package io.trackercookie.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.it.JerseyGrizzlyServer;
import io.trackercookie.it.RunningServer;
import io.trackercookie.it.TrackerCycle;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/** A real browser keeps the cookie, sends it back across navigations, hides it from scripts. */
@ExtendWith(ChromiumTrackerTest.ShowTheBrowserOnFailure.class)
class ChromiumTrackerTest {

  private static final String NAME = CookieSettings.DEFAULT_NAME;

  /** How long a page may take to replace the last one: generous, for a loaded CI machine. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static RunningServer server;
  private static ChromeDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    boolean installed = HeadlessChromium.installed();
    String missing = "Chromium is not installed (apt-get install chromium chromium-driver)";
    // On a developer's machine a missing browser skips; in CI (CI=true) it fails, so a green
    // build never hides a browser that the CI script did not install.
    assertTrue(installed || !"true".equals(System.getenv("CI")), missing);
    assumeTrue(installed, missing);
    // Plain http on loopback: the development switch leaves Secure out so the browser keeps it.
    TrackerConfig config =
        TrackerConfig.builder()
            .password(TrackerCycle.PASSWORD)
            .insecureLoopbackForDevelopment(true)
            .chunking()
            .build();
    ResourceConfig app =
        new ResourceConfig(TrackerPageResource.class).register(new TrackerFeature(config));
    server = JerseyGrizzlyServer.start(app);
    base = server.base().toString();

    browser = HeadlessChromium.start();
  }

  /** On a failed test: where the browser was, what it showed, and what the driver logged. */
  static final class ShowTheBrowserOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      System.out.println("--- " + context.getDisplayName() + " failed: " + cause);
      if (browser != null) {
        try {
          System.out.println("at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource());
        } catch (WebDriverException e) {
          System.out.println("the browser does not answer: " + e.getMessage());
        }
      }
      HeadlessChromium.printDriverLogTail();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static String tracker() {
    return textOf(By.id("tracker"));
  }

  private static String textOf(By element) {
    return browser.findElement(element).getText();
  }

  private static void visit(String path) {
    loadNextPage("opening " + path, () -> browser.get(base + path));
  }

  private static void click(By element) {
    loadNextPage("the click on " + element, () -> browser.findElement(element).click());
  }

  private static void reload() {
    loadNextPage("a reload", () -> browser.navigate().refresh());
  }

  /**
   * Does something that loads a page and returns once a page the server rendered after it has fully
   * loaded. A click may return before the old page is gone, and a script asked mid-navigation may
   * fail; both were seen on a loaded CI machine, so the page's render number decides.
   */
  private static void loadNextPage(String navigation, Runnable navigate) {
    long before = renderNumber();
    navigate.run();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (renderNumber() <= before) {
      assertTrue(System.nanoTime() < deadline, navigation + " led to no new page within " + WAIT);
      sleepBriefly();
    }
  }

  /** The number the server gave the loaded page, 0 while none of its pages is fully loaded. */
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

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void saveColor(String color) {
    browser.findElement(By.id("color")).sendKeys(color);
    click(By.id("save"));
  }

  @Test
  void browser_keepsSendsHidesAndDeletesTheCookie() {
    browser.manage().deleteAllCookies();
    visit("page");
    assertEquals("{}", tracker(), "a new visitor has an empty tracker");
    assertNull(browser.manage().getCookieNamed(NAME), "no cookie before anything is stored");

    saveColor("blue");
    assertEquals("{color=blue}", tracker(), "the redirected page reads the cookie the POST set");
    Cookie cookie = browser.manage().getCookieNamed(NAME);
    assertNotNull(cookie, "the browser stored the cookie");
    assertTrue(cookie.isHttpOnly(), "the stored cookie is HttpOnly");
    assertTrue(cookie.getValue().startsWith("Fe26.2*"), "the stored cookie is a seal");
    String cookies =
        (String) ((JavascriptExecutor) browser).executeScript("return document.cookie;");
    assertFalse(cookies.contains(NAME), "document.cookie does not show the HttpOnly cookie");

    // Across navigations: a link, a reload, a fresh visit.
    click(By.id("again"));
    assertEquals("{color=blue}", tracker(), "after following a link");
    reload();
    assertEquals("{color=blue}", tracker(), "after a reload");
    visit("page");
    assertEquals("{color=blue}", tracker(), "on a fresh visit");

    saveColor("green");
    assertEquals("{color=green}", tracker(), "a change reaches the browser");

    click(By.id("forget"));
    assertEquals("{}", tracker(), "clearing empties the tracker");
    assertNull(
        browser.manage().getCookieNamed(NAME), "clearing removed the cookie from the browser");
  }

  @Test
  void browser_keepsAChunkedTrackerAcrossNavigations_andClearingRemovesEveryChunk() {
    browser.manage().deleteAllCookies();
    visit("page");
    click(By.id("store-big"));
    String length = String.valueOf(TrackerPageResource.BIG_LENGTH);
    assertEquals(length, textOf(By.id("big")), "the chunked tracker reads back");
    List<Cookie> chunks =
        browser.manage().getCookies().stream()
            .filter(c -> c.getName().startsWith(NAME + "."))
            .toList();
    assertTrue(
        chunks.size() >= 2, "the browser keeps the tracker as several cookies: " + chunks.size());
    assertTrue(chunks.stream().allMatch(Cookie::isHttpOnly), "every chunk is HttpOnly");
    assertNull(browser.manage().getCookieNamed(NAME), "no unchunked cookie beside the chunks");

    visit("page");
    assertEquals(length, textOf(By.id("big")), "the chunks are sent back");

    click(By.id("forget"));
    assertEquals("{}", tracker(), "clearing empties the chunked tracker");
    assertTrue(
        browser.manage().getCookies().stream().noneMatch(c -> c.getName().startsWith(NAME)),
        "clearing removed every chunk");
  }

  @Test
  void browser_withTheLargestTrackerAllowed_stillReachesTheSite() {
    browser.manage().deleteAllCookies();
    visit("page");
    click(By.id("store-largest"));
    int stored = Integer.parseInt(textOf(By.id("big")));
    assertTrue(stored > TrackerPageResource.BIG_LENGTH, "larger than one cookie: " + stored);
    // Grizzly refuses a request head over 8 KB; the tracker's budget keeps it under.
    visit("page");
    assertEquals(String.valueOf(stored), textOf(By.id("big")), "the site still answers");
    click(By.id("forget"));
    assertEquals("{}", tracker(), "and the visitor can clear it");
  }

  @Test
  void browser_withForgedCookie_getsThePageNotAnError() {
    visit("page");
    browser
        .manage()
        .addCookie(new Cookie(NAME, "Fe26.2**forged*forged*forged**forged*forged", "/"));
    visit("page");
    assertEquals("{}", tracker(), "a forged cookie reads as an empty tracker");
    browser.manage().deleteAllCookies();
  }
}

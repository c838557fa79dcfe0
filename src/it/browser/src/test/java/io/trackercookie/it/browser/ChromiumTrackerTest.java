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
import io.trackercookie.it.TrackerCycle;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A real browser keeps the cookie, sends it back across navigations, hides it from scripts. */
class ChromiumTrackerTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String NAME = CookieSettings.DEFAULT_NAME;

  /** How long a page may take to replace the last one: generous, for a loaded CI machine. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static HttpServer server;
  private static ChromeDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String missing = "Chromium is not installed (apt-get install chromium chromium-driver)";
    // On a developer's machine a missing browser skips; in CI (CI=true) it fails, so a green
    // build never hides a browser that the CI script did not install.
    assertTrue(installed || !"true".equals(System.getenv("CI")), missing);
    assumeTrue(installed, missing);
    // Plain http on loopback: the development switch leaves Secure out so the browser keeps it.
    TrackerConfig config = TrackerConfig.builder()
        .password(TrackerCycle.PASSWORD)
        .insecureLoopbackForDevelopment(true)
        .chunking()
        .build();
    ResourceConfig app = new ResourceConfig(TrackerPageResource.class)
        .register(new TrackerFeature(config));
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    base = "http://127.0.0.1:" + server.getListeners().iterator().next().getPort() + "/";

    Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium");
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--user-data-dir=" + profile);
    // The system's driver: Selenium Manager is never asked to find or download one.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
    // Page loads race the element lookups on a loaded machine: wait for elements, bounded.
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.shutdownNow();
    }
  }

  private static String tracker() {
    return textOf(By.id("tracker"));
  }

  /** An element's text, looked up again if a navigation replaced the page under the lookup. */
  private static String textOf(By element) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        return browser.findElement(element).getText();
      } catch (StaleElementReferenceException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /**
   * Clicks something that navigates, and returns once the page it leads to has replaced this one
   * and loaded: a click may return before the old page is gone, and a lookup then reads the old
   * page or finds its elements going stale (both seen on a loaded CI machine).
   */
  private static void clickAndWaitForNextPage(By element) {
    WebElement oldPage = browser.findElement(By.tagName("html"));
    browser.findElement(element).click();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!isStale(oldPage) || !"complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState;"))) {
      assertTrue(System.nanoTime() < deadline, "the click on " + element + " led to no new page within " + WAIT);
      sleepBriefly();
    }
  }

  private static boolean isStale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
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
    clickAndWaitForNextPage(By.id("save"));
  }

  @Test
  void browser_keepsSendsHidesAndDeletesTheCookie() {
    browser.manage().deleteAllCookies();
    browser.get(base + "page");
    assertEquals("{}", tracker(), "a new visitor has an empty tracker");
    assertNull(browser.manage().getCookieNamed(NAME), "no cookie before anything is stored");

    saveColor("blue");
    assertEquals("{color=blue}", tracker(), "the redirected page reads the cookie the POST set");
    Cookie cookie = browser.manage().getCookieNamed(NAME);
    assertNotNull(cookie, "the browser stored the cookie");
    assertTrue(cookie.isHttpOnly(), "the stored cookie is HttpOnly");
    assertTrue(cookie.getValue().startsWith("Fe26.2*"), "the stored cookie is a seal");
    String cookies = (String) ((JavascriptExecutor) browser).executeScript("return document.cookie;");
    assertFalse(cookies.contains(NAME), "document.cookie does not show the HttpOnly cookie");

    // Across navigations: a link, a reload, a fresh visit.
    clickAndWaitForNextPage(By.id("again"));
    assertEquals("{color=blue}", tracker(), "after following a link");
    browser.navigate().refresh();
    assertEquals("{color=blue}", tracker(), "after a reload");
    browser.get(base + "page");
    assertEquals("{color=blue}", tracker(), "on a fresh visit");

    saveColor("green");
    assertEquals("{color=green}", tracker(), "a change reaches the browser");

    clickAndWaitForNextPage(By.id("forget"));
    assertEquals("{}", tracker(), "clearing empties the tracker");
    assertNull(browser.manage().getCookieNamed(NAME), "clearing removed the cookie from the browser");
  }

  @Test
  void browser_keepsAChunkedTrackerAcrossNavigations_andClearingRemovesEveryChunk() {
    browser.manage().deleteAllCookies();
    browser.get(base + "page");
    clickAndWaitForNextPage(By.id("store-big"));
    String length = String.valueOf(TrackerPageResource.BIG_LENGTH);
    assertEquals(length, textOf(By.id("big")), "the chunked tracker reads back");
    List<Cookie> chunks = browser.manage().getCookies().stream()
        .filter(c -> c.getName().startsWith(NAME + ".")).toList();
    assertTrue(chunks.size() >= 2, "the browser keeps the tracker as several cookies: " + chunks.size());
    assertTrue(chunks.stream().allMatch(Cookie::isHttpOnly), "every chunk is HttpOnly");
    assertNull(browser.manage().getCookieNamed(NAME), "no unchunked cookie beside the chunks");

    browser.get(base + "page");
    assertEquals(length, textOf(By.id("big")), "the chunks are sent back");

    clickAndWaitForNextPage(By.id("forget"));
    assertEquals("{}", tracker(), "clearing empties the chunked tracker");
    assertTrue(browser.manage().getCookies().stream().noneMatch(c -> c.getName().startsWith(NAME)),
        "clearing removed every chunk");
  }

  @Test
  void browser_withForgedCookie_getsThePageNotAnError() {
    browser.get(base + "page");
    browser.manage().addCookie(new Cookie(NAME, "Fe26.2**forged*forged*forged**forged*forged", "/"));
    browser.get(base + "page");
    assertEquals("{}", tracker(), "a forged cookie reads as an empty tracker");
    browser.manage().deleteAllCookies();
  }
}

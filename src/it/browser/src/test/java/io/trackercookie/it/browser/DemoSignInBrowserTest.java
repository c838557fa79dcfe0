package io.trackercookie.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trackercookie.demo.DemoApp;
import io.trackercookie.demo.DemoSettings;
import io.trackercookie.it.JerseyGrizzlyServer;
import io.trackercookie.it.RunningServer;
import io.trackercookie.it.TrackerCycle;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
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
 * The demo's sign-in in a real browser, as a visitor uses it: the form at {@code /login}, {@code
 * /me} naming the user, {@code /admin} refused to a normal user and open to {@code admin}, the
 * logout button, and remember-me choosing a persistent cookie over one that ends with the browser.
 * The demo runs as its server starts it ({@code DemoSettings} from an environment, {@code
 * DemoApp}), so the cross-site protection is on and the browser's own form passes it.
 */
class DemoSignInBrowserTest {

  private static final String NAME = "persistent-information";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static RunningServer server;
  private static ChromeDriver browser;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    boolean installed = HeadlessChromium.installed();
    String missing = "Chromium is not installed (apt-get install chromium chromium-driver)";
    assertTrue(installed || !"true".equals(System.getenv("CI")), missing);
    assumeTrue(installed, missing);
    DemoSettings settings = DemoSettings.read(Map.of("TRACKER_PASSWORD", TrackerCycle.PASSWORD));
    server = JerseyGrizzlyServer.start(DemoApp.create(settings));
    base = "http://127.0.0.1:" + server.base().getPort();
    browser = HeadlessChromium.start();
    browser.manage().timeouts().scriptTimeout(WAIT);
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

  @BeforeEach
  void signedOut() {
    browser.manage().deleteAllCookies();
  }

  @Test
  void aUserSignsInWithTheForm_meNamesThem_adminIsForbidden_andLogoutSignsThemOut() {
    signIn("alice", false);
    assertEquals("Signed in as alice.", textOf("status"));

    open("/me");
    assertEquals("{\"user\":\"alice\"}", bodyText());
    assertEquals(403, status("/admin"), "alice does not hold the role admin");

    open("/login");
    navigate("the logout", () -> browser.findElement(By.id("logout-button")).click());
    assertTrue(bodyText().contains("\"revoked\":true"), bodyText());
    assertNull(browser.manage().getCookieNamed(NAME), "the browser dropped the cookie");

    assertEquals(401, status("/me"));
    open("/me");
    assertEquals("{\"error\":\"not signed in\"}", bodyText());
  }

  @Test
  void theUserNamedAdmin_opensAdmin() {
    signIn("admin", false);
    assertEquals(200, status("/admin"));
    open("/admin");
    assertEquals("{\"user\":\"admin\",\"role\":\"admin\"}", bodyText());
  }

  @Test
  void rememberMe_keepsThePersistentCookie_withoutItTheCookieEndsWithTheBrowser() {
    signIn("carol", false);
    Cookie session = browser.manage().getCookieNamed(NAME);
    assertNotNull(session);
    assertNull(session.getExpiry(), "no Max-Age, no Expires: a session cookie");

    signIn("carol", true);
    Cookie remembered = browser.manage().getCookieNamed(NAME);
    assertNotNull(remembered);
    assertNotNull(remembered.getExpiry(), "remember me: a persistent cookie");
    Instant expiry = remembered.getExpiry().toInstant();
    assertTrue(
        expiry.isAfter(Instant.now().plus(Duration.ofMinutes(50)))
            && expiry.isBefore(Instant.now().plus(Duration.ofMinutes(70))),
        "the demo remembers a sign-in for an hour: " + expiry);
    assertEquals(200, status("/me"));
  }

  /** Fills in the sign-in form and submits it; the demo answers with the form page again. */
  private static void signIn(String user, boolean remember) {
    open("/login");
    browser.findElement(By.id("user-name")).sendKeys(user);
    if (remember) {
      browser.findElement(By.id("remember")).click();
    }
    navigate("the sign-in", () -> browser.findElement(By.id("sign-in-button")).click());
    assertEquals(base + "/login", browser.getCurrentUrl(), "post/redirect/get");
    assertEquals(user, textOf("user"));
  }

  private static void open(String path) {
    navigate("opening " + path, () -> browser.get(base + path));
  }

  /** The status the demo answers a same-origin fetch of {@code path} with, cookie and all. */
  private static long status(String path) {
    Object status =
        browser.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(function (r) { done(r.status); }, function () { done(-1); });",
            path);
    return ((Number) status).longValue();
  }

  private static String textOf(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** The page's text: a JSON answer's, which Chromium shows in a {@code pre}, or the body's. */
  private static String bodyText() {
    var pre = browser.findElements(By.tagName("pre"));
    return (pre.isEmpty() ? browser.findElement(By.tagName("body")) : pre.get(0)).getText();
  }

  /**
   * Does something that loads a page and returns once a new document has fully loaded: the old one
   * is marked by a script, and the wait ends when the loaded document has no mark.
   */
  private static void navigate(String what, Runnable action) {
    ((JavascriptExecutor) browser).executeScript("window.demoTestOldPage = true;");
    action.run();
    waitFor(
        what,
        () -> {
          try {
            Object loaded =
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return document.readyState === 'complete' && !window.demoTestOldPage;");
            return Boolean.TRUE.equals(loaded);
          } catch (WebDriverException midNavigation) {
            return false;
          }
        });
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
}

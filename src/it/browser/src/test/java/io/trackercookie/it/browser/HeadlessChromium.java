package io.trackercookie.it.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;

/** The system's headless Chromium behind its chromedriver, as the browser tests start it. */
final class HeadlessChromium {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path DRIVER_LOG = Path.of("target", "chromedriver.log").toAbsolutePath();

  private HeadlessChromium() {}

  /** Whether both are installed. */
  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Starts Chromium through the system's chromedriver (Selenium Manager is never asked to find or
   * download one). A loaded machine now and then loses a first start, so up to three tries, each
   * with its own profile; what went wrong is printed, with the tail of the driver's log.
   */
  static ChromeDriver start() throws IOException {
    WebDriverException lastFailure = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium");
      ChromeOptions options =
          new ChromeOptions()
              .setBinary(CHROMIUM.toFile())
              .addArguments(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--disable-quic",
                  "--no-first-run",
                  "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .withLogFile(DRIVER_LOG.toFile())
              .withAppendLog(true)
              .withLogLevel(ChromiumDriverLogLevel.INFO)
              .withTimeout(Duration.ofSeconds(60))
              .build();
      try {
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return started;
      } catch (WebDriverException e) {
        System.out.println("Chromium did not start, attempt " + attempt + ": " + e.getMessage());
        service.stop();
        lastFailure = e;
      }
    }
    printDriverLogTail();
    throw lastFailure;
  }

  static void printDriverLogTail() {
    try {
      List<String> lines = Files.readAllLines(DRIVER_LOG);
      System.out.println("--- last lines of " + DRIVER_LOG + " ---");
      lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
    } catch (IOException e) {
      System.out.println("no chromedriver log: " + e);
    }
  }
}

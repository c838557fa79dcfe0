package io.trackercookie.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: an application without it on the class path serves trackers, refuses bad
 * cookies and names them in diagnostics, as before. Run in a class loader that holds the build's
 * class path minus every Micrometer jar.
 */
class WithoutMicrometerHttpTest {

  /** Runs inside the class loader without Micrometer: a few requests, their answers. */
  public static final class App implements Callable<List<String>> {
    @Override
    public List<String> call() {
      String name = "persistent-information";
      TrackerConfig config = TestConfigs.builder().diagnostics(true).build();
      List<String> answers = new ArrayList<>();
      try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
        RawHttp.Response put = server.get("/put?k=a&v=1");
        String value = put.cookieValue(name);
        answers.add(put.status() + " " + put.body());
        RawHttp.Response read = server.get("/read", "Cookie: " + name + "=" + value);
        answers.add(read.status() + " " + read.body());
        String tampered =
            value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A");
        RawHttp.Response bad = server.get("/read", "Cookie: " + name + "=" + tampered);
        answers.add(bad.status() + " " + bad.body() + " " + bad.header("Tracker-Diagnostics"));
      }
      return answers;
    }
  }

  private static URLClassLoader withoutMicrometer() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null) {
      classPath = System.getProperty("java.class.path");
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator, -1)) {
      if (!entry.isEmpty() && !entry.replace('\\', '/').contains("/io/micrometer/")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @Test
  void withoutMicrometer_theLibraryServesAndRefusesCookiesAsBefore() throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = withoutMicrometer()) {
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader));
      Class<?> app = Class.forName(App.class.getName(), true, loader);
      assertFalse(app == App.class, "the app runs on the loader without Micrometer");
      thread.setContextClassLoader(loader); // Jersey finds its services through it
      @SuppressWarnings("unchecked")
      Callable<List<String>> run =
          (Callable<List<String>>) app.getDeclaredConstructor().newInstance();
      assertEquals(
          List.of("200 {\"a\":\"1\"}", "200 {\"a\":\"1\"}", "200 {} [rejected=BAD_MAC]"),
          run.call());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}

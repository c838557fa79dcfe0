package io.trackercookie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.trackercookie.PayloadFormat;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code unseal} prints the object in a cookie the library wrote over HTTP, in every format. */
class CliReadsLibraryCookiesHttpTest {

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void unseal_printsTheTrackerObject_ofACookieTheLibraryWrote(PayloadFormat format) {
    String cookieValue;
    try (TestServer server =
        new TestServer(
            () -> TestConfigs.app(TestConfigs.builder().payloadFormat(format).build()))) {
      RawHttp.Response response = server.get("/put?k=user&v=alice");
      cookieValue = response.cookieValue("persistent-information");
      assertNotNull(cookieValue, response.headerLines().toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        TrackerCookieCli.run(
            new String[] {"unseal"},
            new ByteArrayInputStream(cookieValue.getBytes(StandardCharsets.US_ASCII)),
            out,
            err,
            Map.of(TrackerCookieCli.PASSWORD_ENV, TestConfigs.PASSWORD));
    assertEquals(TrackerCookieCli.EXIT_OK, code, err.toString(StandardCharsets.UTF_8));
    assertEquals("{\"user\":\"alice\"}\n", out.toString(StandardCharsets.UTF_8));
  }
}

package io.trackercookie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile-request list of the reliability issue, against real Grizzly servers. Each request has
 * one defined answer: the tracker it carries, an empty tracker (with the rejection reason told to
 * the listener), or the server's own 400 for a head it will not parse. Never a 500; never a hang:
 * every read has a timeout ({@link RawHttp#READ_TIMEOUT_MILLIS}).
 */
class HostileHttpTest {

  private static final String NAME = "persistent-information";
  private static final String ALICE = "{\"user\":\"alice\"}";
  private static final int LARGE_HEADER_BYTES = 512 * 1024;
  private static final List<RejectionReason> REASONS =
      Collections.synchronizedList(new ArrayList<>());

  private static TestServer server;
  private static LargeHeaderServer largeHeaders;
  private static String good;
  private static String bob;

  @BeforeAll
  static void start() {
    TrackerConfig config =
        TestConfigs.builder()
            // iron's fresh salts on every seal, so that swapping any part between two seals
            // (partsSwappedBetweenTwoValidSeals_readEmpty) really changes it.
            .ironOptions(IronOptions.defaults())
            .ttl(Duration.ofMinutes(10))
            .clock(TestConfigs.FIXED_CLOCK)
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    REASONS.add(reason);
                  }
                })
            .build();
    server = new TestServer(() -> TestConfigs.app(config));
    largeHeaders = new LargeHeaderServer(TestConfigs.app(config), LARGE_HEADER_BYTES);
    good = server.get("/put?k=user&v=alice").cookieValue(NAME);
    bob = server.get("/put?k=user&v=bob").cookieValue(NAME);
  }

  @AfterAll
  static void stop() {
    server.close();
    largeHeaders.close();
  }

  @BeforeEach
  void reset() {
    REASONS.clear();
  }

  private static RawHttp.Response read(String cookieHeaderValue) {
    return server.get("/read", "Cookie: " + cookieHeaderValue);
  }

  private static RawHttp.Response readRaw(String headerLatin1) {
    return RawHttp.send(
        server.base(), "/read", headerLatin1.getBytes(StandardCharsets.ISO_8859_1), true);
  }

  private static void assertTracker(String expectedBody, RawHttp.Response response) {
    assertEquals(200, response.status(), response.body());
    assertEquals(expectedBody, response.body());
    assertTrue(response.setCookies().isEmpty(), "a read writes no cookie");
  }

  private static void assertEmptyTracker(RawHttp.Response response, RejectionReason... reasons) {
    assertTracker("{}", response);
    assertEquals(List.of(reasons), REASONS);
  }

  private static void assertServersOwn400(RawHttp.Response response) {
    assertEquals(400, response.status(), response.body());
    assertTrue(response.setCookies().isEmpty());
    assertTrue(REASONS.isEmpty(), "the request never reached the filter");
  }

  /** A seal of {@code {"user":"alice"}} in tracker-cookie's layout, made at another time. */
  private static String aliceSealedAt(Clock clock, Duration ttl) {
    return IronCodec.create(
            IronPasswords.single(TestConfigs.PASSWORD),
            IronOptions.builder().clock(clock).ttl(ttl).build())
        .seal("\"" + ALICE.replace("\"", "\\\"") + "\"");
  }

  private static String padding(int bytes) {
    return "pad=" + "p".repeat(bytes - 4);
  }

  // --- size ---

  @Test
  void cookieHeaderOf8KB_isTheServersOwn400() {
    assertServersOwn400(read(padding(8 * 1024) + "; " + NAME + "=" + good));
  }

  @Test
  void cookieHeaderOf64KB_isTheServersOwn400() {
    assertServersOwn400(read(padding(64 * 1024) + "; " + NAME + "=" + good));
  }

  @Test
  void cookieHeaderOf8KB_onAServerThatAllowsIt_readsTheTracker() {
    assertTracker(
        ALICE,
        RawHttp.get(
            largeHeaders.base(),
            "/read",
            "Cookie: " + padding(8 * 1024) + "; " + NAME + "=" + good));
    assertTrue(REASONS.isEmpty());
  }

  @Test
  void cookieHeaderOf64KB_onAServerThatAllowsIt_readsTheTracker() {
    assertTracker(
        ALICE,
        RawHttp.get(
            largeHeaders.base(),
            "/read",
            "Cookie: " + padding(64 * 1024) + "; " + NAME + "=" + good));
    assertTrue(REASONS.isEmpty());
  }

  @Test
  void trackerValueOf64KB_isRefusedBeforeAnyCrypto() {
    RawHttp.Response response =
        RawHttp.get(
            largeHeaders.base(), "/read", "Cookie: " + NAME + "=" + good + "A".repeat(64 * 1024));
    assertEmptyTracker(response, RejectionReason.OVERSIZE);
  }

  @Test
  void thousandCookies_withTheTrackerLast_readsTheTracker() {
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      header.append("c=").append(i % 10).append(';');
    }
    header.append(NAME).append('=').append(good);
    assertTracker(ALICE, read(header.toString()));
    assertTrue(REASONS.isEmpty());
  }

  @Test
  void thousandNamedCookies_overTheServersLimit_isTheServersOwn400() {
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      header.append("cookie").append(i).append("=value; ");
    }
    assertServersOwn400(read(header + NAME + "=" + good));
  }

  // --- the tracker cookie repeated ---

  @Test
  void trackerCookieRepeatedWithForgeries_opensAtMostEightCandidates() {
    String forged = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      header.append(NAME).append('=').append(forged).append("; ");
    }
    header.append(NAME).append('=').append(good);
    RawHttp.Response response = RawHttp.get(largeHeaders.base(), "/read", "Cookie: " + header);
    // The valid copy comes after the bound, so it is never reached: bounded work, empty tracker.
    RejectionReason[] eight = new RejectionReason[8];
    java.util.Arrays.fill(eight, RejectionReason.BAD_MAC);
    assertEmptyTracker(response, eight);
  }

  @Test
  void trackerCookieRepeated_firstValidCopyWins() {
    assertTracker(ALICE, read(NAME + "=" + good + "; " + NAME + "=" + bob));
    assertTracker("{\"user\":\"bob\"}", read(NAME + "=" + bob + "; " + NAME + "=" + good));
    assertTracker(ALICE, read(NAME + "=junk; " + NAME + "=" + good + "; " + NAME + "=" + bob));
    assertEquals(List.of(RejectionReason.MALFORMED), REASONS);
  }

  // --- quoting and encoding ---

  @Test
  void quotedValue_isUnquotedAndRead() {
    assertTracker(ALICE, read(NAME + "=\"" + good + "\""));
  }

  @Test
  void halfQuotedValue_readsEmpty() {
    assertEmptyTracker(read(NAME + "=\"" + good), RejectionReason.MALFORMED);
  }

  @Test
  void percent2AForStar_isDecodedAndRead() {
    assertTracker(ALICE, read(NAME + "=" + good.replace("*", "%2A")));
    assertTracker(ALICE, read(NAME + "=" + good.replace("*", "%2a")));
  }

  @Test
  void otherPercentEscapes_areNotDecoded_andReadEmpty() {
    // %46 is 'F': only %2A is decoded, so a seal cannot be re-spelled any other way.
    assertEmptyTracker(read(NAME + "=%46" + good.substring(1)), RejectionReason.MALFORMED);
  }

  // --- control and non-ASCII bytes ---

  @Test
  void nulByteInTheValue_readsEmptyBeforeAnyCrypto() {
    assertEmptyTracker(
        readRaw(
            "Cookie: " + NAME + "=" + good.substring(0, 30) + "\0" + good.substring(30) + "\r\n"),
        RejectionReason.NON_ASCII);
  }

  @Test
  void bareCrInTheValue_readsEmptyBeforeAnyCrypto() {
    assertEmptyTracker(
        readRaw(
            "Cookie: " + NAME + "=" + good.substring(0, 30) + "\r" + good.substring(30) + "\r\n"),
        RejectionReason.NON_ASCII);
  }

  @Test
  void crLfInTheValue_endsTheHeader_andReadsEmpty() {
    assertEmptyTracker(
        readRaw(
            "Cookie: "
                + NAME
                + "="
                + good.substring(0, 30)
                + "\r\nX-Rest: "
                + good.substring(30)
                + "\r\n"),
        RejectionReason.MALFORMED);
    REASONS.clear();
    assertEmptyTracker(
        readRaw(
            "Cookie: "
                + NAME
                + "="
                + good.substring(0, 30)
                + "\nX-Rest: "
                + good.substring(30)
                + "\r\n"),
        RejectionReason.MALFORMED);
  }

  @Test
  void crLfSpaceFold_joinsTheLines_andReadsEmpty() {
    // The server unfolds the line with a space, which no seal contains.
    assertEmptyTracker(
        readRaw(
            "Cookie: "
                + NAME
                + "="
                + good.substring(0, 30)
                + "\r\n "
                + good.substring(30)
                + "\r\n"),
        RejectionReason.NON_ASCII);
  }

  /**
   * A bare LF followed by a line with no colon: Grizzly waits for the header's end, which never
   * comes. No thread is held (Grizzly is non-blocking); once the client has sent all it has
   * (half-close), the server closes the connection without an answer. The request never reaches the
   * application.
   */
  @Test
  void bareLfFollowedByAColonlessLine_isClosedByTheServer_withoutReachingTheApplication()
      throws IOException {
    try (Socket socket = new Socket(server.base().getHost(), server.base().getPort())) {
      socket.setSoTimeout(RawHttp.READ_TIMEOUT_MILLIS);
      String request =
          "GET /read HTTP/1.1\r\nHost: localhost\r\nCookie: "
              + NAME
              + "="
              + good.substring(0, 30)
              + "\n"
              + good.substring(30)
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.shutdownOutput();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400"), answer);
    }
    assertTrue(REASONS.isEmpty());
  }

  @Test
  void nonAsciiBytesInTheValue_readEmpty_withoutCrypto() {
    String utf8E =
        new String("\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertEmptyTracker(
        readRaw(
            "Cookie: " + NAME + "=" + good.substring(0, 40) + utf8E + good.substring(40) + "\r\n"),
        RejectionReason.NON_ASCII);
    REASONS.clear();
    assertEmptyTracker(
        readRaw("Cookie: " + NAME + "=" + good + "\u00ff\r\n"), RejectionReason.NON_ASCII);
  }

  @Test
  void nonAsciiBytesInAnotherCookie_doNotStopTheTracker() {
    assertTracker(
        ALICE, readRaw("Cookie: other=\u00e9\u00ff\u0080; " + NAME + "=" + good + "\r\n"));
  }

  // --- seals that are well formed but not acceptable ---

  @Test
  void sealFromAnotherPassword_readsEmpty() {
    String foreign =
        TestConfigs.seal(TestConfigs.OTHER_PASSWORD, "\"{\\\"user\\\":\\\"alice\\\"}\"");
    assertEmptyTracker(read(NAME + "=" + foreign), RejectionReason.BAD_MAC);
  }

  @Test
  void expiredSeal_readsEmpty() {
    String expired =
        aliceSealedAt(
            Clock.offset(TestConfigs.FIXED_CLOCK, Duration.ofHours(-1)), Duration.ofMinutes(10));
    assertEmptyTracker(read(NAME + "=" + expired), RejectionReason.EXPIRED);
  }

  /**
   * A seal made by a node whose clock runs a day ahead carries a later expiration. Iron checks only
   * that the expiration has not passed (it cannot tell a fast clock from a long ttl), and the MAC
   * proves the seal was made with our password: it is read. SECURITY.md says so.
   */
  @Test
  void sealFromTheFuture_withAValidMac_isRead() {
    String future =
        aliceSealedAt(
            Clock.offset(TestConfigs.FIXED_CLOCK, Duration.ofDays(1)), Duration.ofMinutes(10));
    assertTracker(ALICE, read(NAME + "=" + future));
  }

  @Test
  void sealFromTheFuture_withItsExpirationEdited_readsEmpty() {
    SealParts parts = SealParts.parse(good);
    String edited =
        good.replace(
            "*" + parts.expiration() + "*",
            "*" + (Long.parseLong(parts.expiration()) + 86_400_000L) + "*");
    assertEmptyTracker(read(NAME + "=" + edited), RejectionReason.BAD_MAC);
  }

  /**
   * Stateless by design: clearing the tracker deletes the browser's cookie, but a copy kept by the
   * client (or a thief) stays valid until its expiration. SECURITY.md says so.
   */
  @Test
  void sealReplayedAfterBeingCleared_isStillRead() {
    RawHttp.Response cleared = server.get("/clear", "Cookie: " + NAME + "=" + good);
    assertEquals(200, cleared.status());
    assertEquals("", cleared.cookieValue(NAME), "the clear deletes the cookie");
    assertTracker(ALICE, read(NAME + "=" + good));
  }

  @Test
  void partsSwappedBetweenTwoValidSeals_readEmpty() {
    String[] a = good.split("\\*", -1);
    String[] b = bob.split("\\*", -1);
    String[] otherExpiration =
        aliceSealedAt(
                Clock.offset(TestConfigs.FIXED_CLOCK, Duration.ofMinutes(-1)),
                Duration.ofMinutes(10))
            .split("\\*", -1);
    assertEquals(8, a.length);
    int[][] swaps = {{2}, {3}, {4}, {6}, {7}, {6, 7}, {2, 3}, {2, 3, 4}, {3, 4}};
    for (int[] swap : swaps) {
      String[] mixed = a.clone();
      for (int part : swap) {
        mixed[part] = b[part];
      }
      REASONS.clear();
      assertEmptyTracker(read(NAME + "=" + String.join("*", mixed)), RejectionReason.BAD_MAC);
    }
    String[] mixed = a.clone();
    mixed[5] = otherExpiration[5];
    REASONS.clear();
    assertEmptyTracker(read(NAME + "=" + String.join("*", mixed)), RejectionReason.BAD_MAC);
    // Everything but the MAC pair from bob is bob's seal: the MAC covers all the rest.
    String[] bobWithAlicesMac = b.clone();
    bobWithAlicesMac[6] = a[6];
    bobWithAlicesMac[7] = a[7];
    REASONS.clear();
    assertEmptyTracker(
        read(NAME + "=" + String.join("*", bobWithAlicesMac)), RejectionReason.BAD_MAC);
  }
}

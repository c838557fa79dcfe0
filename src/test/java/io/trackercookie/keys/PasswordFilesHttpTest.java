package io.trackercookie.keys;

import static io.trackercookie.keys.KeyFiles.await;
import static io.trackercookie.keys.KeyFiles.plain;
import static io.trackercookie.keys.KeyFiles.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.PayloadFormat;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords read from files and reloaded while the server runs, over HTTP: a directory mounted as
 * Kubernetes mounts a Secret, files written in place and atomically, files deleted or garbled.
 */
class PasswordFilesHttpTest {

  private static final String NAME = "persistent-information";
  private static final Duration POLL = Duration.ofMillis(20);
  private static final String PAST = "2000-01-01T00:00:00Z";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String k1 = randomPassword();
  private final String k2 = randomPassword();
  private final String k3 = randomPassword();

  @TempDir Path dir;

  static String randomPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private TestServer serverOnDirectory() {
    TrackerConfig config =
        TrackerConfig.builder()
            .passwordSource(
                PasswordSource.builder().passwordDirectory(dir).pollIntervalForTests(POLL).build())
            .build();
    return new TestServer(() -> TestConfigs.app(config));
  }

  private static String idOfNewSeal(TestServer server) {
    return SealParts.parse(server.get("/put?k=probe&v=1").cookieValue(NAME)).passwordId();
  }

  private static RawHttp.Response read(TestServer server, String cookie) {
    return server.get("/read", "Cookie: " + NAME + "=" + cookie);
  }

  @Test
  void kubernetesSecretUpdate_addsAKey_oldCookiesStillOpen_andNewSealsUseTheNewId() {
    KeyFiles.kubernetesUpdate(dir, "2026_12_01_a", Map.of("k1", plain(k1)));
    try (TestServer server = serverOnDirectory()) {
      String before = server.get("/put?k=user&v=alice").cookieValue(NAME);
      assertEquals("k1", SealParts.parse(before).passwordId());

      Map<String, String> both = new LinkedHashMap<>();
      both.put("k1", plain(k1));
      both.put("k2", scheduled(PAST, k2));
      KeyFiles.kubernetesUpdate(dir, "2026_12_02_b", both);
      await("new seals carry k2", () -> idOfNewSeal(server).equals("k2"));

      RawHttp.Response old = read(server, before);
      assertEquals(200, old.status());
      assertEquals("{\"user\":\"alice\"}", old.body(), "sealed before the reload, still opens");
      assertEquals(
          "k2",
          SealParts.parse(old.cookieValue(NAME)).passwordId(),
          "and is resealed with the new key on the same response");

      // The Secret drops k1: its cookies read as empty trackers, never an error.
      KeyFiles.kubernetesUpdate(dir, "2026_12_03_c", Map.of("k2", scheduled(PAST, k2)));
      await("k1 is no longer accepted", () -> read(server, before).body().equals("{}"));
      assertFalse(Files.exists(dir.resolve("k1")));
    }
  }

  @Test
  void filesWrittenInPlace_orAtomically_areBothPickedUp() {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    try (TestServer server = serverOnDirectory()) {
      String before = server.get("/put?k=user&v=bob").cookieValue(NAME);
      KeyFiles.writeAtomically(dir.resolve("k2"), scheduled(PAST, k2));
      await("the atomically written k2 seals", () -> idOfNewSeal(server).equals("k2"));
      KeyFiles.writeInPlace(dir.resolve("k3"), scheduled("2001-01-01T00:00:00Z", k3));
      await("the k3 written in place seals", () -> idOfNewSeal(server).equals("k3"));
      assertEquals("{\"user\":\"bob\"}", read(server, before).body());
    }
  }

  @Test
  void unusableFiles_keepTheLastGoodRing_withOneWarningEach_namingTheFileNeverItsContent()
      throws IOException {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    try (KeyFiles.LogCapture log = new KeyFiles.LogCapture();
        TestServer server = serverOnDirectory()) {
      String before = server.get("/put?k=user&v=carol").cookieValue(NAME);

      // Half-written: the seal-from line and the first characters of the password.
      String half = scheduled(PAST, k2).substring(0, 40);
      KeyFiles.writeInPlace(dir.resolve("k2"), half);
      await("a warning names k2", () -> log.warningsMentioning(dir.resolve("k2").toString()) > 0);
      assertEquals("k1", idOfNewSeal(server), "the last good ring stays in force");
      assertEquals("{\"user\":\"carol\"}", read(server, before).body());

      // Garbage: not UTF-8.
      Files.write(dir.resolve("k3"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
      await("a warning names k3", () -> log.warningsMentioning(dir.resolve("k3").toString()) > 0);
      RawHttp.Response stillThere = read(server, before);
      assertEquals(200, stillThere.status());
      assertEquals("{\"user\":\"carol\"}", stillThere.body());

      // Mended: both files become usable, and the ring with them comes into force.
      KeyFiles.delete(dir.resolve("k3"));
      KeyFiles.writeInPlace(dir.resolve("k2"), scheduled(PAST, k2));
      await("the mended k2 seals", () -> idOfNewSeal(server).equals("k2"));

      assertEquals(
          1, log.warningsMentioning(dir.resolve("k2").toString()), log.warnings().toString());
      assertEquals(
          1, log.warningsMentioning(dir.resolve("k3").toString()), log.warnings().toString());
      for (String message : log.messages()) {
        for (String secret : new String[] {k1, k2, k3, k2.substring(0, 10)}) {
          assertFalse(message.contains(secret), "a password in the log: " + message);
        }
      }
    }
  }

  @Test
  void aFileStartingWithAByteOrderMark_isRefused_notSealedWithAPasswordNobodyTyped() {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    try (KeyFiles.LogCapture log = new KeyFiles.LogCapture();
        TestServer server = serverOnDirectory()) {
      String before = server.get("/put?k=user&v=hana").cookieValue(NAME);
      // The same password saved again by an editor that writes a UTF-8 byte-order mark: the mark
      // would become part of the key, and every cookie (and every other service) would disagree.
      KeyFiles.writeInPlace(dir.resolve("k1"), "\uFEFF" + plain(k1));
      await("a warning names k1", () -> log.warningsMentioning(dir.resolve("k1").toString()) > 0);
      assertTrue(
          log.warnings().stream().anyMatch(w -> w.contains("byte-order mark")),
          log.warnings().toString());
      assertEquals("{\"user\":\"hana\"}", read(server, before).body());
      assertEquals(
          "{\"user\":\"hana\"}",
          read(server, server.get("/put?k=user&v=hana").cookieValue(NAME)).body());
    }
  }

  @Test
  void aHugeFileInTheDirectory_isRefusedUnread_andReloadingGoesOn() throws IOException {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    try (KeyFiles.LogCapture log = new KeyFiles.LogCapture();
        TestServer server = serverOnDirectory()) {
      String before = server.get("/put?k=user&v=gina").cookieValue(NAME);
      // A sparse file of 3 GiB whose name reads as a password id (a backup dropped in the mount).
      Path huge = dir.resolve("backup");
      try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
        file.setLength(3L << 30);
      }
      await("a warning names the huge file", () -> log.warningsMentioning(huge.toString()) > 0);
      assertTrue(
          log.warnings().stream().anyMatch(w -> w.contains(huge + ": is larger than")),
          log.warnings().toString());
      assertEquals("{\"user\":\"gina\"}", read(server, before).body());

      // The watcher is still there: the next change is picked up.
      KeyFiles.delete(huge);
      KeyFiles.writeInPlace(dir.resolve("k2"), scheduled(PAST, k2));
      await("k2 seals after the huge file went", () -> idOfNewSeal(server).equals("k2"));
    }
  }

  @Test
  void theSealingPasswordsFileVanishing_keepsTheRing_butAnOldPasswordsFileMayGo() {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    KeyFiles.writeInPlace(dir.resolve("k2"), scheduled(PAST, k2));
    try (KeyFiles.LogCapture log = new KeyFiles.LogCapture();
        TestServer server = serverOnDirectory()) {
      assertEquals("k2", idOfNewSeal(server));
      String sealedWithK2 = server.get("/put?k=user&v=dave").cookieValue(NAME);

      KeyFiles.delete(dir.resolve("k2"));
      await("a warning names k2", () -> log.warningsMentioning("k2") > 0);
      assertEquals("k2", idOfNewSeal(server), "not k1: its file going was taken for a mistake");
      assertEquals("{\"user\":\"dave\"}", read(server, sealedWithK2).body());

      KeyFiles.writeAtomically(dir.resolve("k2"), scheduled(PAST, k2));
      String sealedWithK1 =
          IronCodec.create(
                  IronPasswords.builder().current("k1", k1).build(), IronOptions.defaults())
              .seal("\"{\\\"user\\\":\\\"erin\\\"}\"");
      assertEquals("{\"user\":\"erin\"}", read(server, sealedWithK1).body());
      KeyFiles.delete(dir.resolve("k1"));
      await("k1 is dropped", () -> read(server, sealedWithK1).body().equals("{}"));
      assertEquals("k2", idOfNewSeal(server));
    }
  }

  /** A seal of {"user":"..."} made with k1 by whoever holds it (a leaked password). */
  private String sealedWithK1(String user) {
    return IronCodec.create(
            IronPasswords.builder().current("k1", k1).build(), IronOptions.defaults())
        .seal("\"{\\\"user\\\":\\\"" + user + "\\\"}\"");
  }

  @Test
  void aSealFromBeyondYear9999_isRefusedNamingTheFile_andAFixStuckBehindItIsReportedOnEachChange()
      throws InterruptedException {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    KeyFiles.writeInPlace(dir.resolve("k2"), scheduled(PAST, k2));
    try (KeyFiles.LogCapture log = new KeyFiles.LogCapture();
        TestServer server = serverOnDirectory()) {
      String forged = sealedWithK1("mallory");
      assertEquals("{\"user\":\"mallory\"}", read(server, forged).body());

      // A far-future password: a year the file format reads, but no clock arithmetic survives.
      Path k3File = dir.resolve("k3");
      KeyFiles.writeInPlace(k3File, scheduled("+999999999-12-31T23:59:59Z", k3));
      await("a warning names k3", () -> log.warningsMentioning(k3File.toString()) > 0);
      String refused = log.warnings().get(log.warnings().size() - 1);
      assertTrue(refused.contains("years 0000 to 9999"), refused);
      assertEquals("k2", idOfNewSeal(server), "the last good ring stays in force");

      // k1 leaked: the operator removes it, not seeing that k3 blocks every reload. Each change
      // that cannot be applied is reported again, naming what blocks it.
      KeyFiles.delete(dir.resolve("k1"));
      await(
          "the removal is reported as not applied",
          () -> log.warningsMentioning(k3File.toString()) > 1);
      String stuck = log.warnings().get(log.warnings().size() - 1);
      assertTrue(stuck.contains("not applied"), stuck);
      assertEquals(
          "{\"user\":\"mallory\"}", read(server, forged).body(), "k1 is still accepted meanwhile");

      // Nothing changes: no warning on every poll.
      int warnings = log.warnings().size();
      Thread.sleep(POLL.toMillis() * 25);
      assertEquals(warnings, log.warnings().size(), log.warnings().toString());

      // k3 mended: the removal of k1 takes effect at last.
      KeyFiles.writeInPlace(k3File, scheduled("2099-01-01T00:00:00Z", k3));
      await("k1 is no longer accepted", () -> read(server, forged).body().equals("{}"));
      for (String message : log.messages()) {
        for (String secret : new String[] {k1, k2, k3}) {
          assertFalse(message.contains(secret), "a password in the log: " + message);
        }
      }
    }
  }

  @Test
  void aSealFromBeyondYear9999_atStartUp_stopsIt_namingTheFile() {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    KeyFiles.writeInPlace(dir.resolve("k2"), scheduled("+10000-01-01T00:00:00Z", k2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfig.builder().passwordDirectory(dir).build());
    assertTrue(e.getMessage().contains(dir.resolve("k2").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("years 0000 to 9999"), e.getMessage());
    assertFalse(e.getMessage().contains(k2), e.getMessage());
  }

  @Test
  void aSingleFile_isReloaded_andKeptWhenItVanishes() {
    Path file = dir.resolve("password");
    KeyFiles.writeInPlace(file, plain(k1));
    TrackerConfig config =
        TrackerConfig.builder()
            .passwordSource(
                PasswordSource.builder().passwordFile(file).pollIntervalForTests(POLL).build())
            .build();
    try (KeyFiles.LogCapture log = new KeyFiles.LogCapture();
        TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String first = server.get("/put?k=user&v=frank").cookieValue(NAME);
      assertEquals("\"{\\\"user\\\":\\\"frank\\\"}\"", IronCodec.create(k1).unseal(first));

      KeyFiles.writeAtomically(file, plain(k2));
      await(
          "new seals use the new password",
          () -> opensWith(k2, server.get("/put?k=user&v=gina").cookieValue(NAME)));

      KeyFiles.delete(file);
      await("a warning names the file", () -> log.warningsMentioning(file.toString()) > 0);
      assertTrue(opensWith(k2, server.get("/put?k=user&v=hal").cookieValue(NAME)));
    }
  }

  private static boolean opensWith(String password, String seal) {
    try {
      IronCodec.create(password).unseal(seal);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Test
  void ironSessionsNumericIds_comeFromTheFileNames() {
    KeyFiles.writeInPlace(dir.resolve("1"), plain(k1));
    KeyFiles.writeInPlace(dir.resolve("2"), scheduled(PAST, k2));
    TrackerConfig config =
        TrackerConfig.builder()
            .passwordDirectory(dir)
            .payloadFormat(PayloadFormat.IRON_SESSION)
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String value = server.get("/put?k=a&v=b").cookieValue(NAME);
      assertTrue(value.startsWith("Fe26.2*2*") && value.endsWith("~2"), value);
    }
    Path file = dir.resolve("1");
    IllegalArgumentException single =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrackerConfig.builder()
                    .passwordFile(file)
                    .payloadFormat(PayloadFormat.IRON_SESSION)
                    .build());
    assertTrue(single.getMessage().contains("numeric"), single.getMessage());
  }

  @Test
  void theNamedSetting_pointsAtTheDirectory() {
    KeyFiles.writeInPlace(dir.resolve("k7"), plain(k1));
    TrackerConfig config =
        TrackerSettings.read(
            Map.of(
                    TrackerSettings.PASSWORD_DIR,
                    dir.toString(),
                    TrackerSettings.PASSWORD_POLL_INTERVAL,
                    "PT1S")
                ::get);
    assertEquals(dir, config.passwordSource().files().orElseThrow().path());
    assertEquals(
        "TRACKER_PASSWORD_DIR", TrackerSettings.environmentName(TrackerSettings.PASSWORD_DIR));
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      assertEquals("k7", idOfNewSeal(server));
    }
  }

  @Test
  void unusableFilesAtStartUp_stopIt_namingTheSettingAndTheFile_neverTheContent() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfig.builder().passwordDirectory(dir.resolve("absent")).build());
    assertTrue(missing.getMessage().contains("TRACKER_PASSWORD_DIR"), missing.getMessage());

    KeyFiles.writeInPlace(
        dir.resolve("k1"), plain("some_not_random_password_that_is_also_long_enough"));
    IllegalArgumentException weak =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfig.builder().passwordDirectory(dir).build());
    assertTrue(
        weak.getMessage().contains(dir.resolve("k1").toString())
            && weak.getMessage().contains("weak")
            && !weak.getMessage().contains("not_random"),
        weak.getMessage());

    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    KeyFiles.writeInPlace(dir.resolve("k2"), plain(k2));
    IllegalArgumentException twoCurrent =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfig.builder().passwordDirectory(dir).build());
    assertTrue(twoCurrent.getMessage().contains("seal-from"), twoCurrent.getMessage());

    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrackerSettings.read(
                    Map.of(
                            TrackerSettings.PASSWORD_DIR,
                            dir.toString(),
                            TrackerSettings.PASSWORD,
                            TestConfigs.PASSWORD)
                        ::get));
    assertTrue(both.getMessage().contains("only one of"), both.getMessage());
  }

  @Test
  void thePollingThread_endsWhenTheServerStops() {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(k1));
    try (TestServer server = serverOnDirectory()) {
      assertEquals("k1", idOfNewSeal(server));
      assertTrue(pollerThreads() > 0, "the feature started its poller");
    }
    assertEquals(0, pollerThreads(), "no poller outlives its application");
  }

  private static long pollerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(PasswordWatcher.THREAD_NAME) && t.isAlive())
        .count();
  }
}

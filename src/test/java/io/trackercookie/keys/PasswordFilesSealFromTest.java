package io.trackercookie.keys;

import static io.trackercookie.keys.KeyFiles.plain;
import static io.trackercookie.keys.KeyFiles.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sealFrom instants a password file may name: the years 0000 to 9999, in UTC. */
class PasswordFilesSealFromTest {

  private static final String K1 = PasswordFilesHttpTest.randomPassword();
  private static final String K2 = PasswordFilesHttpTest.randomPassword();

  @TempDir Path dir;

  private PasswordRing readWithK2SealingFrom(String instant)
      throws PasswordFiles.UnusableException {
    KeyFiles.writeInPlace(dir.resolve("k1"), plain(K1));
    KeyFiles.writeInPlace(dir.resolve("k2"), scheduled(instant, K2));
    return PasswordFiles.directory(dir).read(32, false);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "9999-12-31T23:59:59+00:00",
        "2027-01-10T09:00:00Z"
      })
  void anInstantWithinTheYears0000To9999_isRead(String instant)
      throws PasswordFiles.UnusableException {
    PasswordRing ring = readWithK2SealingFrom(instant);
    assertEquals(List.of("k1", "k2"), List.copyOf(ring.ids()));
    Instant from = OffsetDateTime.parse(instant).toInstant();
    assertEquals("k2", ring.sealingIdAt(from).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+999999999-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z",
        "-0001-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "0000-01-01T00:30:00+01:00", // the year -1 in UTC
        "9999-12-31T23:30:00-01:00" // the year 10000 in UTC
      })
  void anInstantOutsideTheYears0000To9999_isRefused_namingTheFileNeverThePassword(String instant) {
    PasswordFiles.UnusableException e =
        assertThrows(PasswordFiles.UnusableException.class, () -> readWithK2SealingFrom(instant));
    assertEquals(1, e.problems().size(), e.problems().toString());
    String problem = e.problems().get(0);
    assertTrue(problem.contains(dir.resolve("k2").toString()), problem);
    assertTrue(problem.contains("years 0000 to 9999"), problem);
    assertFalse(problem.contains(K2), problem);
  }
}

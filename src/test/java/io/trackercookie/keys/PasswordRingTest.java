package io.trackercookie.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.iron.IronSecret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The key schedule's rule: the latest seal-from instant not after now seals; all are accepted. */
class PasswordRingTest {

  private static final String PASSWORD_A = PasswordFilesHttpTest.randomPassword();
  private static final IronSecret A = IronSecret.password(PASSWORD_A);
  private static final IronSecret B = IronSecret.password(PasswordFilesHttpTest.randomPassword());
  private static final IronSecret C = IronSecret.password(PasswordFilesHttpTest.randomPassword());
  private static final Instant T1 = Instant.parse("2027-01-10T09:00:00Z");
  private static final Instant T2 = Instant.parse("2027-02-10T09:00:00Z");

  @Test
  void theLatestInstantNotAfterNow_seals_andEveryPasswordIsAcceptedInEveryPeriod() {
    PasswordRing ring =
        PasswordRing.builder().current("k1", A).sealFrom("k3", C, T2).sealFrom("k2", B, T1).build();
    assertEquals(Optional.of("k1"), ring.sealingIdAt(T1.minusMillis(1)));
    assertEquals(Optional.of("k2"), ring.sealingIdAt(T1));
    assertEquals(Optional.of("k3"), ring.sealingIdAt(T2.plusSeconds(1)));
    List<PasswordRing.Period> periods = ring.periods();
    assertEquals(
        List.of(Instant.MIN, T1, T2), periods.stream().map(PasswordRing.Period::from).toList());
    assertEquals(
        List.of("k1", "k2", "k3"), periods.stream().map(p -> p.passwords().currentId()).toList());
    for (PasswordRing.Period period : periods) {
      assertEquals(3, period.passwords().ids().size());
    }
  }

  @Test
  void anAcceptedOnlyPassword_neverSeals() {
    PasswordRing ring = PasswordRing.builder().accept("old", A).current("k1", B).build();
    assertEquals(Optional.of("k1"), ring.sealingIdAt(Instant.MAX));
    assertEquals(1, ring.periods().size());
  }

  @Test
  void anUndecidedSealer_orNone_isRefused_namingTheIds() {
    IllegalStateException two =
        assertThrows(
            IllegalStateException.class,
            () -> PasswordRing.builder().current("k1", A).current("k2", B).build());
    assertTrue(
        two.getMessage().contains("k1") && two.getMessage().contains("k2"), two.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            PasswordRing.builder()
                .current("k1", A)
                .sealFrom("k2", B, T1)
                .sealFrom("k3", C, T1)
                .build());
    assertThrows(IllegalStateException.class, () -> PasswordRing.builder().accept("k1", A).build());
    assertThrows(
        IllegalArgumentException.class, () -> PasswordRing.builder().current("not an id", A));
  }

  @Test
  void aSealFromOutsideTheYears0000To9999_isRefusedByTheBuilder_namingTheCallAndTheId() {
    for (Instant outside :
        List.of(
            Instant.MAX,
            Instant.parse("+999999999-12-31T23:59:59Z"),
            Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59.999Z"),
            Instant.MIN)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> PasswordRing.builder().current("k1", A).sealFrom("k2", B, outside));
      assertTrue(e.getMessage().contains("PasswordRing.Builder.sealFrom"), e.getMessage());
      assertTrue(e.getMessage().contains("k2"), e.getMessage());
      assertTrue(e.getMessage().contains("years 0000 to 9999 (UTC)"), e.getMessage());
    }
    for (Instant edge :
        List.of(
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"))) {
      PasswordRing ring = PasswordRing.builder().current("k1", A).sealFrom("k2", B, edge).build();
      assertEquals(2, ring.periods().size(), edge.toString());
    }
  }

  @Test
  void aScheduleInTheFuture_sealsNothingYet() {
    PasswordRing ring = PasswordRing.builder().sealFrom("k2", B, T1).accept("k1", A).build();
    assertEquals(Optional.empty(), ring.sealingIdAt(T1.minusSeconds(1)));
  }

  @Test
  void toString_showsIdsAndInstants_neverASecret() {
    PasswordRing ring = PasswordRing.builder().current("k1", A).sealFrom("k2", B, T1).build();
    String text = ring.toString();
    assertTrue(text.contains("k2 seals from " + T1), text);
    assertFalse(text.contains(PASSWORD_A), text);
    assertTrue(text.contains("redacted"), text);
    String config = io.trackercookie.TrackerConfig.builder().passwordRing(ring).build().toString();
    assertTrue(config.contains("k2 seals from " + T1), config);
    assertFalse(config.contains(PASSWORD_A), config);
  }
}

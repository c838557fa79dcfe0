package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SaltPolicy as a setting: its two forms, the rules on reuse's bounds, value semantics. */
class SaltPolicyTest {

  @Test
  void fresh_isIronsBehaviour_andTheDefault() {
    SaltPolicy fresh = SaltPolicy.fresh();
    assertTrue(fresh.isFresh());
    assertEquals(1, fresh.maxSeals());
    assertEquals(Duration.ZERO, fresh.maxAge());
    assertSame(fresh, IronOptions.defaults().saltPolicy());
    assertSame(fresh, IronOptions.builder().build().saltPolicy());
  }

  @Test
  void reuseOfOneSeal_isFresh() {
    assertSame(SaltPolicy.fresh(), SaltPolicy.reuse(1, Duration.ZERO));
    assertSame(SaltPolicy.fresh(), SaltPolicy.reuse(1, Duration.ofMinutes(1)));
  }

  @Test
  void reuse_keepsItsBounds() {
    SaltPolicy reuse = SaltPolicy.reuse(10_000, Duration.ofMinutes(1));
    assertFalse(reuse.isFresh());
    assertEquals(10_000, reuse.maxSeals());
    assertEquals(Duration.ofMinutes(1), reuse.maxAge());
    assertEquals("SaltPolicy[reuse maxSeals=10000, maxAge=PT1M]", reuse.toString());
  }

  @Test
  void reuse_refusesBoundsThatMakeNoWindow() {
    assertThrows(IllegalArgumentException.class, () -> SaltPolicy.reuse(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> SaltPolicy.reuse(10, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> SaltPolicy.reuse(10, Duration.ofSeconds(-1)));
    assertThrows(NullPointerException.class, () -> SaltPolicy.reuse(10, null));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SaltPolicy.reuse(-5, Duration.ofSeconds(1)));
    assertTrue(e.getMessage().contains("maxSeals"), e.getMessage());
  }

  @Test
  void policies_areValues() {
    assertEquals(
        SaltPolicy.reuse(5, Duration.ofSeconds(9)), SaltPolicy.reuse(5, Duration.ofSeconds(9)));
    assertEquals(
        SaltPolicy.reuse(5, Duration.ofSeconds(9)).hashCode(),
        SaltPolicy.reuse(5, Duration.ofSeconds(9)).hashCode());
    assertNotEquals(
        SaltPolicy.reuse(5, Duration.ofSeconds(9)), SaltPolicy.reuse(6, Duration.ofSeconds(9)));
    assertNotEquals(SaltPolicy.reuse(5, Duration.ofSeconds(9)), SaltPolicy.fresh());
  }

  @Test
  void theOptionsBuilder_takesAPolicyOrItsBounds() {
    SaltPolicy policy = SaltPolicy.reuse(50, Duration.ofSeconds(20));
    assertEquals(policy, IronOptions.builder().saltPolicy(policy).build().saltPolicy());
    assertEquals(
        policy, IronOptions.builder().saltReuse(50, Duration.ofSeconds(20)).build().saltPolicy());
    assertThrows(NullPointerException.class, () -> IronOptions.builder().saltPolicy(null));
  }
}

package io.trackercookie.revocation;

import static io.trackercookie.revocation.EmbeddedRevocationHttpTest.cookieHeader;
import static io.trackercookie.revocation.RedisFleetHttpTest.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.revocation.RedisFleetHttpTest.Node;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A node starting against a real Redis checks that Redis will not evict its revocations: any {@code
 * maxmemory-policy} but {@code noeviction} is a WARNING naming the policy and the fix; a Redis that
 * refuses CONFIG (as managed services do) is said at INFO. Either way revocation works.
 */
class RedisEvictionPolicyHttpTest {

  private static final Duration GENEROUS = Duration.ofSeconds(10);

  private final Recorder recorder = new Recorder();
  private RedisServer redis;
  private Node node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.server().close();
    }
    recorder.close();
    if (redis != null) {
      redis.close();
    }
  }

  /** Starts a node on this Redis, and waits until a logout on it is recorded there. */
  private void startNodeAndLogOut() {
    node = RedisFleetHttpTest.node("A", redis.url(), "policy:" + UUID.randomUUID() + ":");
    String cookie = cookieHeader(node.get("/login?user=alice"));
    eventually(
        GENEROUS,
        "a logout is recorded in Redis",
        () -> node.get("/logout", cookie).body().equals("{\"recorded\":true}"));
    assertEquals("{}", node.get("/read", cookie).body());
  }

  private List<String> policyWarnings() {
    return recorder.warningsAbout("maxmemory-policy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"allkeys-lru", "volatile-lru", "volatile-ttl", "allkeys-random"})
  void anEvictingPolicy_isOneWarningNamingItAndTheFix(String policy) {
    redis = RedisServer.startWith("--maxmemory-policy", policy);
    startNodeAndLogOut();

    List<String> warnings = policyWarnings();
    assertEquals(1, warnings.size(), recorder.warnings.toString());
    assertTrue(warnings.get(0).contains("maxmemory-policy is " + policy), warnings.get(0));
    assertTrue(warnings.get(0).contains("set maxmemory-policy noeviction"), warnings.get(0));
    assertTrue(!warnings.get(0).contains(redis.url()), "the URL is not logged");
  }

  @Test
  void noeviction_isNoWarning() {
    redis = RedisServer.startWith("--maxmemory-policy", "noeviction");
    startNodeAndLogOut();

    assertEquals(List.of(), policyWarnings());
    assertEquals(
        List.of(),
        recorder.infos.stream().filter(line -> line.contains("maxmemory-policy")).toList());
  }

  @Test
  void aRedisRefusingConfig_isSaidAtInfo_notChecked_andRevocationWorks() {
    redis =
        RedisServer.startWith(
            "--maxmemory-policy", "allkeys-lru", "--rename-command", "CONFIG", "");
    startNodeAndLogOut();

    assertEquals(List.of(), policyWarnings(), "cannot be checked: no false alarm");
    List<String> infos =
        recorder.infos.stream().filter(line -> line.contains("maxmemory-policy")).toList();
    assertEquals(1, infos.size(), recorder.infos.toString());
    assertTrue(infos.get(0).contains("was not checked"), infos.get(0));
    assertTrue(infos.get(0).contains("noeviction"), infos.get(0));
  }
}

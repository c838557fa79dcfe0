package io.trackercookie.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trackercookie.RawHttp;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three server instances on 127.0.0.1 sharing the password, each visitor's requests rotating over
 * them as a round-robin balancer would: one tracker across the fleet. Then a rolling key rotation,
 * restarting one node at a time with its new keyring: the new key accepted everywhere, then made
 * current node by node, the old key dropped last. No visitor loses the tracker at any step, and
 * visitors who only read get their unchanged tracker resealed with the new key before the old one
 * is dropped.
 */
class FleetKeyRotationHttpTest {

  private static final String OLD_KEY = "old-key-of-the-fleet-0123456789abcdefghij";
  private static final String NEW_KEY = "new-key-of-the-fleet-abcdefghij0123456789";
  private static final int NODES = 3;

  private final TestServer[] nodes = new TestServer[NODES];
  private final List<Visitor> visitors = new ArrayList<>();

  /** Visitors who only read after their first request: only a reseal renews their cookie. */
  private final List<Visitor> readers = new ArrayList<>();

  private int turn; // the balancer's position

  @AfterEach
  void stopFleet() {
    for (TestServer node : nodes) {
      if (node != null) {
        node.close();
      }
    }
  }

  private static TrackerConfig config(IronPasswords passwords) {
    return TrackerConfig.builder().passwords(passwords).build();
  }

  private static IronPasswords oldOnly() {
    return IronPasswords.builder().current("k1", OLD_KEY).build();
  }

  private static IronPasswords oldCurrentNewAccepted() {
    return IronPasswords.builder().current("k1", OLD_KEY).accept("k2", NEW_KEY).build();
  }

  private static IronPasswords newCurrentOldAccepted() {
    return IronPasswords.builder().current("k2", NEW_KEY).accept("k1", OLD_KEY).build();
  }

  private static IronPasswords newOnly() {
    return IronPasswords.builder().current("k2", NEW_KEY).build();
  }

  private void start(int node, Supplier<IronPasswords> passwords) {
    TrackerConfig config = config(passwords.get());
    nodes[node] = new TestServer(() -> CounterResource.app(config));
  }

  private void restart(int node, Supplier<IronPasswords> passwords) {
    nodes[node].close();
    start(node, passwords);
  }

  /** The next node in round-robin order. */
  private URI balance() {
    URI base = nodes[turn % NODES].base();
    turn++;
    return base;
  }

  /** Every visitor makes one request per node, through the balancer; all must keep counting. */
  private void round(String step) {
    for (int r = 0; r < NODES; r++) {
      for (Visitor visitor : visitors) {
        assertNull(visitor.visit(balance()), step);
      }
      for (Visitor reader : readers) {
        assertNull(reader.peek(balance()), step);
      }
    }
  }

  private static Set<String> passwordIdsOf(List<Visitor> visitors) {
    Set<String> ids = new HashSet<>();
    for (Visitor visitor : visitors) {
      ids.add(SealParts.parse(visitor.cookie()).passwordId());
    }
    return ids;
  }

  private Set<String> passwordIdsInUse() {
    return passwordIdsOf(visitors);
  }

  @Test
  void visitorSpreadOverThreeNodes_keepsOneTracker() {
    for (int node = 0; node < NODES; node++) {
      start(node, FleetKeyRotationHttpTest::oldOnly);
    }
    Visitor visitor = new Visitor("spread");
    for (int i = 0; i < 4 * NODES; i++) {
      URI node = balance();
      assertNull(visitor.visit(node), "request " + i + " to " + node);
    }
    assertEquals(4 * NODES, visitor.count());
  }

  @Test
  void rollingKeyRotation_noVisitorLosesTheTrackerAtAnyStep() {
    for (int node = 0; node < NODES; node++) {
      start(node, FleetKeyRotationHttpTest::oldOnly);
    }
    for (int v = 0; v < 6; v++) {
      visitors.add(new Visitor("visitor" + v));
    }
    for (int r = 0; r < 3; r++) {
      Visitor reader = new Visitor("reader" + r);
      assertNull(reader.visit(balance()));
      readers.add(reader);
    }
    round("before rotation");
    assertEquals(Set.of("k1"), passwordIdsInUse());
    assertEquals(Set.of("k1"), passwordIdsOf(readers));

    // 1. The new key is accepted everywhere before any node seals with it.
    for (int node = 0; node < NODES; node++) {
      restart(node, FleetKeyRotationHttpTest::oldCurrentNewAccepted);
      round("new key accepted on nodes 0.." + node);
    }
    assertEquals(Set.of("k1"), passwordIdsInUse());
    assertEquals(Set.of("k1"), passwordIdsOf(readers), "no reseal while the old key is current");

    // 2. The new key becomes current one node at a time; both keys open everywhere meanwhile.
    Visitor returning = visitors.get(0); // its last cookie, sealed with the old key, is kept
    String oldKeyCookie = returning.cookie();
    for (int node = 0; node < NODES; node++) {
      restart(node, FleetKeyRotationHttpTest::newCurrentOldAccepted);
      round("new key current on nodes 0.." + node);
      assertEquals(
          "k2",
          SealParts.parse(visitFrom(nodes[node].base(), returning)).passwordId(),
          "a node with the new key current reseals with it");
    }
    assertEquals(Set.of("k2"), passwordIdsInUse(), "every visitor holds a new-key cookie now");
    assertEquals(
        Set.of("k2"), passwordIdsOf(readers), "unchanged trackers were resealed with the new key");

    // 3. The old key is dropped last, node by node.
    for (int node = 0; node < NODES; node++) {
      restart(node, FleetKeyRotationHttpTest::newOnly);
      round("old key dropped on nodes 0.." + node);
    }
    assertEquals(Set.of("k2"), passwordIdsInUse());
    for (Visitor visitor : visitors) {
      assertEquals(
          NODES + 3 * NODES * NODES + (visitor == returning ? NODES : 0),
          visitor.count(),
          visitor.id);
    }
    for (Visitor reader : readers) {
      assertEquals(1, reader.count(), "a reader's tracker survived every step: " + reader.id);
      assertEquals(
          reader.id + " 1",
          RawHttp.get(
                  nodes[0].base(),
                  "/counter/" + reader.id + "/peek",
                  "Cookie: " + Visitor.COOKIE + "=" + reader.cookie())
              .body());
    }

    // Why the old key must outlive every cookie sealed with it: a visitor who was away through
    // the whole rotation comes back with an old-key cookie and starts a new tracker.
    RawHttp.Response stale =
        RawHttp.get(
            nodes[0].base(),
            "/counter/" + returning.id,
            "Cookie: " + Visitor.COOKIE + "=" + oldKeyCookie);
    assertEquals(200, stale.status());
    assertEquals(returning.id + " 1", stale.body());
  }

  /** One extra request of a visitor to a given node; returns the cookie it got. */
  private static String visitFrom(URI node, Visitor visitor) {
    assertNull(visitor.visit(node));
    return visitor.cookie();
  }
}

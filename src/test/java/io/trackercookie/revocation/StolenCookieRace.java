package io.trackercookie.revocation;

import static io.trackercookie.revocation.EmbeddedRevocationHttpTest.cookieHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.RawHttp;
import io.trackercookie.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Several clients renewing one stolen cookie (each a write of {@link RaceResource}'s visit counter,
 * with a little work between its read and its write, always with the newest cookie it was given)
 * while another request, to the same node or to another sharing its store, logs the cookie's user
 * out everywhere; repeated for some rounds. Every cookie the clients were given, read once the
 * logout has returned, is a survivor if it still opens as the user.
 */
final class StolenCookieRace {

  /** The work between a visit's read and its write: widens the window a logout can fall into. */
  private static final int WORK_MILLIS = 2;

  /** Visits each client makes once it has seen the logout return. */
  private static final int VISITS_AFTER = 3;

  /** What the rounds found: the survivors, and how many visits straddled a logout. */
  record Result(List<String> survivors, int overlapping, int cookiesChecked, int rounds) {
    @Override
    public String toString() {
      return survivors.size()
          + " survivors in "
          + survivors.stream().map(s -> s.substring(0, s.indexOf(':'))).distinct().count()
          + " of "
          + rounds
          + " rounds ("
          + cookiesChecked
          + " cookies read after the logouts, "
          + overlapping
          + " visits straddled one); the first: "
          + survivors.stream().limit(3).toList();
    }
  }

  private final TestServer server;
  private final TestServer logoutServer;
  private final int writers;
  private final int rounds;

  /**
   * Clients writing to {@code server} while the logout goes to {@code logoutServer} (the same
   * server, or another node sharing its revocation store).
   */
  StolenCookieRace(TestServer server, TestServer logoutServer, int writers, int rounds) {
    this.server = server;
    this.logoutServer = logoutServer;
    this.writers = writers;
    this.rounds = rounds;
  }

  Result run() {
    List<String> survivors = new ArrayList<>();
    AtomicInteger overlapping = new AtomicInteger();
    int checked = 0;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int round = 0; round < rounds; round++) {
        String user = "race-" + round + "-" + Long.toHexString(System.nanoTime());
        String stolen = cookieHeader(server.get("/login?user=" + user));
        AtomicLong logoutStarted = new AtomicLong(Long.MAX_VALUE);
        AtomicLong logoutReturned = new AtomicLong(Long.MAX_VALUE);
        List<Future<List<String>>> clients = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
          clients.add(pool.submit(() -> renew(stolen, logoutStarted, logoutReturned, overlapping)));
        }
        sleepMillis(ThreadLocalRandom.current().nextInt(2, 15));
        logoutStarted.set(System.nanoTime());
        RawHttp.Response logout = logoutServer.get("/admin/logout-everywhere?user=" + user);
        logoutReturned.set(System.nanoTime());
        assertEquals(200, logout.status(), logout.body());

        List<String> cookies = new ArrayList<>();
        cookies.add(stolen);
        for (Future<List<String>> client : clients) {
          cookies.addAll(client.get());
        }
        for (String cookie : cookies) {
          checked++;
          String body = server.get("/read", cookie).body();
          if (body.contains("\"userId\":\"" + user + "\"")) {
            survivors.add("round " + round + ": " + body);
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("the race did not run", e);
    } finally {
      pool.shutdownNow();
    }
    return new Result(survivors, overlapping.get(), checked, rounds);
  }

  /**
   * One client: visits with the newest cookie until it has visited a few times after the logout.
   */
  private List<String> renew(
      String stolen,
      AtomicLong logoutStarted,
      AtomicLong logoutReturned,
      AtomicInteger overlapping) {
    List<String> given = new ArrayList<>();
    String cookie = stolen;
    int after = 0;
    while (after < VISITS_AFTER) {
      long sent = System.nanoTime();
      boolean afterLogout = sent > logoutReturned.get();
      RawHttp.Response response = server.get("/visit?workMillis=" + WORK_MILLIS, cookie);
      if (response.status() != 200) {
        throw new IllegalStateException("a visit answered " + response.status());
      }
      if (sent < logoutReturned.get() && System.nanoTime() > logoutStarted.get()) {
        overlapping.incrementAndGet();
      }
      if (response.cookieValue(EmbeddedRevocationHttpTest.NAME) != null) {
        cookie = cookieHeader(response);
        given.add(cookie);
      }
      if (afterLogout) {
        after++;
      }
    }
    return given;
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

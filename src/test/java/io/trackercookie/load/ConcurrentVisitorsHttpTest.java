package io.trackercookie.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many visitors at once on one server, each with its own tracker counter: nobody sees another's
 * data, no visitor loses an update between its own sequential requests, no request fails.
 *
 * <p>The normal build runs 32 visitors x 25 requests. A bigger run: {@code mvn -B test
 * -Dtest=ConcurrentVisitorsHttpTest -Dtracker.load.visitors=64 -Dtracker.load.requests=500}; it
 * prints the requests, visitors and duration (a figure to report, never asserted).
 */
class ConcurrentVisitorsHttpTest {

  private static final int VISITORS = Integer.getInteger("tracker.load.visitors", 32);
  private static final int REQUESTS = Integer.getInteger("tracker.load.requests", 25);

  /** A guard against a hang, not a speed check. */
  private static final long GUARD_MINUTES = Long.getLong("tracker.load.guardMinutes", 5);

  @Test
  void manyVisitorsAtOnce_eachKeepsItsOwnCount_withNoErrorAndNoLostUpdate() throws Exception {
    try (TestServer server =
        new TestServer(() -> CounterResource.app(TestConfigs.builder().build()))) {
      ExecutorService pool = Executors.newFixedThreadPool(VISITORS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      List<Visitor> visitors = new ArrayList<>();
      try {
        for (int v = 0; v < VISITORS; v++) {
          Visitor visitor = new Visitor("v" + v);
          visitors.add(visitor);
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < REQUESTS; i++) {
                      String problem = visitor.visit(server.base());
                      if (problem != null) {
                        problems.add(problem);
                      }
                    }
                    return problems;
                  }));
        }
        long start = System.nanoTime();
        go.countDown();
        List<String> problems = new ArrayList<>();
        for (Future<List<String>> result : results) {
          problems.addAll(result.get(GUARD_MINUTES, TimeUnit.MINUTES));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf(
            "load: %d visitors x %d requests = %d requests in %d ms (%.0f requests/s)%n",
            VISITORS,
            REQUESTS,
            VISITORS * REQUESTS,
            millis,
            VISITORS * REQUESTS * 1000.0 / Math.max(1, millis));
        assertEquals(List.of(), problems);
        for (Visitor visitor : visitors) {
          assertEquals(REQUESTS, visitor.count(), visitor.id);
          assertEquals(
              "\"{\\\"visitor\\\":\\\"" + visitor.id + "\\\",\\\"n\\\":" + REQUESTS + "}\"",
              TestConfigs.unseal(visitor.cookie()),
              "the last cookie holds exactly this visitor's final count");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}

package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrackerConcurrencyHttpTest {

  private static final String NAME = "persistent-information";

  @Test
  void concurrentRequestsWithDifferentCookies_neverSeeEachOthersData() throws Exception {
    try (TestServer server = new TestServer(() -> TestConfigs.app(TestConfigs.builder().build()))) {
      String alice = server.get("/put?k=user&v=alice").cookieValue(NAME);
      String bob = server.get("/put?k=user&v=bob").cookieValue(NAME);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      try {
        for (int t = 0; t < 4; t++) {
          String who = t % 2 == 0 ? "alice" : "bob";
          String value = t % 2 == 0 ? alice : bob;
          results.add(
              pool.submit(
                  () -> {
                    go.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                      String body =
                          server
                              .get(i % 2 == 0 ? "/read" : "/field", "Cookie: " + NAME + "=" + value)
                              .body();
                      if (!body.equals("{\"user\":\"" + who + "\"}")) {
                        wrong.add(who + " saw " + body);
                      }
                    }
                    return wrong;
                  }));
        }
        go.countDown();
        for (Future<List<String>> result : results) {
          assertEquals(List.of(), result.get(2, TimeUnit.MINUTES));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}

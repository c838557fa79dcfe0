package io.trackercookie.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per in-memory JAX-RS request ({@link JaxRsPathBench}'s apps and routes), from the
 * thread's own CPU clock: unlike wall time, it does not grow when a loaded machine preempts the
 * thread, so the feature's cost per request can be read on a shared machine. Two passes; the
 * second, after more JIT warm-up, is the one to read.
 *
 * <p>With {@code -Dbench.coldBytes=N} it writes to N bytes of other memory between requests, as a
 * server's network stack and other requests do between two requests of one thread, and times each
 * request alone (wall time, the writes left out). The feature's cost per request grows more than
 * the baseline's this way, as it does over HTTP: 8 MiB is the setting BENCHMARKS.md reports.
 *
 * <pre>
 * java -cp "$(test class path of -Pbench)" io.trackercookie.bench.JaxRsCpuPerRequest
 * java -Dbench.coldBytes=8388608 -cp "..." io.trackercookie.bench.JaxRsCpuPerRequest
 * </pre>
 */
public final class JaxRsCpuPerRequest {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 30_000;
  private static final long[] OTHER_MEMORY =
      new long[Integer.getInteger("bench.coldBytes", 0) / Long.BYTES];
  private static final int CACHE_LINE_LONGS = 64 / Long.BYTES;

  private JaxRsCpuPerRequest() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    boolean cold = OTHER_MEMORY.length > 0;
    for (int pass = 1; pass <= 2; pass++) {
      for (String app : new String[] {"plain", "tracker", "nocache"}) {
        JaxRsPathBench bench = new JaxRsPathBench();
        bench.app = app;
        bench.setUp();
        for (String route : new String[] {"read", "write"}) {
          boolean read = route.equals("read");
          for (int i = 0; i < WARM_UP; i++) {
            request(bench, read);
          }
          long nanos = 0;
          if (cold) {
            for (int i = 0; i < MEASURED; i++) {
              touchOtherMemory();
              long start = System.nanoTime();
              request(bench, read);
              nanos += System.nanoTime() - start;
            }
          } else {
            long start = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < MEASURED; i++) {
              request(bench, read);
            }
            nanos = mx.getCurrentThreadCpuTime() - start;
          }
          System.out.printf(
              "pass %d  %-8s /%-5s %8.2f µs %s per request%n",
              pass, app, route, nanos / 1000.0 / MEASURED, cold ? "(caches cold)" : "CPU");
        }
      }
    }
  }

  private static void request(JaxRsPathBench bench, boolean read) throws Exception {
    if (read) {
      bench.read();
    } else {
      bench.write();
    }
  }

  /** A write to every cache line of the other memory: what this thread had cached is gone. */
  private static void touchOtherMemory() {
    for (int i = 0; i < OTHER_MEMORY.length; i += CACHE_LINE_LONGS) {
      OTHER_MEMORY[i]++;
    }
  }
}

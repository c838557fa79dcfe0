package io.trackercookie.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per in-memory JAX-RS request ({@link JaxRsPathBench}'s apps and routes), from the
 * thread's own CPU clock: unlike wall time, it does not grow when a loaded machine preempts the
 * thread, so the feature's cost per request can be read on a shared machine. Two passes; the
 * second, after more JIT warm-up, is the one to read.
 *
 * <pre>
 * java -cp "$(test class path of -Pbench)" io.trackercookie.bench.JaxRsCpuPerRequest
 * </pre>
 */
public final class JaxRsCpuPerRequest {

  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 30_000;

  private JaxRsCpuPerRequest() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int pass = 1; pass <= 2; pass++) {
      for (String app : new String[] {"plain", "tracker", "nocache"}) {
        JaxRsPathBench bench = new JaxRsPathBench();
        bench.app = app;
        bench.setUp();
        for (String route : new String[] {"read", "write"}) {
          boolean read = route.equals("read");
          for (int i = 0; i < WARM_UP; i++) {
            if (read) {
              bench.read();
            } else {
              bench.write();
            }
          }
          long start = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < MEASURED; i++) {
            if (read) {
              bench.read();
            } else {
              bench.write();
            }
          }
          long nanos = mx.getCurrentThreadCpuTime() - start;
          System.out.printf("pass %d  %-8s /%-5s %8.2f µs CPU per request%n", pass, app, route,
              nanos / 1000.0 / MEASURED);
        }
      }
    }
  }
}

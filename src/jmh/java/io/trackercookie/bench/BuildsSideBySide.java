package io.trackercookie.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One JMH-style benchmark method from two or more builds of this project, in one JVM, run in
 * alternating batches, so a change is measured against the code before it side by side on a shared
 * machine: slow drifts of the machine hit every build alike, where separate runs minutes apart
 * differ by more than the change. Each build's classes load in their own class loader (the
 * dependencies are shared); the time is the thread's CPU time per call; each build's median over
 * the batches is printed with its ratio to the first build.
 *
 * <pre>
 * git worktree add target/before HEAD~1 &amp;&amp; (cd target/before &amp;&amp; mvn -q -Pbench -DskipTests test-compile)
 * mvn -q -Pbench -DskipTests test-compile
 * java -cp "$(test class path of -Pbench)" io.trackercookie.bench.BuildsSideBySide \
 *     io.trackercookie.internal.engine.RequestPathBench writePath payloadBytes=152 target/before/target target
 * </pre>
 *
 * Each build directory holds {@code classes} and {@code test-classes}. System properties {@code
 * batch} (calls per batch, 20 000), {@code rounds} (measured batches per build, 60) and {@code
 * warm} (unmeasured batches first, 15).
 */
public final class BuildsSideBySide {

  private BuildsSideBySide() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      throw new IllegalArgumentException(
          "usage: BuildsSideBySide CLASS METHOD PARAM=VALUE BUILD_DIR...");
    }
    String className = args[0];
    String methodName = args[1];
    String[] param = args[2].split("=", 2);
    List<String> builds = List.of(args).subList(3, args.length);
    Object[] benches = new Object[builds.size()];
    Method[] methods = new Method[builds.size()];
    for (int i = 0; i < builds.size(); i++) {
      Class<?> type = new BuildLoader(Path.of(builds.get(i))).loadClass(className);
      benches[i] = type.getConstructor().newInstance();
      Field field = type.getField(param[0]);
      field.set(
          benches[i],
          field.getType() == int.class ? (Object) Integer.parseInt(param[1]) : param[1]);
      type.getMethod("setUp").invoke(benches[i]);
      methods[i] = type.getMethod(methodName);
    }

    int batch = Integer.getInteger("batch", 20_000);
    int rounds = Integer.getInteger("rounds", 60);
    int warm = Integer.getInteger("warm", 15);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<List<Double>> nanosPerCall = new ArrayList<>();
    builds.forEach(b -> nanosPerCall.add(new ArrayList<>()));
    for (int round = 0; round < warm + rounds; round++) {
      for (int k = 0; k < builds.size(); k++) {
        // Alternate the order, so neither build always follows the other.
        int i = round % 2 == 0 ? k : builds.size() - 1 - k;
        long start = threads.getCurrentThreadCpuTime();
        for (int call = 0; call < batch; call++) {
          methods[i].invoke(benches[i]);
        }
        long nanos = threads.getCurrentThreadCpuTime() - start;
        if (round >= warm) {
          nanosPerCall.get(i).add(nanos / (double) batch);
        }
      }
    }
    double first = 0;
    for (int i = 0; i < builds.size(); i++) {
      List<Double> sorted = new ArrayList<>(nanosPerCall.get(i));
      Collections.sort(sorted);
      double median = sorted.get(sorted.size() / 2);
      first = i == 0 ? median : first;
      System.out.printf(
          "%-40s median %8.1f ns/call (quartiles %.1f-%.1f)  %.3fx of the first%n",
          builds.get(i),
          median,
          sorted.get(sorted.size() / 4),
          sorted.get(sorted.size() * 3 / 4),
          median / first);
    }
  }

  /** The project's own classes from one build; everything else from the shared class path. */
  private static final class BuildLoader extends URLClassLoader {
    private final ClassLoader shared = BuildsSideBySide.class.getClassLoader();

    BuildLoader(Path build) throws Exception {
      super(
          new URL[] {
            build.resolve("test-classes").toUri().toURL(), build.resolve("classes").toUri().toURL()
          },
          ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null && name.startsWith("io.trackercookie.")) {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException notInThisBuild) {
            loaded = null;
          }
        }
        if (loaded == null) {
          loaded = shared.loadClass(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}

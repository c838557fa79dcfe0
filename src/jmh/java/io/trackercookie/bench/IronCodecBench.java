package io.trackercookie.bench;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The iron codec against the JCA floor ({@link JcaFloor}) in one run, single thread, with iron's
 * defaults and the same password and payloads as the Node comparison (bench/node/bench.js).
 *
 * <p>Payloads are the files bench/payloads/{152,1536}.json (read relative to the working directory,
 * which JMH's forks inherit; override with -Dbench.payloads=DIR in the fork's -jvmArgsAppend). The
 * sealed inputs are made once per trial, so unseal measures one fixed cookie string, as a request
 * path sees it.
 *
 * <p>Sample mode, and bench/report.js reads the median: on a shared machine a preempted call is an
 * outlier that would drag an average, while the median stays with the typical call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class IronCodecBench {

  /** The password of bench/node/bench.js; iron needs at least 32 characters. */
  static final String PASSWORD = "Cedhg8SrStwK_qTLKv3GbhG8VfVEnGs_9ZcxefNCjEs";

  @Param({"152", "1536"})
  public int payloadBytes;

  private String payload;
  private String sealed;
  private IronCodec codec;
  private IronCodec reusingCodec;
  private JcaFloor floor;

  @Setup(Level.Trial)
  public void setUp() throws IOException, GeneralSecurityException {
    payload = readPayload(payloadBytes);
    codec = IronCodec.create(PASSWORD);
    // The provider's default: a salt pair (and its derived keys) for up to 10 000 seals or 1 min.
    reusingCodec =
        IronCodec.create(
            IronPasswords.single(PASSWORD),
            IronOptions.builder().saltReuse(10_000, Duration.ofMinutes(1)).build());
    floor = new JcaFloor(PASSWORD);
    sealed = codec.seal(payload);
    // The yardsticks must do the same work: each reads what the others write.
    check(floor.unseal(sealed).equals(payload), "floor unseals the codec's seal");
    check(codec.unseal(floor.seal(payload)).equals(payload), "codec unseals the floor's seal");
    check(
        floor.unseal(reusingCodec.seal(payload)).equals(payload),
        "floor unseals a reused-salt seal");
    check(
        codec.unseal(floor.sealReusedSalts(payload)).equals(payload),
        "codec unseals the floor's reused-salt seal");
    check(JcaFloor.naiveUnseal(PASSWORD, sealed).equals(payload), "naive unseals the codec's seal");
  }

  static String readPayload(int bytes) throws IOException {
    Path dir = Path.of(System.getProperty("bench.payloads", "bench/payloads"));
    String text = Files.readString(dir.resolve(bytes + ".json"), StandardCharsets.UTF_8);
    check(text.getBytes(StandardCharsets.UTF_8).length == bytes, "payload size is " + bytes);
    return text;
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("Benchmark setup is wrong: expected that " + what);
    }
  }

  @Benchmark
  public String codecUnseal() {
    return codec.unseal(sealed);
  }

  @Benchmark
  public String codecSeal() {
    return codec.seal(payload);
  }

  /** A seal as the provider makes it by default (SaltPolicy.reuse): no key derivation. */
  @Benchmark
  public String codecSealReusedSalts() {
    return reusingCodec.seal(payload);
  }

  @Benchmark
  public String floorUnseal() throws GeneralSecurityException {
    return floor.unseal(sealed);
  }

  @Benchmark
  public String floorSeal() throws GeneralSecurityException {
    return floor.seal(payload);
  }

  /** The yardstick for codecSealReusedSalts: the same work by hand, keys derived once. */
  @Benchmark
  public String floorSealReusedSalts() throws GeneralSecurityException {
    return floor.sealReusedSalts(payload);
  }

  @Benchmark
  public String naiveUnseal() throws GeneralSecurityException {
    return JcaFloor.naiveUnseal(PASSWORD, sealed);
  }
}

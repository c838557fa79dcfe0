package io.trackercookie.bench;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a seal's randomness costs: 80 bytes (two 256-bit salts and a 128-bit IV) from the platform's
 * default SecureRandom (NativePRNG on Linux) in one call or three, and from DRBG. Not part of
 * bench/run.sh; it explains the gap between the seal and unseal floors.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SecureRandomBench {

  private SecureRandom nativePrng;
  private SecureRandom drbg;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    nativePrng = new SecureRandom();
    drbg = SecureRandom.getInstance("DRBG");
  }

  @Benchmark
  public byte[] defaultOneCall() {
    byte[] bytes = new byte[80];
    nativePrng.nextBytes(bytes);
    return bytes;
  }

  @Benchmark
  public byte[] defaultThreeCalls() {
    byte[] a = new byte[32];
    byte[] b = new byte[16];
    byte[] c = new byte[32];
    nativePrng.nextBytes(a);
    nativePrng.nextBytes(b);
    nativePrng.nextBytes(c);
    return c;
  }

  @Benchmark
  public byte[] drbgOneCall() {
    byte[] bytes = new byte[80];
    drbg.nextBytes(bytes);
    return bytes;
  }
}

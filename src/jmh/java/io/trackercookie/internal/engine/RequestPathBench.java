package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.IronSealCodec;
import io.trackercookie.internal.seal.SealFormat;
import io.trackercookie.internal.seal.TrackerJson;
import io.trackercookie.internal.seal.VerifiedSealCache;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.Unsealed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The request path behind the filters, without HTTP: the verified-seal cache (hit and miss) and
 * what a request that reads, or changes, the tracker costs, from the Cookie header line to the
 * parsed tracker (and, for a change, to the Set-Cookie line). Same password and payloads as {@code
 * IronCodecBench}, so the figures sit next to the codec's in one table.
 *
 * <p>In package {@code internal.engine} to reach the package-private request path, with the codecs
 * put behind the engine by {@code TestEngines}; never shipped (the {@code bench} profile adds
 * src/jmh/java as test sources only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class RequestPathBench {

  /** The password of IronCodecBench and bench/node/bench.js. */
  static final String PASSWORD = "Cedhg8SrStwK_qTLKv3GbhG8VfVEnGs_9ZcxefNCjEs";

  /** Distinct seals cycled through a 16-entry cache: every open is a miss (open, insert, evict). */
  private static final int MISS_SEALS = 1024;

  @Param({"152", "1536"})
  public int payloadBytes;

  private String sealed;
  private IronSealCodec cached;
  private IronSealCodec tinyCache;
  private IronSealCodec noCache;
  private String[] missSeals;
  private int next;
  private TrackerEngine runtimeCached;
  private TrackerEngine runtimeUncached;
  private List<String> cookieLines;
  private ObjectNode content;
  private List<String> chainedCached;
  private List<String> chainedUncached;
  private int visits;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String json = readPayload(payloadBytes);
    TrackerConfig config = TrackerConfig.builder().password(PASSWORD).build();
    IronCodec codec = EngineFactory.codec(config);
    cached =
        new IronSealCodec(
            codec,
            VerifiedSealCache.create(
                codec.options(),
                config.sealCache().maxEntries(),
                config.sealCache().maxBytes(),
                VerifiedSealCache.LookupListener.NONE));
    tinyCache =
        new IronSealCodec(
            codec,
            VerifiedSealCache.create(
                codec.options(), 16, 1L << 20, VerifiedSealCache.LookupListener.NONE));
    noCache = new IronSealCodec(codec);
    runtimeCached = TestEngines.withCodec(config, cached);
    runtimeUncached = TestEngines.withCodec(config, noCache);
    // tracker-cookie's format (the config's): the sealed text is a JSON string holding the JSON.
    String plaintext = runtimeUncached.plaintext(SealFormat.read(json));
    sealed = cached.seal(plaintext);
    missSeals = new String[MISS_SEALS];
    for (int i = 0; i < MISS_SEALS; i++) {
      missSeals[i] = cached.seal(plaintext);
    }
    cookieLines =
        List.of("theme=dark; " + config.cookie().cookieName() + "=" + sealed + "; lang=en");
    TrackerEngine.OpenedCookies opened =
        runtimeUncached.open(runtimeUncached.find(cookieLines), false);
    check(
        opened.content() != null && opened.content().equals(SealFormat.read(json)),
        "the request path reads the payload");
    check(cached.open(sealed).text().equals(plaintext), "the cache opens the seal");
    content = opened.content();
    chainedCached = cookieLines;
    chainedUncached = cookieLines;
  }

  /** A repeated cookie: the cache returns the verified entry after an expiry check. */
  @Benchmark
  public Unsealed cacheHit() {
    return cached.open(sealed);
  }

  /** A cookie the cache has not seen: the full open, plus insertion and an eviction. */
  @Benchmark
  public Unsealed cacheMiss() {
    String s = missSeals[next];
    next = (next + 1) & (MISS_SEALS - 1);
    return tinyCache.open(s);
  }

  /** The yardstick for a miss: the same cycled seals opened with no cache at all. */
  @Benchmark
  public Unsealed noCacheOpen() {
    String s = missSeals[next];
    next = (next + 1) & (MISS_SEALS - 1);
    return noCache.open(s);
  }

  /** A request reading an unchanged tracker: Cookie header to parsed tracker, cache on. */
  @Benchmark
  public TrackerEngine.OpenedCookies readPathCached() {
    return runtimeCached.open(runtimeCached.find(cookieLines), true);
  }

  /** The same with the cache off: every request opens the seal in full. */
  @Benchmark
  public TrackerEngine.OpenedCookies readPathUncached() {
    return runtimeUncached.open(runtimeUncached.find(cookieLines), true);
  }

  /** A request that changed the tracker: the response's size check, seal and Set-Cookie line. */
  @Benchmark
  public String writePath() {
    String plaintext = runtimeCached.checkedPlaintext(content);
    return runtimeCached
        .sealLines(plaintext, content, null, null, CookieJar.Found.NONE, true)
        .get(0);
  }

  /**
   * A visitor whose every request changes the tracker, as a browser sends it: each request brings
   * the seal the last response set. Opens it (a seal the cache cannot have seen before unless the
   * provider remembered it on writing), changes one entry the way the tracker does (a shallow copy
   * and a put), then the size check, seal and Set-Cookie line.
   */
  @Benchmark
  public String chainedWrite() {
    chainedCached = chainedRequest(runtimeCached, chainedCached);
    return chainedCached.get(0);
  }

  /** The same visitor with the cache off. */
  @Benchmark
  public String chainedWriteUncached() {
    chainedUncached = chainedRequest(runtimeUncached, chainedUncached);
    return chainedUncached.get(0);
  }

  private List<String> chainedRequest(TrackerEngine runtime, List<String> lines) {
    TrackerEngine.OpenedCookies opened = runtime.open(runtime.find(lines), true);
    ObjectNode changed = TrackerJson.WIRE.createObjectNode().setAll(opened.content());
    changed.put("visits", ++visits);
    String plaintext = runtime.checkedPlaintext(changed);
    String line =
        runtime.sealLines(plaintext, changed, null, null, CookieJar.Found.NONE, true).get(0);
    String value = line.substring(line.indexOf('=') + 1, line.indexOf(';'));
    return List.of("theme=dark; persistent-information=" + value + "; lang=en");
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
}

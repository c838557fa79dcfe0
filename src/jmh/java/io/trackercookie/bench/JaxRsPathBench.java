package io.trackercookie.bench;

import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.internal.engine.EngineFactory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
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
 * The HTTP benchmark's apps ({@link HttpBenchServer}) without the network: Jersey's in-memory
 * {@link ApplicationHandler}, one thread. It shows what the feature adds to a JAX-RS request
 * (filters, injection, JSON, seal) without wrk and Grizzly sharing the CPU, so the share of each
 * part can be profiled ({@code -prof stack}, {@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class JaxRsPathBench {

  @Param({"plain", "tracker", "nocache"})
  public String app;

  private ApplicationHandler handler;
  private String cookieHeader;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String password = IronCodecBench.PASSWORD;
    ResourceConfig config;
    if (app.equals("plain")) {
      config = new ResourceConfig(HttpBenchServer.PlainResource.class);
    } else {
      TrackerConfig.Builder builder = TrackerConfig.builder().password(password);
      if (app.equals("nocache")) {
        builder.noSealCache();
      }
      config =
          new ResourceConfig(HttpBenchServer.TrackedResource.class)
              .register(new TrackerFeature(builder.build()));
    }
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    handler = new ApplicationHandler(config);
    String json =
        Files.readString(java.nio.file.Path.of("bench/payloads/152.json"), StandardCharsets.UTF_8);
    String plaintext = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json);
    String sealed =
        EngineFactory.codec(TrackerConfig.builder().password(password).build()).seal(plaintext);
    cookieHeader = "theme=dark; persistent-information=" + sealed + "; lang=en";
    String body = new String(get("/read"), StandardCharsets.UTF_8);
    if (!body.equals("visits=42")) {
      throw new IllegalStateException("Benchmark setup is wrong: /read answered " + body);
    }
  }

  private byte[] get(String path) throws Exception {
    ContainerRequest request =
        new ContainerRequest(
            URI.create("http://127.0.0.1/"),
            URI.create("http://127.0.0.1" + path),
            "GET",
            null,
            new MapPropertiesDelegate(),
            handler.getConfiguration());
    request.header("Cookie", cookieHeader);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    ContainerResponse response = handler.apply(request, out).get();
    if (response.getStatus() != 200) {
      throw new IllegalStateException("HTTP " + response.getStatus());
    }
    return out.toByteArray();
  }

  /** Reads the unchanged tracker. */
  @Benchmark
  public byte[] read() throws Exception {
    return get("/read");
  }

  /** Changes the tracker: a new seal and Set-Cookie on every response. */
  @Benchmark
  public byte[] write() throws Exception {
    return get("/write");
  }
}

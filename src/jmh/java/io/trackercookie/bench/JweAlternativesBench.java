package io.trackercookie.bench;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
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
 * The Java alternatives a team would weigh for an encrypted cookie, beside this codec, on the same
 * JSON text: Nimbus JOSE+JWT and jjwt, each as a compact JWE with direct encryption ({@code dir})
 * under a 256-bit key and A256GCM. Each side seals the text and opens a token of its own, with its
 * encrypter, decrypter or parser made once, as an application would keep them. Text in, token out,
 * and back: no JSON parsing on any side.
 *
 * <p>The codec is measured as the provider uses it: a salt pair reused for up to 10 000 seals or
 * one minute, so a seal derives no key and opening its own seal derives none either.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class JweAlternativesBench {

  @Param({"152"})
  public int payloadBytes;

  private String payload;

  private IronCodec iron;
  private String ironToken;

  private DirectEncrypter nimbusEncrypter;
  private DirectDecrypter nimbusDecrypter;
  private JWEHeader nimbusHeader;
  private String nimbusToken;

  private SecretKey jjwtKey;
  private JwtParser jjwtParser;
  private String jjwtToken;

  @Setup(Level.Trial)
  public void setUp() throws IOException, JOSEException, ParseException {
    payload = IronCodecBench.readPayload(payloadBytes);
    iron =
        IronCodec.create(
            IronPasswords.single(IronCodecBench.PASSWORD),
            IronOptions.builder().saltReuse(10_000, Duration.ofMinutes(1)).build());
    ironToken = iron.seal(payload);

    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    SecretKey aesKey = new SecretKeySpec(key, "AES");
    nimbusEncrypter = new DirectEncrypter(aesKey);
    nimbusDecrypter = new DirectDecrypter(aesKey);
    nimbusHeader = new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM);
    nimbusToken = nimbusSeal();

    jjwtKey = aesKey;
    jjwtParser = Jwts.parser().decryptWith(jjwtKey).build();
    jjwtToken = jjwtSeal();

    // Each side must read back exactly the text it sealed.
    check(ironOpen().equals(payload), "iron opens its token");
    check(nimbusOpen().equals(payload), "Nimbus opens its JWE");
    check(jjwtOpen().equals(payload), "jjwt opens its JWE");
    check(nimbusToken.startsWith("eyJ") && nimbusToken.split("\\.", -1).length == 5, "compact");
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("Benchmark setup is wrong: expected that " + what);
    }
  }

  @Benchmark
  public String ironSeal() {
    return iron.seal(payload);
  }

  @Benchmark
  public String ironOpen() {
    return iron.unseal(ironToken);
  }

  @Benchmark
  public String nimbusSeal() throws JOSEException {
    JWEObject jwe = new JWEObject(nimbusHeader, new Payload(payload));
    jwe.encrypt(nimbusEncrypter);
    return jwe.serialize();
  }

  @Benchmark
  public String nimbusOpen() throws JOSEException, ParseException {
    JWEObject jwe = JWEObject.parse(nimbusToken);
    jwe.decrypt(nimbusDecrypter);
    return jwe.getPayload().toString();
  }

  @Benchmark
  public String jjwtSeal() {
    return Jwts.builder()
        // With a content type jjwt keeps the JSON as content; without one it parses it as claims.
        .content(payload.getBytes(StandardCharsets.UTF_8), "application/json")
        .encryptWith(jjwtKey, Jwts.ENC.A256GCM)
        .compact();
  }

  @Benchmark
  public String jjwtOpen() {
    byte[] content = jjwtParser.parseEncryptedContent(jjwtToken).getPayload();
    return new String(content, StandardCharsets.UTF_8);
  }
}

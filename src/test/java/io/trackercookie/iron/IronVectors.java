package io.trackercookie.iron;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the vectors in src/test/resources/vectors, which the real npm @hapi/iron 7.0.1 made (see
 * generate.js and README.md in the shared vectors folder they were copied from).
 */
final class IronVectors {

  static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              // i-plaintext-deep-nesting-1500 is stored as text; the files themselves are shallow.
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2000).build())
              .build());

  private IronVectors() {}

  static List<JsonNode> cases(String file) {
    try (InputStream in = IronVectors.class.getResourceAsStream("/vectors/" + file)) {
      JsonNode root = JSON.readTree(in);
      List<JsonNode> cases = new ArrayList<>();
      root.get("cases").forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A codec configured as the vector's {@code password} and {@code options} describe. */
  static IronCodec unsealingCodec(JsonNode testCase) {
    return IronCodec.create(passwords(testCase.get("password")), options(testCase, "options"));
  }

  /** A codec configured the way the vector was sealed (sealPassword and sealOptions). */
  static IronCodec sealingCodec(JsonNode testCase) {
    JsonNode sealPassword = testCase.get("sealPassword");
    IronPasswords passwords;
    if (sealPassword == null || sealPassword.isNull()) {
      passwords = passwords(testCase.get("password"));
    } else if (sealPassword.has("id")) {
      passwords =
          IronPasswords.builder()
              .current(sealPassword.get("id").asText(), secret(sealPassword))
              .build();
    } else {
      passwords = IronPasswords.single(secret(sealPassword));
    }
    IronOptions options =
        options(testCase, testCase.has("sealOptions") ? "sealOptions" : "options");
    return IronCodec.create(passwords, options.toBuilder().ttl(Duration.ZERO).build());
  }

  static IronPasswords passwords(JsonNode password) {
    if (password == null || password.isNull() || password.isTextual() || password.has("$hex")) {
      return IronPasswords.single(secret(password));
    }
    IronPasswords.Builder keyring = IronPasswords.builder();
    Iterator<Map.Entry<String, JsonNode>> entries = password.fields();
    boolean first = true;
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (first) {
        keyring.current(entry.getKey(), secret(entry.getValue()));
        first = false;
      } else {
        keyring.accept(entry.getKey(), secret(entry.getValue()));
      }
    }
    return keyring.build();
  }

  static IronSecret secret(JsonNode node) {
    if (node == null || node.isNull()) {
      return IronSecret.password(null);
    }
    if (node.isTextual()) {
      return IronSecret.password(node.asText());
    }
    if (node.has("$hex")) {
      return IronSecret.rawKey(HexFormat.of().parseHex(node.get("$hex").asText()));
    }
    if (node.has("secret")) {
      return secret(node.get("secret"));
    }
    return IronSecret.separate(secret(node.get("encryption")), secret(node.get("integrity")));
  }

  static IronOptions options(JsonNode testCase, String field) {
    JsonNode overrides = testCase.get(field);
    IronOptions.Builder builder =
        IronOptions.builder()
            .clock(Clock.fixed(Instant.ofEpochMilli(testCase.get("now").asLong()), ZoneOffset.UTC));
    if (overrides == null || overrides.isNull()) {
      return builder.build();
    }
    JsonNode encryption = overrides.path("encryption");
    JsonNode integrity = overrides.path("integrity");
    if (encryption.has("algorithm")) {
      builder.algorithm(IronAlgorithm.fromIronName(encryption.get("algorithm").asText()));
    }
    if (encryption.has("iterations")) {
      builder.encryptionIterations(encryption.get("iterations").asInt());
    }
    if (integrity.has("iterations")) {
      builder.integrityIterations(integrity.get("iterations").asInt());
    }
    if (encryption.has("saltBits")) {
      builder.encryptionSaltBits(encryption.get("saltBits").asInt());
    }
    if (integrity.has("saltBits")) {
      builder.integritySaltBits(integrity.get("saltBits").asInt());
    }
    if (encryption.has("minPasswordlength")) {
      builder.minPasswordLength(encryption.get("minPasswordlength").asInt());
    }
    if (overrides.has("ttl")) {
      builder.ttl(Duration.ofMillis(overrides.get("ttl").asLong()));
    }
    if (overrides.has("timestampSkewSec")) {
      builder.timestampSkew(Duration.ofSeconds(overrides.get("timestampSkewSec").asLong()));
    }
    if (overrides.has("localtimeOffsetMsec")) {
      builder.localtimeOffset(Duration.ofMillis(overrides.get("localtimeOffsetMsec").asLong()));
    }
    return builder.build();
  }

  /** The value the vector expects (expectedJson holds text too deep for the file reader). */
  static JsonNode expected(JsonNode testCase) throws IOException {
    return testCase.has("expectedJson")
        ? JSON.readTree(testCase.get("expectedJson").asText())
        : testCase.get("expected");
  }
}

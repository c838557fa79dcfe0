package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.CookieBudget;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieHeaderParser;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.TrackerJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer harnesses for the request filter's cookie handling: {@link CookieHeaderParser} on raw
 * header lines, then candidate selection and opening ({@link TrackerEngine#find} with chunks and
 * legacy cookies, {@link TrackerEngine#open}), then the {@code $Version} clean-up. Whatever the
 * header bytes, nothing is thrown, the work is bounded and a valid tracker cookie is still found. A
 * normal build replays the seeds in CookieHeaderFuzzTestInputs/; the pom's Jazzer block has the
 * command that fuzzes.
 */
class CookieHeaderFuzzTest {

  private static final String NAME = "persistent-information";
  private static final String PASSWORD = TestConfigs.PASSWORD;
  private static final TrackerConfig CONFIG = TrackerConfig.builder().password(PASSWORD).build();
  private static final TrackerEngine ENGINE = EngineFactory.create(CONFIG);

  /** The filter's full path: the cookie, its chunks name.0..name.19 and the legacy cookie. */
  private static final TrackerEngine CHUNKED_WITH_LEGACY =
      EngineFactory.create(
          TrackerConfig.builder()
              .password(PASSWORD)
              .chunking(4)
              .legacySecret("legacy-secret")
              .build());

  /** {"user":"alice"} in tracker-cookie's layout, sealed once per run with the password. */
  private static final String SEAL =
      EngineFactory.codec(CONFIG).seal("\"{\\\"user\\\":\\\"alice\\\"}\"");

  private static CookieJar.Found onlyCandidates(List<CookieHeaderParser.Candidate> candidates) {
    return new CookieJar.Found(candidates, List.of(), List.of());
  }

  /** The tree's compact JSON, as the plain-JSON payload format writes it. */
  private static String json(ObjectNode tree) throws JsonProcessingException {
    return TrackerJson.WIRE.writeValueAsString(tree);
  }

  /** Header bytes as the server hands them over: ISO-8859-1, one line per LF. */
  private static List<String> lines(byte[] input) {
    return Arrays.asList(new String(input, StandardCharsets.ISO_8859_1).split("\n", -1));
  }

  @FuzzTest(maxDuration = "2m")
  void arbitraryCookieHeaders_giveBoundedWellFormedCandidates_andOpenWithoutThrowing(byte[] input) {
    List<String> lines = lines(input);
    List<CookieHeaderParser.Candidate> candidates = CookieHeaderParser.find(lines, NAME);
    assertTrue(candidates.size() <= CookieHeaderParser.MAX_CANDIDATES, "unbounded candidates");
    for (CookieHeaderParser.Candidate candidate : candidates) {
      if (candidate.rejection() != null) {
        assertTrue(
            candidate.rejection() == RejectionReason.OVERSIZE
                || candidate.rejection() == RejectionReason.NON_ASCII,
            candidate.rejection().name());
        assertEquals("", candidate.value(), "a rejected value is not kept");
        continue;
      }
      String value = candidate.value();
      assertTrue(!value.isEmpty() && value.length() <= CookieHeaderParser.MAX_VALUE_LENGTH);
      assertTrue(value.indexOf(';') < 0, "a value spans two cookies");
      assertTrue(value.chars().allMatch(c -> c <= 0x7e), "a non-ASCII value reached the codec");
    }
    TrackerEngine.OpenedCookies opened = ENGINE.open(onlyCandidates(candidates), false);
    assertNotNull(opened);
    CookieJar.Found found = CHUNKED_WITH_LEGACY.find(lines);
    // The cookie's own candidates, plus at most one reassembled from the chunks.
    assertTrue(found.candidates().size() <= CookieHeaderParser.MAX_CANDIDATES + 1);
    assertTrue(found.legacy().size() <= CookieHeaderParser.MAX_CANDIDATES);
    for (int index : found.chunkIndexes()) {
      assertTrue(index >= 0 && index < CookieBudget.MAX_MAX_CHUNKS, "chunk index " + index);
    }
    assertNotNull(CHUNKED_WITH_LEGACY.open(found, false));
    for (String line : lines) {
      String kept = CookieHeaderParser.withoutInvalidVersion(line);
      if (line.indexOf('$') < 0) {
        assertSame(line, kept, "a line without $Version is left as it is");
      } else {
        assertTrue(kept.length() <= line.length());
      }
    }
  }

  /**
   * The fuzzer's bytes around a valid tracker cookie, in one header line: {@code <a>;
   * persistent-information=<seal>; <b>} with ';' removed from {@code a}. Whatever comes before or
   * after, the valid cookie is the tracker (nothing in {@code a} can be a valid seal).
   */
  @FuzzTest(maxDuration = "2m")
  void validTrackerCookieAmongArbitraryCookies_isAlwaysFound(byte[] input)
      throws JsonProcessingException {
    int split = input.length == 0 ? 0 : (input[0] & 0xff) % input.length;
    String text = new String(input, StandardCharsets.ISO_8859_1);
    String before =
        text.substring(Math.min(1, text.length()), Math.max(split, Math.min(1, text.length())))
            .replace(';', ',');
    String after = text.substring(Math.max(split, Math.min(1, text.length())));
    String line = before + "; " + NAME + "=" + SEAL + "; " + after;
    List<CookieHeaderParser.Candidate> candidates = CookieHeaderParser.find(List.of(line), NAME);
    TrackerEngine.OpenedCookies opened = ENGINE.open(onlyCandidates(candidates), false);
    assertNotNull(opened.content(), "the valid tracker cookie was lost");
    assertEquals("{\"user\":\"alice\"}", json(opened.content()));
    TrackerEngine.OpenedCookies full =
        CHUNKED_WITH_LEGACY.open(CHUNKED_WITH_LEGACY.find(List.of(line)), false);
    assertNotNull(full.content(), "lost among chunks or legacy cookies");
    assertEquals("{\"user\":\"alice\"}", json(full.content()));
  }
}

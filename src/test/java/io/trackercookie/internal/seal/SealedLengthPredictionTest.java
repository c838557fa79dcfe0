package io.trackercookie.internal.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.TestConfigs;
import io.trackercookie.iron.IronAlgorithm;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** The size check at put time predicts the seal's length without crypto; it must be exact. */
class SealedLengthPredictionTest {

  private static final SealCodec CBC =
      new IronSealCodec(
          IronCodec.create(
              IronPasswords.single(TestConfigs.PASSWORD),
              IronOptions.builder().maxSealLength(16_384).build()));
  private static final SealCodec CTR_WITH_TTL =
      new IronSealCodec(
          IronCodec.create(
              IronPasswords.builder().current("k2026", TestConfigs.PASSWORD).build(),
              IronOptions.builder()
                  .algorithm(IronAlgorithm.AES_128_CTR)
                  .ttl(Duration.ofDays(1))
                  .maxSealLength(16_384)
                  .build()));

  @Property(tries = 200)
  void predictedLength_equalsTheSealsLength(@ForAll @StringLength(max = 3000) String plaintext) {
    assertPredictedExactly(plaintext);
  }

  @Example
  void textWithLoneSurrogatesAndPairs_isPredictedExactly() {
    // A lone surrogate is sealed as U+FFFD (3 bytes), a pair as one 4-byte code point.
    assertPredictedExactly("a\uD800b\uDC00c\uD83D\uDE00d\u00E9\u20AC\uD800");
  }

  @Example
  void utf8Length_countsWithoutEncoding_asTheJdkDoesForWellFormedText() {
    String text = "plain \u00E9\u20AC\uD83D\uDE00 \"json\"";
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, TrackerJson.utf8Length(text));
    assertEquals(3, TrackerJson.utf8Length("\uDC00"));
  }

  private static void assertPredictedExactly(String plaintext) {
    int bytes = TrackerJson.utf8Length(plaintext);
    assertEquals(CBC.seal(plaintext).length(), CBC.sealedLength(bytes));
    assertEquals(CTR_WITH_TTL.seal(plaintext).length(), CTR_WITH_TTL.sealedLength(bytes));
  }
}

package io.trackercookie.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer harnesses for {@link IronCodec#open}: whatever the input, only {@link IronException} may
 * come out, and a valid seal still opens. A normal build replays the seeds in
 * IronCodecFuzzTestInputs/; see the pom's Jazzer block for the command that fuzzes.
 */
class IronCodecFuzzTest {

  /** v-object-basic from vectors/iron-valid.json: sealed by @hapi/iron 7.0.1, no expiration. */
  static final String PASSWORD = "some_not_random_password_that_is_also_long_enough";

  static final String VALID_SEAL =
      "Fe26.2**afc02d8e61dfd1092561bb8ef2ea7f9d4015d71d59581cc74ff3fe1968689956"
          + "*QkvLJf6bVelf3Lk6Akv6KA"
          + "*RuXIxNVoLw_6NDsdbn9Khy_xgnwaKysRG3vE8-PcgFMG33fmHiFzNeP-P1NSczLS"
          + "**ae02de874fa5822ce8756bff9cda9eecfe506ec8aad4e673ddc5adf4584d7bf2"
          + "*EtWUH_QrtByXwdTDNKcU93tKu63XUG84Fq9GsPVOE4w";

  static final String VALID_TEXT = "{\"a\":1,\"b\":2,\"c\":[3,4,5],\"d\":{\"e\":\"f\"}}";

  private static final IronCodec CODEC = IronCodec.create(PASSWORD);

  @FuzzTest(maxDuration = "2m")
  void openArbitraryText_throwsOnlyIronException(byte[] input) {
    try {
      CODEC.open(new String(input, StandardCharsets.UTF_8));
    } catch (IronException expected) {
      // the only allowed failure
    }
  }

  @FuzzTest(maxDuration = "2m")
  void openMutatedSeal_refusesEveryChange(byte[] ops) {
    String mutated = Mutations.apply(VALID_SEAL, ops);
    String text;
    try {
      text = CODEC.open(mutated).text();
    } catch (IronException e) {
      if (mutated.equals(VALID_SEAL)) {
        fail("the unmodified seal was refused: " + e.reason());
      }
      return;
    }
    if (!mutated.equals(VALID_SEAL)) {
      fail("a modified seal was accepted");
    }
    assertEquals(VALID_TEXT, text);
  }

  @FuzzTest(maxDuration = "2m")
  void sealThenOpen_roundTripsUtf8AndRefusesTheRest(byte[] plaintext) {
    String sealed = CODEC.seal(plaintext);
    String expected;
    try {
      expected = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plaintext)).toString();
    } catch (CharacterCodingException notUtf8) {
      expected = null;
    }
    try {
      String text = CODEC.open(sealed).text();
      assertEquals(expected, text, "opened text differs from what was sealed");
    } catch (IronException e) {
      if (expected != null || e.reason() != IronException.Reason.INVALID_UTF8) {
        throw e;
      }
    }
  }
}

package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class IronCodecPropertiesTest {

  private static final IronCodec CODEC =
      IronCodec.create("property_test_password_long_enough_0123456789");

  @Property(tries = 200)
  void anyTextAndPassword_roundTrips(
      @ForAll @StringLength(max = 1500) String text, @ForAll("passwords") String password) {
    IronCodec codec = IronCodec.create(password);
    // Text with lone surrogates is not valid UTF-16, so it cannot survive UTF-8 either way;
    // compare against what Node would have sealed for it.
    String expected = new String(Utf8.encode(text), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(expected, codec.unseal(codec.seal(text)));
  }

  @Property(tries = 1000)
  void anyMutationOfAValidSeal_failsWithATypedReason(
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll("mutations") Mutation mutation,
      @ForAll char replacement) {
    String sealed = CODEC.seal("{\"visits\":1,\"name\":\"ann\"}");
    String mutated = mutation.apply(sealed, position % sealed.length(), replacement);
    if (mutated.equals(sealed)) {
      return;
    }
    IronException e = assertThrows(IronException.class, () -> CODEC.unseal(mutated));
    assertNotNull(e.reason());
  }

  @Property(tries = 500)
  void anyArbitraryString_failsOnlyWithATypedReason(@ForAll @StringLength(max = 400) String junk) {
    IronException e = assertThrows(IronException.class, () -> CODEC.unseal(junk));
    assertNotNull(e.reason());
  }

  @Provide
  Arbitrary<String> passwords() {
    return Arbitraries.strings().ofMinLength(32).ofMaxLength(80);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Arbitraries.of(Mutation.values());
  }

  enum Mutation {
    REPLACE {
      @Override
      String apply(String s, int i, char c) {
        return s.substring(0, i) + c + s.substring(i + 1);
      }
    },
    DELETE {
      @Override
      String apply(String s, int i, char c) {
        return s.substring(0, i) + s.substring(i + 1);
      }
    },
    INSERT {
      @Override
      String apply(String s, int i, char c) {
        return s.substring(0, i) + c + s.substring(i);
      }
    },
    TRUNCATE {
      @Override
      String apply(String s, int i, char c) {
        return s.substring(0, i);
      }
    };

    abstract String apply(String s, int i, char c);
  }
}

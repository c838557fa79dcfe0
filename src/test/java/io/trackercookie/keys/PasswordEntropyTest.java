package io.trackercookie.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What each pattern costs in {@link PasswordEntropy}'s estimate, against random characters. */
class PasswordEntropyTest {

  /** 26 letters each, as the estimate prices a random lowercase letter. */
  private static double randomLetters(int count) {
    return count * PasswordEntropy.log2(26);
  }

  @Test
  void randomCharacters_costTheLogOfTheirClass() {
    assertEquals(randomLetters(4), PasswordEntropy.estimateBits("xkvq"), 1e-9);
    assertEquals(4 * PasswordEntropy.log2(10), PasswordEntropy.estimateBits("7394"), 1e-9);
    assertEquals(
        PasswordEntropy.log2(26) + PasswordEntropy.log2(10) + PasswordEntropy.log2(33),
        PasswordEntropy.estimateBits("Q7~"),
        1e-9);
  }

  @Test
  void aCommonWord_costsTheLogOfItsRank_plusItsCapitals() {
    double word = PasswordEntropy.estimateBits("password");
    assertTrue(word <= 2, "password: " + word);
    assertEquals(word + 1, PasswordEntropy.estimateBits("Password"), 1e-9);
    assertTrue(PasswordEntropy.estimateBits("pAsSwOrD") > word + 3);
  }

  @Test
  void l33tAccentsAndBackwards_costAFewBitsMore_notAsMuchAsRandom() {
    double word = PasswordEntropy.estimateBits("sunshine");
    for (String variant : new String[] {"5un5h1n3", "$un$hine", "sunshïne", "enihsnus"}) {
      double bits = PasswordEntropy.estimateBits(variant);
      assertTrue(bits > word && bits < word + 10, variant + ": " + bits);
    }
  }

  @Test
  void runs_walks_datesAndCopies_costFewBits() {
    String[] patterns = {
      "abcdefghijklmnop",
      "9876543210",
      "acegikmoqs",
      "qwertyuiop",
      "1qaz2wsx3edc",
      "!QAZ@WSX#EDC",
      "2024-12-31",
      "31/12/1999",
      "19991231",
      "TigerTigerTiger",
    };
    for (String pattern : patterns) {
      double bits = PasswordEntropy.estimateBits(pattern);
      assertTrue(bits < 25, pattern + ": " + bits);
    }
  }

  @Test
  void fullWidthLetters_costWhatTheirAsciiLookalikesCost() {
    assertEquals(
        PasswordEntropy.estimateBits("sunshinefootball2024"),
        PasswordEntropy.estimateBits("ｓｕｎｓｈｉｎｅｆｏｏｔｂａｌｌ２０２４"),
        1e-9);
  }

  @Test
  void theEstimate_neverExceedsTheCostOfEachCharacterAlone() {
    String password = "Correct7Horse!Battery";
    double alone = 0;
    for (char c : password.toCharArray()) {
      alone += PasswordEntropy.estimateBits(String.valueOf(c));
    }
    assertTrue(PasswordEntropy.estimateBits(password) <= alone);
  }

  @Test
  void aVeryLongPassword_isEstimatedQuickly_byItsBeginning() {
    String huge = "a".repeat(1_000_000);
    double bits =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PasswordEntropy.estimateBits(huge));
    assertTrue(bits < 20, "one letter repeated: " + bits);
  }

  @Test
  void theEmbeddedList_holdsThousandsOfWords() {
    assertTrue(CommonWords.EMBEDDED.size() > 3000, "words: " + CommonWords.EMBEDDED.size());
  }

  @Test
  void aWordListEntry_thatIsNotThreeLettersAToZ_isAPackagingMistake() {
    assertThrows(
        IllegalStateException.class,
        () -> CommonWords.parse(new BufferedReader(new StringReader("## s\nfine ok\n"))));
    assertThrows(
        IllegalStateException.class,
        () -> CommonWords.parse(new BufferedReader(new StringReader("Capital\n"))));
  }

  @Test
  void aWordsRank_isItsPlaceInItsSection_theBestIfListedTwice() throws java.io.IOException {
    CommonWords words =
        CommonWords.parse(
            new BufferedReader(new StringReader("# c\n## a\nfoo bar baz\n## b\nqux baz\n")));
    CommonWords.Trie trie = words.forward();
    assertEquals(4, words.size());
    assertEquals(2, rank(trie, "bar"));
    assertEquals(2, rank(trie, "baz"));
    assertEquals(1, rank(trie, "qux"));
    assertEquals(1, rank(words.backward(), "oof"));
    assertEquals(0, rank(trie, "ba"));
  }

  private static int rank(CommonWords.Trie trie, String word) {
    int node = CommonWords.Trie.ROOT;
    for (char c : word.toCharArray()) {
      node = trie.child(node, c);
      if (node == CommonWords.Trie.NONE) {
        return 0;
      }
    }
    return trie.rank(node);
  }
}

package io.trackercookie.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.TestConfigs;
import io.trackercookie.cli.KeygenPasswords;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Passwords long enough for iron but made of human patterns are refused, each family of them by the
 * strength estimate itself; keygen's passwords never are.
 */
class WeakPasswordPatternsTest {

  /** Keygen passwords checked in the default build; {@link KeygenPasswordsSlowTest} checks more. */
  private static final int KEYGEN_SAMPLE = 20_000;

  static Stream<Arguments> weakPasswords() {
    return Stream.of(
        // a word repeated, with a character or two added
        weak("repeated word", "passwordpasswordpasswordpassword1"),
        weak("repeated word", "dragondragondragondragondragon!x"),
        weak("repeated word", "sunshinesunshinesunshinesunshine!"),
        // alphabet and digit runs
        weak("run", "abcdefghijklmnopqrstuvwxyz0123456789"),
        weak("run", "zyxwvutsrqponmlkjihgfedcba9876543210"),
        weak("run", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij"),
        weak("run", "acegikmoqsuwyACEGIKMOQSUWY0246813579"),
        weak("run", "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"),
        // keyboard walks: rows, diagonals, shifted, backwards
        weak("keyboard walk", "qwertyuiopasdfghjklzxcvbnm1234567890"),
        weak("keyboard walk", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol."),
        weak("keyboard walk", "!QAZ@WSX#EDC$RFV%TGB^YHN&UJM*IK<(OL>"),
        weak("keyboard walk", "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9"),
        weak("keyboard walk", "QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?"),
        weak("keyboard walk", "poiuytrewqlkjhgfdsamnbvcxz0987654321"),
        weak("keyboard walk", "1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y"),
        weak("keyboard walk", "qazwsxedcrfvtgbyhnujmikolp1234567890"),
        // a short word repeated with small changes
        weak("word with changes", "Summer2024!Summer2024?Summer2024#"),
        weak("word with changes", "Winter2023Winter2024Winter2025Winter"),
        weak("word with changes", "Monkey123!Monkey456!Monkey789!Mon"),
        weak("word with changes", "password1password2password3password4"),
        // English phrases
        weak("phrase", "thequickbrownfoxjumpsoverthelazydog"),
        weak("phrase", "The quick brown fox jumps over the lazy dog"),
        weak("phrase", "to be or not to be that is the question"),
        weak("phrase", "welcometothejunglewegotfunandgames"),
        weak("phrase", "ilovemydogandmycatandmyhorseforever"),
        weak("phrase", "happybirthdaytoyouhappybirthday2you"),
        // passphrases of common words
        weak("common words", "correct horse battery staple purple monkey"),
        weak("common words", "CorrectHorseBatteryStaplePurpleMonkey"),
        weak("common words", "correct-horse-battery-staple-orange-tiger"),
        weak("common words", "river.table.garden.window.summer.coffee"),
        weak("common words", "trackercookieproductionsecretkey2025"),
        // full-width letters, which NFKC turns into the ASCII they look like
        weak("full-width", "ｔｈｅｑｕｉｃｋｂｒｏｗｎｆｏｘｊｕｍｐｓｏｖｅｒｔｈｅｌａｚｙｄｏｇ"),
        weak("full-width", "ｃｏｒｒｅｃｔ\u3000ｈｏｒｓｅ\u3000ｂａｔｔｅｒｙ\u3000ｓｔａｐｌｅ\u3000ｔｒｅｅ"),
        weak("full-width", "ＱＷＥＲＴＹＵＩＯＰＡＳＤＦＧＨＪＫＬＺＸＣＶＢＮＭ１２３４５６"),
        weak("full-width", "ｓｕｎｓｈｉｎｅｆｏｏｔｂａｌｌｍｏｎｋｅｙｄｒａｇｏｎｍａｓｔｅｒ"),
        // l33t and accents
        weak("l33t", "P@$$w0rdP@$$w0rdP@$$w0rd!!2024abc"),
        weak("l33t", "d4rkn3ss_m0nst3r_dr4g0n_k1ll3r_99"),
        weak("l33t", "1nt3rn3t_s3cur1ty_1s_th3_b3st_th1ng"),
        weak("l33t", "5unsh1n3-b4s3b4ll-f00tb4ll-m0nk3y!"),
        weak("l33t", "Pässwörd-Sünshïne-Drägön-Mönkey-2024"),
        // dates and years
        weak("dates", "01/02/1990-15/08/1985-31.12.2000!x"),
        weak("dates", "19901231198512252000010120240101"),
        weak("dates", "my birthday is 12/25/1990 and yours"),
        weak("dates", "january1990february1991march1992"),
        // names with years
        weak("names", "jennifer1985michael1983jessica2010!"),
        weak("names", "JohnSmith1985JaneSmith1987BabyTom2015"),
        weak("names", "michaeljordanchicagobulls1991champion"),
        // words spelled backwards
        weak("backwards", "drowssapdrowssapdrowssapdrowssap"),
        weak("backwards", "nogardyeknomenihsnusllabtooftercesrepus"));
  }

  private static Arguments weak(String family, String password) {
    return Arguments.of(family, password);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("weakPasswords")
  void aPatternFamily_isEstimatedUnderTheThreshold_andRefused(String family, String password) {
    double bits = PasswordEntropy.estimateBits(password);
    assertTrue(bits < WeakPasswords.MIN_ESTIMATED_BITS, family + " estimated at " + bits);
    Optional<String> rule = WeakPasswords.ruleBroken(password);
    assertTrue(rule.isPresent(), family);
    assertNoPieceOf(password, rule.get());
  }

  @Test
  void theLowEstimateRule_namesWhatItFound_withoutThePassword() {
    String password = "correct-horse-battery-staple-orange-tiger";
    String rule = WeakPasswords.ruleBroken(password).orElseThrow();
    assertTrue(rule.contains("guessable patterns") && rule.contains("under 100 bits"), rule);
    assertNoPieceOf(password, rule);
  }

  @Test
  void keygenPasswords_areNeverRefused() {
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < KEYGEN_SAMPLE; i++) {
      String password = KeygenPasswords.next();
      assertEquals(Optional.empty(), WeakPasswords.ruleBroken(password), "keygen password " + i);
      lowest = Math.min(lowest, PasswordEntropy.estimateBits(password));
    }
    // Far above the threshold: a false refusal needs far more than chance words and runs.
    assertTrue(lowest > WeakPasswords.MIN_ESTIMATED_BITS + 40, "lowest keygen estimate " + lowest);
  }

  @Test
  void aPlaceholderPhrase_paddingARandomPassword_isNoPlaceholder() {
    String random = KeygenPasswords.next();
    for (String phrase : new String[] {"qwerty", "Change-Me", "example"}) {
      String padded = random.substring(0, 20) + phrase + random.substring(20);
      assertEquals(Optional.empty(), WeakPasswords.ruleBroken(padded), phrase);
    }
    String rule = WeakPasswords.ruleBroken("qwerty-is-what-we-use-on-staging-42").orElseThrow();
    assertTrue(rule.contains("placeholder"), rule);
  }

  @Test
  void theProjectsOwnTestPasswords_areAccepted() {
    assertEquals(Optional.empty(), WeakPasswords.ruleBroken(TestConfigs.PASSWORD));
    assertEquals(Optional.empty(), WeakPasswords.ruleBroken(TestConfigs.OTHER_PASSWORD));
  }

  /** No eight characters of the password, as written or normalised, appear in the message. */
  private static void assertNoPieceOf(String password, String message) {
    String lowerMessage = message.toLowerCase(Locale.ROOT);
    for (String form :
        new String[] {password, Normalizer.normalize(password, Normalizer.Form.NFKC)}) {
      String lower = form.toLowerCase(Locale.ROOT);
      for (int i = 0; i + 8 <= lower.length(); i++) {
        assertFalse(lowerMessage.contains(lower.substring(i, i + 8)), message);
      }
    }
  }
}

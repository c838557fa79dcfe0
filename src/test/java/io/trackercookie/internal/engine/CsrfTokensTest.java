package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.TestConfigs;
import io.trackercookie.iron.IronPasswords;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The token's rules, without HTTP: what matches and what does not. */
class CsrfTokensTest {

  private static final IronPasswords PASSWORDS = IronPasswords.single(TestConfigs.PASSWORD);
  private final CsrfTokens tokens = new CsrfTokens(() -> PASSWORDS);

  @Test
  void aToken_matchesItsNonceAndSubject() {
    String nonce = CsrfTokens.newNonce();
    assertTrue(tokens.matches(tokens.mint(nonce, null), nonce, null));
    assertTrue(tokens.matches(tokens.mint(nonce, "\"alice\""), nonce, "\"alice\""));
  }

  @Test
  void aTokenOfAnotherNonce_doesNotMatch() {
    String token = tokens.mint(CsrfTokens.newNonce(), null);
    assertFalse(tokens.matches(token, CsrfTokens.newNonce(), null));
  }

  @Test
  void aTokenOfAnotherSubject_orOfNone_doesNotMatch() {
    String nonce = CsrfTokens.newNonce();
    assertFalse(tokens.matches(tokens.mint(nonce, "\"alice\""), nonce, "\"bob\""));
    assertFalse(tokens.matches(tokens.mint(nonce, null), nonce, "\"alice\""));
    assertFalse(tokens.matches(tokens.mint(nonce, "\"alice\""), nonce, null));
    // The empty subject is a subject: no confusion with none.
    assertFalse(tokens.matches(tokens.mint(nonce, ""), nonce, null));
  }

  @Test
  void aTokenUnderAnotherPassword_doesNotMatch() {
    String nonce = CsrfTokens.newNonce();
    CsrfTokens other = new CsrfTokens(() -> IronPasswords.single(TestConfigs.OTHER_PASSWORD));
    assertFalse(tokens.matches(other.mint(nonce, null), nonce, null));
  }

  @Test
  void aTokenOfARotatedPassword_matchesWhileItIsAccepted() {
    AtomicReference<IronPasswords> inForce =
        new AtomicReference<>(IronPasswords.builder().current("k1", TestConfigs.PASSWORD).build());
    CsrfTokens rotating = new CsrfTokens(inForce::get);
    String nonce = CsrfTokens.newNonce();
    String token = rotating.mint(nonce, null);
    inForce.set(
        IronPasswords.builder()
            .current("k2", TestConfigs.OTHER_PASSWORD)
            .accept("k1", TestConfigs.PASSWORD)
            .build());
    assertTrue(rotating.matches(token, nonce, null));
    inForce.set(IronPasswords.builder().current("k2", TestConfigs.OTHER_PASSWORD).build());
    assertFalse(rotating.matches(token, nonce, null));
  }

  @Test
  void everyMint_isAnotherString_ofTheSameLength() {
    String nonce = CsrfTokens.newNonce();
    String one = tokens.mint(nonce, null);
    String two = tokens.mint(nonce, null);
    assertNotEquals(one, two);
    assertEquals(CsrfTokens.TOKEN_LENGTH, one.length());
    assertEquals(86, one.length());
  }

  @Test
  void everyChangedByte_isRefused() {
    String nonce = CsrfTokens.newNonce();
    byte[] token = Base64.getUrlDecoder().decode(tokens.mint(nonce, null));
    for (int i = 0; i < token.length; i++) {
      byte[] changed = token.clone();
      changed[i] ^= 1;
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
      assertFalse(tokens.matches(text, nonce, null), "byte " + i);
    }
  }

  @Test
  void whatIsNoToken_isRefused_neverThrown() {
    String nonce = CsrfTokens.newNonce();
    String token = tokens.mint(nonce, null);
    assertFalse(tokens.matches(null, nonce, null));
    assertFalse(tokens.matches("", nonce, null));
    assertFalse(tokens.matches(token.substring(1), nonce, null));
    assertFalse(tokens.matches(token + "A", nonce, null));
    assertFalse(tokens.matches(token.substring(1) + "=", nonce, null));
    assertFalse(tokens.matches(token.substring(1) + "+", nonce, null));
    assertFalse(tokens.matches(token.substring(1) + "é", nonce, null));
    assertFalse(tokens.matches(nonce, nonce, null), "the nonce itself is no token");
  }

  @Test
  void aNonce_is32RandomBytes() {
    String nonce = CsrfTokens.newNonce();
    assertEquals(32, Base64.getUrlDecoder().decode(nonce).length);
    assertNotEquals(nonce, CsrfTokens.newNonce());
  }

  @Test
  void toString_showsNoKey() {
    assertEquals("CsrfTokens[redacted]", tokens.toString());
  }
}

package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.iron.IronException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class IronCodecTest {

  private static final String PASSWORD = "some_not_random_password_that_is_also_long_enough";
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String JSON = "{\"user\":\"alice\",\"visits\":3}";

  private final IronCodec codec =
      IronCodec.create(IronPasswords.single(PASSWORD), IronOptions.builder().clock(CLOCK).build());

  @Test
  void seal_thenUnseal_returnsTheSameText() {
    assertEquals(JSON, codec.unseal(codec.seal(JSON)));
  }

  @Test
  void seal_writesIronsLayoutWithHexSaltsAndNoIdForASinglePassword() {
    SealParts parts = SealParts.parse(codec.seal(JSON));
    assertEquals("Fe26.2", parts.prefix());
    assertEquals("", parts.passwordId());
    assertTrue(parts.encryptionSalt().matches("[0-9a-f]{64}"));
    assertTrue(parts.hmacSalt().matches("[0-9a-f]{64}"));
    assertEquals(22, parts.encryptionIv().length());
    assertEquals(43, parts.hmac().length());
    assertEquals("", parts.expiration());
  }

  @Test
  void seal_twice_differsBecauseSaltsAndIvAreFresh() {
    assertNotEquals(codec.seal(JSON), codec.seal(JSON));
  }

  @Test
  void seal_withTtl_writesExpirationFromTheClock() {
    IronCodec withTtl =
        codec.withOptions(IronOptions.builder().clock(CLOCK).ttl(Duration.ofHours(1)).build());
    Unsealed opened = withTtl.open(withTtl.seal(JSON));
    assertEquals(Optional.of(NOW.plus(Duration.ofHours(1))), opened.expiration());
  }

  @Test
  void unseal_afterExpiryPlusSkew_failsAsExpired() {
    IronCodec sealer =
        codec.withOptions(IronOptions.builder().clock(CLOCK).ttl(Duration.ofMinutes(5)).build());
    String sealed = sealer.seal(JSON);
    Clock later = Clock.offset(CLOCK, Duration.ofMinutes(6));
    IronCodec reader = codec.withOptions(IronOptions.builder().clock(later).build());
    assertEquals(
        Reason.EXPIRED, assertThrows(IronException.class, () -> reader.unseal(sealed)).reason());
    IronCodec stillInSkew =
        codec.withOptions(
            IronOptions.builder().clock(Clock.offset(CLOCK, Duration.ofSeconds(359))).build());
    assertEquals(JSON, stillInSkew.unseal(sealed));
  }

  @Test
  void unseal_withModifiedPrefix_fails() {
    assertTamper(s -> s.replaceFirst("^Fe26\\.2", "Fe26.1"), Reason.WRONG_PREFIX);
  }

  @Test
  void unseal_withModifiedPasswordId_fails() {
    assertTamper(s -> part(s, 1, "x"), Reason.BAD_MAC);
  }

  @Test
  void unseal_withModifiedEncryptionSalt_fails() {
    assertTamper(s -> flipLastChar(s, 2), Reason.BAD_MAC);
  }

  @Test
  void unseal_withModifiedIv_fails() {
    assertTamper(s -> flipLastChar(s, 3), Reason.BAD_MAC);
  }

  @Test
  void unseal_withModifiedCiphertext_fails() {
    assertTamper(s -> flipLastChar(s, 4), Reason.BAD_MAC);
  }

  @Test
  void unseal_withAddedFutureExpiration_fails() {
    assertTamper(s -> part(s, 5, "99999999999999"), Reason.BAD_MAC);
  }

  @Test
  void unseal_withModifiedHmacSalt_fails() {
    assertTamper(s -> flipLastChar(s, 6), Reason.BAD_MAC);
  }

  @Test
  void unseal_withModifiedHmac_fails() {
    assertTamper(s -> flipLastChar(s, 7), Reason.BAD_MAC);
  }

  @Test
  void unseal_withNinthPart_failsOnPartCount() {
    assertTamper(s -> s + "*", Reason.WRONG_PART_COUNT);
  }

  @Test
  void unseal_overTheLengthBound_failsBeforeParsing() {
    String longSeal = codec.seal("x".repeat(400));
    IronCodec bounded =
        codec.withOptions(IronOptions.builder().clock(CLOCK).maxSealLength(300).build());
    assertEquals(
        Reason.SEAL_TOO_LONG,
        assertThrows(IronException.class, () -> bounded.unseal(longSeal)).reason());
  }

  @Test
  void seal_longerThanTheBound_isRefusedSoNothingUnreadableIsWritten() {
    IronCodec bounded =
        codec.withOptions(IronOptions.builder().clock(CLOCK).maxSealLength(300).build());
    assertEquals(
        Reason.SEAL_TOO_LONG,
        assertThrows(IronException.class, () -> bounded.seal("x".repeat(400))).reason());
  }

  @Test
  void seal_whosePlaintextFitsTheBoundButNotItsSeal_isRefusedToo() {
    IronCodec bounded =
        codec.withOptions(IronOptions.builder().clock(CLOCK).maxSealLength(400).build());
    String fits = "x".repeat(100);
    String sealed = bounded.seal(fits);
    assertTrue(sealed.length() <= 400, sealed.length() + " chars");
    assertEquals(fits, bounded.unseal(sealed));
    // 250 bytes are under the bound, but their seal (salts, IV, MAC around 256 bytes of base64) is
    // not.
    assertEquals(
        Reason.SEAL_TOO_LONG,
        assertThrows(IronException.class, () -> bounded.seal("x".repeat(250))).reason());
  }

  @Test
  void unseal_withAnotherPassword_failsOnMac() {
    IronCodec other = IronCodec.create("another_password_that_is_long_enough_too!");
    String sealed = codec.seal(JSON);
    assertEquals(
        Reason.BAD_MAC, assertThrows(IronException.class, () -> other.unseal(sealed)).reason());
  }

  @Test
  void keyring_sealsWithCurrentIdAndOpensOlderIds() {
    IronCodec old =
        IronCodec.create(
            IronPasswords.builder().current("v1", PASSWORD).build(), IronOptions.defaults());
    IronCodec rotated =
        IronCodec.create(
            IronPasswords.builder()
                .current("v2", "second-password-for-rotation-0123456789-abcdef")
                .accept("v1", PASSWORD)
                .build(),
            IronOptions.defaults());
    Unsealed fromOld = rotated.open(old.seal(JSON));
    assertEquals(JSON, fromOld.text());
    assertEquals("v1", fromOld.passwordId());
    assertFalse(fromOld.sealedWithCurrentPassword());
    Unsealed fromNew = rotated.open(rotated.seal(JSON));
    assertEquals("v2", fromNew.passwordId());
    assertTrue(fromNew.sealedWithCurrentPassword());
    String newSeal = rotated.seal(JSON);
    assertEquals(
        Reason.UNKNOWN_PASSWORD_ID,
        assertThrows(IronException.class, () -> old.unseal(newSeal)).reason());
  }

  @Test
  void sealDescribed_saysExactlyWhatOpeningTheSealGivesBack() {
    IronPasswords rotated =
        IronPasswords.builder()
            .current("v2", "second-password-for-rotation-0123456789-abcdef")
            .accept("v1", PASSWORD)
            .build();
    byte[] rawKey = new byte[32];
    rawKey[5] = 9;
    IronOptions withTtl =
        IronOptions.builder()
            .clock(CLOCK)
            .ttl(Duration.ofMinutes(7))
            .localtimeOffset(Duration.ofSeconds(-30))
            .build();
    IronOptions reusingSalts =
        IronOptions.builder().clock(CLOCK).saltReuse(100, Duration.ofMinutes(5)).build();
    java.util.List<IronCodec> codecs =
        java.util.List.of(
            codec,
            codec.withOptions(withTtl),
            codec.withOptions(reusingSalts),
            IronCodec.create(rotated, withTtl),
            IronCodec.create(
                IronPasswords.single(IronSecret.rawKey(rawKey)), IronOptions.defaults()));
    // A lone surrogate is sealed as U+FFFD, so that is the text opening gives back.
    java.util.List<String> texts =
        java.util.List.of(JSON, "", "{\"a\":\"\ud800 and \udc00?\"}", "\u00e9\ud83d\ude00?");
    for (IronCodec each : codecs) {
      for (String text : texts) {
        IronCodec.Sealed sealed = each.sealDescribed(text);
        assertEquals(
            each.open(sealed.value()), sealed.opened(), each + " on a text of " + text.length());
      }
    }
    assertEquals(
        "{\"a\":\"\ufffd and \ufffd?\"}", codec.sealDescribed(texts.get(2)).opened().text());
    IronCodec.Sealed expiring = codec.withOptions(withTtl).sealDescribed(JSON);
    assertEquals(
        Optional.of(NOW.minusSeconds(30).plus(Duration.ofMinutes(7))),
        expiring.opened().expiration());
    assertFalse(expiring.toString().contains(expiring.value()), "a Sealed never prints the seal");
  }

  @Test
  void sealDescribed_refusesWhatSealRefuses() {
    IronCodec small = codec.withOptions(IronOptions.builder().maxSealLength(300).build());
    assertEquals(
        Reason.SEAL_TOO_LONG,
        assertThrows(IronException.class, () -> small.sealDescribed("x".repeat(200))).reason());
  }

  @Test
  void keyring_refusesIdsThatAreNotWordCharacters_asAConfigurationError() {
    IronPasswords.Builder builder = IronPasswords.builder();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.current("a-b", PASSWORD));
    assertTrue(e.getMessage().contains("password id"), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD));
  }

  @Test
  void keyring_refusesAnIdTwice_andASecondCurrentId() {
    IronPasswords.Builder builder = IronPasswords.builder().current("v2", PASSWORD);
    assertThrows(IllegalArgumentException.class, () -> builder.accept("v2", PASSWORD));
    assertThrows(IllegalStateException.class, () -> builder.current("v3", PASSWORD));
    assertThrows(
        IllegalStateException.class, () -> IronPasswords.builder().accept("v1", PASSWORD).build());
  }

  @Test
  void isCurrent_isTrueForASealMadeWithThePasswordNewSealsUse() {
    assertTrue(IronPasswords.single(PASSWORD).isCurrent(""));
    assertTrue(IronPasswords.single(PASSWORD).isCurrent("v1"), "a single password ignores ids");
    IronPasswords rotated =
        IronPasswords.builder().current("v2", PASSWORD).accept("v1", PASSWORD).build();
    assertTrue(rotated.isCurrent("v2"));
    assertFalse(rotated.isCurrent("v1"));
    assertFalse(rotated.isCurrent(""), "no id is looked up as default, which is not current here");
    IronPasswords byDefault =
        IronPasswords.builder().current("default", PASSWORD).accept("v1", PASSWORD).build();
    assertTrue(byDefault.isCurrent(""));
    assertTrue(byDefault.isCurrent("default"));
  }

  @Test
  void passwordIds_followIronsWordRule() {
    for (String valid : new String[] {"v1", "default", "A_b_9", "_"}) {
      assertTrue(IronPasswords.isValidId(valid), valid);
    }
    for (String invalid :
        new String[] {"", "a-b", "a b", "\u00e9t\u00e9", "v1\n", "\uff11", null}) {
      assertFalse(IronPasswords.isValidId(invalid), String.valueOf(invalid));
    }
  }

  @Test
  void create_withShortPassword_failsAsAConfigurationError_namingTheSetting() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IronCodec.create("short"));
    assertTrue(
        e.getMessage().contains("at least 32 characters")
            && e.getMessage().contains("minPasswordLength"),
        e.getMessage());
    assertFalse(e.getMessage().contains("short"), "the password is not quoted: " + e.getMessage());
    IllegalArgumentException inKeyring =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IronCodec.create(
                    IronPasswords.builder()
                        .current("v2", PASSWORD)
                        .accept("v1", "too-short-secret")
                        .build(),
                    IronOptions.defaults()));
    assertTrue(inKeyring.getMessage().contains("id v1"), inKeyring.getMessage());
    assertFalse(inKeyring.getMessage().contains("too-short-secret"), inKeyring.getMessage());
    IllegalArgumentException rawKey =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IronCodec.create(
                    IronPasswords.single(IronSecret.rawKey(new byte[16])), IronOptions.defaults()));
    assertTrue(rawKey.getMessage().contains("32 bytes"), rawKey.getMessage());
  }

  @Test
  void missingPasswords_areConfigurationErrors() {
    assertThrows(NullPointerException.class, () -> IronSecret.password(null));
    assertThrows(IllegalArgumentException.class, () -> IronSecret.password(""));
    assertThrows(NullPointerException.class, () -> IronSecret.rawKey(null));
    assertThrows(IllegalArgumentException.class, () -> IronSecret.rawKey(new byte[0]));
  }

  @Test
  void rawKey_sealsWithEmptySaltsAndOpens() {
    byte[] key = new byte[32];
    key[0] = 7;
    IronCodec raw =
        IronCodec.create(IronPasswords.single(IronSecret.rawKey(key)), IronOptions.defaults());
    String sealed = raw.seal(JSON);
    assertEquals("", SealParts.parse(sealed).encryptionSalt());
    assertEquals(JSON, raw.unseal(sealed));
  }

  @Test
  void aes128Ctr_roundTrips() {
    IronCodec ctr =
        codec.withOptions(IronOptions.builder().algorithm(IronAlgorithm.AES_128_CTR).build());
    assertEquals(JSON, ctr.unseal(ctr.seal(JSON)));
  }

  @Test
  void keyDerivation_matchesTheJdksPbkdf2WithHmacSha1() throws Exception {
    String salt = "0cdd607945dd1dffb7da0b0bf5f1a7daa6218cbae14cac51dcbd91fb077aeb5b";
    KeySource source = KeySource.password(PASSWORD);
    for (int iterations : new int[] {1, 2, 5}) {
      SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
      byte[] expected =
          factory
              .generateSecret(
                  new PBEKeySpec(
                      PASSWORD.toCharArray(),
                      salt.getBytes(StandardCharsets.UTF_8),
                      iterations,
                      256))
              .getEncoded();
      assertArrayEquals(
          expected,
          source.key(salt, iterations, 32, new CryptoContext()),
          "iterations " + iterations);
    }
  }

  @Test
  void toString_neverShowsThePassword() {
    assertFalse(codec.toString().contains(PASSWORD));
    assertFalse(IronSecret.password(PASSWORD).toString().contains(PASSWORD));
  }

  @Test
  void options_refuseOutOfRangeValues() {
    assertThrows(
        IllegalArgumentException.class, () -> IronOptions.builder().encryptionIterations(0));
    assertThrows(
        IllegalArgumentException.class, () -> IronOptions.builder().ttl(Duration.ofSeconds(-1)));
    assertThrows(
        IllegalArgumentException.class, () -> IronOptions.builder().encryptionSaltBits(12));
    assertThrows(IllegalArgumentException.class, () -> IronOptions.builder().maxSealLength(10));
  }

  private void assertTamper(UnaryOperator<String> tamper, Reason expected) {
    String sealed = codec.seal(JSON);
    String tampered = tamper.apply(sealed);
    assertNotEquals(sealed, tampered);
    IronException e = assertThrows(IronException.class, () -> codec.unseal(tampered));
    assertEquals(expected, e.reason());
    assertFalse(e.getMessage().contains("alice"));
  }

  private static String part(String sealed, int index, String value) {
    String[] parts = sealed.split("\\*", -1);
    parts[index] = value;
    return String.join("*", parts);
  }

  private static String flipLastChar(String sealed, int index) {
    String[] parts = sealed.split("\\*", -1);
    String p = parts[index];
    char last = p.charAt(p.length() - 1);
    parts[index] = p.substring(0, p.length() - 1) + (last == 'A' ? 'B' : 'A');
    return String.join("*", parts);
  }
}

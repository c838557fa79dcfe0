package io.trackercookie.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.RejectionReason;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieHeaderParserTest {

  private static List<CookieHeaderParser.Candidate> find(String... lines) {
    return CookieHeaderParser.find(Arrays.asList(lines), "t");
  }

  private static CookieHeaderParser.Candidate ok(String value) {
    return new CookieHeaderParser.Candidate(value, null);
  }

  @Test
  void valuesAreFoundInHeaderOrder_acrossLines() {
    assertEquals(List.of(ok("1"), ok("2"), ok("3")), find("a=x; t=1;t=2", "t=3"));
  }

  @Test
  void onlySemicolonsSeparate_soACommaSmuggledPairIsPartOfAnotherValue() {
    assertEquals(List.of(), find("other=x,t=1"));
    assertEquals(List.of(ok("1,other=x")), find("t=1,other=x"));
  }

  @Test
  void spacesTabsAndOnePairOfQuotesAreStripped() {
    assertEquals(List.of(ok("v"), ok("\"w\"")), find(" \t t \t= \"v\" ;t=\"\"w\"\""));
  }

  @Test
  void percentTwoAIsDecoded_plusAndOtherEscapesAreNot() {
    assertEquals(List.of(ok("a*b*c+d%20")), find("t=a%2Ab%2ac+d%20"));
  }

  @Test
  void fragmentsWithoutEqualsOrValue_andOtherNames_areIgnored() {
    assertEquals(List.of(), find("t; =t; t=; T=1; tt=2; t x=3; __proto__=4"));
    assertEquals(List.of(), CookieHeaderParser.find(null, "t"));
  }

  @Test
  void nonAsciiAndOversizeValues_areRejectedBeforeAnyCrypto() {
    assertEquals(
        List.of(new CookieHeaderParser.Candidate("", RejectionReason.NON_ASCII)),
        find("t=a\u00e9"));
    assertEquals(
        List.of(new CookieHeaderParser.Candidate("", RejectionReason.OVERSIZE)),
        find("t=" + "a".repeat(CookieHeaderParser.MAX_VALUE_LENGTH + 1)));
    assertEquals(1, find("t=" + "a".repeat(CookieHeaderParser.MAX_VALUE_LENGTH)).size());
  }

  @Test
  void candidatesAreBounded() {
    assertEquals(CookieHeaderParser.MAX_CANDIDATES, find("t=1; ".repeat(1000)).size());
  }

  @Test
  void nonNumericVersionAttributes_areDropped_othersKeptAsTheyAre() {
    assertEquals("a=1; t=2", CookieHeaderParser.withoutInvalidVersion("$Version=x; a=1; t=2"));
    assertEquals("a=1", CookieHeaderParser.withoutInvalidVersion("a=1; $version="));
    String numeric = "$Version=1; a=1";
    assertEquals(numeric, CookieHeaderParser.withoutInvalidVersion(numeric));
    String plain = "a=1; t=2";
    assertEquals(plain, CookieHeaderParser.withoutInvalidVersion(plain));
  }

  @Test
  void onePass_findsTheCookieItsChunksAndTheLegacyCookie_inHeaderOrder() {
    CookieHeaderParser.Scan scan =
        CookieHeaderParser.scan(
            List.of("t.1=b; a=x; t=1; t.0=a; t.0=stale", "legacy=L; t.01=no; t.x=no; t.25=far"),
            "t",
            20,
            "legacy");
    assertEquals(List.of(ok("1")), scan.cookie());
    assertEquals(ok("a"), scan.firstChunk(0), "the first of two values");
    assertEquals(ok("b"), scan.firstChunk(1));
    assertEquals(null, scan.firstChunk(2));
    assertEquals(null, scan.firstChunk(19), "t.25 is past the names asked for, t.01 no index");
    assertEquals(List.of(ok("L")), scan.legacy());
    assertEquals(false, scan.versionAttribute());
  }

  @Test
  void onePass_notesAVersionAttribute_inAnyCaseAndTrimmed_asTheDropItTriggersTrims() {
    assertEquals(
        true, CookieHeaderParser.scan(List.of("a=1; $Version=x"), "t", 0, null).versionAttribute());
    assertEquals(
        true, CookieHeaderParser.scan(List.of("\u0001$version"), "t", 0, null).versionAttribute());
    assertEquals(
        false,
        CookieHeaderParser.scan(List.of("$Path=/; a=$Version"), "t", 0, null).versionAttribute());
    assertEquals(
        "a=1",
        CookieHeaderParser.withoutInvalidVersion("\u0001$version; a=1"),
        "the line the flag sends to the drop loses that fragment");
  }

  @Test
  void onePass_rejectsHostileValuesWithoutCopyingThem_underEveryName() {
    String huge = "x".repeat(CookieHeaderParser.MAX_VALUE_LENGTH + 1);
    CookieHeaderParser.Scan scan =
        CookieHeaderParser.scan(
            List.of("t=" + huge + "; t.0=\u00e9; legacy=a\u0000b"), "t", 2, "legacy");
    assertEquals(
        List.of(new CookieHeaderParser.Candidate("", RejectionReason.OVERSIZE)), scan.cookie());
    assertEquals(
        new CookieHeaderParser.Candidate("", RejectionReason.NON_ASCII), scan.firstChunk(0));
    assertEquals(
        List.of(new CookieHeaderParser.Candidate("", RejectionReason.NON_ASCII)), scan.legacy());
  }
}

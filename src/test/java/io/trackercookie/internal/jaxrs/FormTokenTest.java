package io.trackercookie.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormTokenTest {

  private static String find(String body, boolean complete) {
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    return FormToken.find(bytes, bytes.length, complete, "_csrf");
  }

  @Test
  void theField_isFoundAnywhereInACompleteBody_andDecoded() {
    assertEquals("abc", find("_csrf=abc", true));
    assertEquals("a b+c", find("x=1&_csrf=a+b%2Bc&y=2", true));
    assertEquals("first", find("_csrf=first&_csrf=second", true));
  }

  @Test
  void anEncodedName_isTheSameField() {
    assertEquals("abc", find("%5Fcsrf=abc", true));
  }

  @Test
  void aFieldThatMayBeCut_isIgnored() {
    assertNull(find("x=1&_csrf=abc", false));
    assertEquals("abc", find("_csrf=abc&x=", false));
  }

  @Test
  void absentOrBroken_isNoToken() {
    assertNull(find("", true));
    assertNull(find("csrf=abc&_csrf2=abc", true));
    assertNull(find("_csrf=%zz", true));
    assertEquals("", find("_csrf", true));
  }
}

package io.trackercookie.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How roles kept in the seal are read: the strings of a JSON array, nothing else. */
class SignedInSecurityContextFilterTest {

  @Test
  void rolesIn_takesTheStringsOfAnArray() {
    assertEquals(
        Set.of("admin", "editor"),
        SignedInSecurityContextFilter.rolesIn(List.of("admin", "editor")));
  }

  @Test
  void rolesIn_skipsItemsThatAreNotStrings() {
    assertEquals(
        Set.of("admin"),
        SignedInSecurityContextFilter.rolesIn(Arrays.asList(1, "admin", null, List.of("x"), true)));
  }

  @Test
  void rolesIn_anythingButAnArray_isNoRole() {
    for (Object value : new Object[] {null, "admin", 3, Map.of("admin", true)}) {
      assertEquals(Set.of(), SignedInSecurityContextFilter.rolesIn(value), String.valueOf(value));
    }
  }
}

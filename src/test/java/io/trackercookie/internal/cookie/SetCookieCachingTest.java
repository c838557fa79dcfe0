package io.trackercookie.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Cache-Control a response that sets the tracker's cookie gets. */
class SetCookieCachingTest {

  @Test
  void noDirective_getsNoStore() {
    assertEquals("no-store", SetCookieCaching.directiveFor(List.of()));
  }

  @Test
  void applicationsNoStore_isKept_whateverElseItSays() {
    assertNull(SetCookieCaching.directiveFor(List.of("private, No-Store, max-age=0")));
    assertNull(SetCookieCaching.directiveFor(List.of("max-age=60", "no-store")));
    assertNull(SetCookieCaching.directiveFor(List.of("no-store=\"ignored\"")));
  }

  @Test
  void weakerDirectives_areReplaced() {
    for (String weaker :
        List.of(
            "public, max-age=3600", "private", "no-cache", "private, max-age=600", "s-maxage=60")) {
      assertEquals("no-store", SetCookieCaching.directiveFor(List.of(weaker)), weaker);
    }
  }

  @Test
  void noStoreInsideAQuotedArgument_isNoDirective() {
    assertEquals(
        "no-store", SetCookieCaching.directiveFor(List.of("no-cache=\"no-store, Set-Cookie\"")));
    assertEquals(
        "no-store",
        SetCookieCaching.directiveFor(List.of("private=\"a\\\", no-store\", max-age=5")));
  }
}

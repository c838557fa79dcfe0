package io.trackercookie.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The glue table names classes as strings, so a typo would silently leave a runtime without
 * {@code @Context Tracker}; the src/it projects prove each runtime, this catches the typo at once.
 */
class RuntimeGlueTableTest {

  @Test
  void everyGlueClass_existsAndHasAPublicNoArgConstructor() {
    for (String[] glue : FeatureRegistration.GLUE) {
      Class<?> type =
          assertDoesNotThrow(
              () -> Class.forName(glue[1], false, getClass().getClassLoader()), glue[1]);
      assertTrue(Modifier.isPublic(type.getModifiers()), glue[1] + " is public");
      assertDoesNotThrow(() -> type.getConstructor(), glue[1] + " has a public no-arg constructor");
    }
  }

  @Test
  void cxfRevocationsGlue_existsAndTakesTheRevocations() {
    String name = FeatureRegistration.CXF_REVOCATIONS_GLUE[1];
    Class<?> type =
        assertDoesNotThrow(() -> Class.forName(name, false, getClass().getClassLoader()), name);
    assertTrue(Modifier.isPublic(type.getModifiers()), name + " is public");
    assertDoesNotThrow(
        () -> type.getConstructor(io.trackercookie.Revocations.class),
        name + " has a public constructor taking the Revocations");
    assertTrue(
        !FeatureRegistration.CXF_REVOCATIONS_GLUE[0].startsWith("io.trackercookie."),
        "the marker is CXF's class");
  }

  @Test
  void cxfSecurityGlue_existsWithAPublicNoArgConstructor_behindCxfsOwnClass() throws Exception {
    String[] glue = FeatureRegistration.CXF_SECURITY_GLUE;
    Class<?> type =
        assertDoesNotThrow(
            () -> Class.forName(glue[1], false, getClass().getClassLoader()), glue[1]);
    assertTrue(Modifier.isPublic(type.getModifiers()), glue[1] + " is public");
    assertDoesNotThrow(() -> type.getConstructor(), glue[1] + " has a public no-arg constructor");
    assertTrue(!glue[0].startsWith("io.trackercookie."), "the marker is CXF's class");
    Class.forName(glue[0], false, getClass().getClassLoader());
  }

  @Test
  void everyRuntimeMarker_isOutsideTheLibrary() {
    for (String[] glue : FeatureRegistration.GLUE) {
      assertTrue(!glue[0].startsWith("io.trackercookie."), glue[0] + " is a runtime's class");
      assertTrue(glue[1].startsWith("io.trackercookie."), glue[1] + " is the library's glue");
    }
  }
}

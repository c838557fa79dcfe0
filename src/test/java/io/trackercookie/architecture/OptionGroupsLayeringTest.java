package io.trackercookie.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options and the settings stay apart: no option group's builder calls back into the settings
 * reader (setting names come from {@code io.trackercookie.settings}), and of the API package only
 * {@code TrackerFeature} reaches the implementation. Checked on the compiled classes, whose
 * constant pools name every class they use.
 */
class OptionGroupsLayeringTest {

  private static final Path CLASSES = Paths.get("target", "classes", "io", "trackercookie");

  private static final List<String> SETTINGS_LAYER =
      List.of(
          "io/trackercookie/TrackerSettings",
          "io/trackercookie/SettingsReader",
          "io/trackercookie/SettingRows",
          "io/trackercookie/SettingRow",
          "io/trackercookie/UnknownSettings",
          "io/trackercookie/keys/PasswordSettings");

  @Test
  void noGroupBuilder_referencesTheSettingsReader() throws IOException {
    List<String> builders = new ArrayList<>();
    for (String name :
        List.of(
            "TrackerConfig$Builder",
            "Lifetimes$Builder",
            "CookieSettings$Builder",
            "CookieBudget$Builder",
            "SealCacheOptions$Builder",
            "LegacyCookies$Builder",
            "RevocationOptions$Builder",
            "keys/PasswordSource$Builder",
            "ConfigRules")) {
      builders.add(name + ".class");
    }
    List<String> offences = new ArrayList<>();
    for (String builder : builders) {
      String constants = constants(CLASSES.resolve(builder));
      for (String forbidden : SETTINGS_LAYER) {
        if (constants.contains(forbidden)) {
          offences.add(builder + " references " + forbidden);
        }
      }
    }
    assertTrue(offences.isEmpty(), String.join("\n", offences));
  }

  /** Constant-pool class names are stored as modified UTF-8, readable as ISO-8859-1. */
  private static String constants(Path classFile) throws IOException {
    assertTrue(Files.exists(classFile), "compiled " + classFile);
    return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
  }
}

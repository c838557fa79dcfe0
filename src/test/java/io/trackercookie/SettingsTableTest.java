package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's settings table and the settings rows in code say the same, both ways:
 * every documented setting has a row with the same name, environment variable and default, and
 * every row is documented.
 */
class SettingsTableTest {

  /** A documented setting: the cells of its table row. */
  private record DocumentedSetting(String environment, String shownDefault) {}

  /** The settings table's rows by name: {@code | `name` | `ENV` | in code | default |}. */
  private static Map<String, DocumentedSetting> documented() throws IOException {
    Map<String, DocumentedSetting> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("docs/configuration.md"))) {
      if (!line.startsWith("| `tracker.")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
      assertEquals(4, cells.length, "four cells: " + line);
      rows.put(
          unquoted(cells[0].trim()),
          new DocumentedSetting(unquoted(cells[1].trim()), cells[3].trim()));
    }
    return rows;
  }

  private static String unquoted(String cell) {
    assertTrue(cell.startsWith("`") && cell.endsWith("`"), "a name in backticks: " + cell);
    return cell.substring(1, cell.length() - 1);
  }

  @Test
  void everyRowInCode_isDocumented_withItsEnvironmentVariableAndDefault() throws IOException {
    Map<String, DocumentedSetting> docs = documented();
    List<String> wrong = new ArrayList<>();
    for (SettingRow row : SettingRows.ALL) {
      DocumentedSetting doc = docs.get(row.name());
      if (doc == null) {
        wrong.add(row.name() + " is not in the table");
        continue;
      }
      if (!doc.environment().equals(row.shownEnvironmentName())) {
        wrong.add(
            row.name() + ": docs " + doc.environment() + ", code " + row.shownEnvironmentName());
      }
      if (!doc.shownDefault().equals(row.shownDefault())) {
        wrong.add(
            row.name() + ": docs default " + doc.shownDefault() + ", code " + row.shownDefault());
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void everyDocumentedSetting_hasARowInCode() throws IOException {
    List<String> names = new ArrayList<>(documented().keySet());
    assertTrue(names.size() > 30, "the table was read: " + names);
    names.removeAll(SettingRows.NAMES);
    assertTrue(names.isEmpty(), "documented, but no row in code: " + names);
  }

  @Test
  void everySettingsName_isWrittenOnceInTheLibrary() throws IOException {
    Map<String, Integer> written = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String source = Files.readString(file);
        for (String name : SettingRows.NAMES) {
          int at = source.indexOf('"' + name + '"');
          while (at >= 0) {
            written.merge(name, 1, Integer::sum);
            at = source.indexOf('"' + name + '"', at + 1);
          }
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    for (String name : SettingRows.NAMES) {
      int count = written.getOrDefault(name, 0);
      if (count != 1) {
        wrong.add(name + " is written " + count + " times");
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void everyRow_hasADescription_andEveryValueRowSaysWhatItExpects() {
    for (SettingRow row : SettingRows.ALL) {
      assertTrue(row.description().endsWith("."), row.name() + ": " + row.description());
      assertTrue(!row.readAlone() || !row.expected().isBlank(), row.name());
    }
  }
}

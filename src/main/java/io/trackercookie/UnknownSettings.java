package io.trackercookie;

import static io.trackercookie.settings.SettingNames.ACCEPTED_PASSWORD_PREFIX;
import static io.trackercookie.settings.SettingNames.PREFIX;
import static io.trackercookie.settings.SettingNames.environmentName;

import io.trackercookie.settings.SettingNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Finds names that look like tracker settings but are none (a property starting with {@code
 * tracker.}, an environment variable starting with {@code TRACKER_}), each with the closest known
 * setting: such a setting would otherwise be ignored without a word.
 */
final class UnknownSettings {

  private UnknownSettings() {}

  /** See {@link TrackerSettings#unknownNameWarnings}. */
  static List<String> warnings(
      Collection<String> propertyNames, Collection<String> environmentNames) {
    List<String> known = SettingRows.NAMES;
    List<String> knownEnvironment = known.stream().map(name -> environmentName(name)).toList();
    // MicroProfile's rule names some settings differently; both names are read.
    List<String> acceptedEnvironment = new ArrayList<>(knownEnvironment);
    known.stream().map(SettingNames::microProfileEnvironmentName).forEach(acceptedEnvironment::add);
    List<String> warnings = new ArrayList<>();
    for (String name : new TreeSet<>(propertyNames)) {
      if (name.startsWith(PREFIX)
          && !known.contains(name)
          && !name.startsWith(ACCEPTED_PASSWORD_PREFIX)) {
        warnings.add(warning("property", name, known));
      }
    }
    String environmentPrefix = environmentName(PREFIX);
    String acceptedPrefix = environmentName(ACCEPTED_PASSWORD_PREFIX);
    for (String name : new TreeSet<>(environmentNames)) {
      if (name.startsWith(environmentPrefix)
          && !acceptedEnvironment.contains(name)
          && !name.startsWith(acceptedPrefix)) {
        warnings.add(warning("environment variable", name, knownEnvironment));
      }
    }
    return warnings;
  }

  private static String warning(String kind, String name, List<String> known) {
    String closest = known.get(0);
    for (String candidate : known) {
      if (distance(name, candidate) < distance(name, closest)) {
        closest = candidate;
      }
    }
    return "Unknown tracker " + kind + " " + name + " is ignored; did you mean " + closest + "?";
  }

  /** Edit distance, ignoring case: how far a misspelled name is from a known one. */
  private static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}

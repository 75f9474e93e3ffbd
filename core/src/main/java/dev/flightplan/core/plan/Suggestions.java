package dev.flightplan.core.plan;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Hints for names that are close to an allowed one ("did you mean `bake`?"). */
final class Suggestions {
  private Suggestions() {}

  /** The option nearest to {@code input}, if it is close enough to be a likely typo. */
  static Optional<String> nearest(String input, Collection<String> options) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String option : options) {
      int d = distance(input.toLowerCase(Locale.ROOT), option.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = option;
        bestDistance = d;
      }
    }
    int tolerance = Math.max(2, input.length() / 3);
    return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
  }

  /** "did you mean `x`? allowed: a, b, c" or just the allowed list. */
  static String hint(String input, Collection<String> options) {
    String allowed = "allowed: " + String.join(", ", options);
    return nearest(input, options).map(n -> "did you mean `" + n + "`? " + allowed).orElse(allowed);
  }

  /** Levenshtein distance, two rows at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

package dev.flightplan.evaluation;

import java.util.Map;

/**
 * Matches an {@link Audience} against a unit's evaluation context. Comparisons are exact and
 * case-sensitive, so every client agrees; a missing attribute never matches, whatever the rule.
 */
public final class AudienceMatcher {
  private AudienceMatcher() {}

  public static boolean matches(Audience audience, Map<String, String> attributes) {
    String value = attributes.get(audience.attribute());
    if (value == null || audience.values().isEmpty()) {
      return false;
    }
    String first = audience.values().get(0);
    return switch (audience.match()) {
      case EQUALS -> value.equals(first);
      case IN -> audience.values().contains(value);
      case STARTS_WITH -> value.startsWith(first);
      case ENDS_WITH -> value.endsWith(first);
    };
  }
}

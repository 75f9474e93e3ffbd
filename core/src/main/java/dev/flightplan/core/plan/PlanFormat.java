package dev.flightplan.core.plan;

import java.util.Locale;
import java.util.Optional;

/** The two notations of a plan; both follow the same schema. */
public enum PlanFormat {
  YAML,
  JSON;

  /**
   * JSON when the first meaningful character opens a JSON object, otherwise YAML (which also reads
   * most JSON, but reports JSON mistakes less precisely).
   */
  public static PlanFormat sniff(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        continue;
      }
      return c == '{' ? JSON : YAML;
    }
    return YAML;
  }

  /**
   * The format of an HTTP media type ({@code application/json}, {@code application/yaml}, {@code
   * application/x-yaml}, {@code text/yaml}, {@code +json} / {@code +yaml} suffixes), ignoring
   * parameters.
   */
  public static Optional<PlanFormat> ofMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.equals("application/json") || type.endsWith("+json")) {
      return Optional.of(JSON);
    }
    if (type.endsWith("/yaml") || type.endsWith("/x-yaml") || type.endsWith("+yaml")) {
      return Optional.of(YAML);
    }
    return Optional.empty();
  }
}

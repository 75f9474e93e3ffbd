package dev.flightplan.evaluation;

import java.util.List;

/**
 * A named segment matched on one attribute of the evaluation context, e.g. {@code {attribute:
 * email, endsWith: "@example.com"}}. {@code values} holds one value except for {@code in}.
 */
public record Audience(String attribute, Match match, List<String> values) {

  public Audience {
    values = List.copyOf(values);
  }

  /** How the attribute is compared; {@code wireName} is the key used in plan files. */
  public enum Match {
    EQUALS("equals"),
    IN("in"),
    STARTS_WITH("startsWith"),
    ENDS_WITH("endsWith");

    private final String wireName;

    Match(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}

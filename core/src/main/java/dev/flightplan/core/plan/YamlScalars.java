package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a plain YAML scalar means, by YAML 1.2's core schema narrowed to JSON's numbers: {@code
 * null}, {@code ~} and nothing are null; {@code true} and {@code false} (also capitalized or upper
 * case) are booleans; decimal numbers with an optional sign, point and exponent are numbers.
 * Everything else is text: {@code yes}, {@code off}, {@code 0x64}, {@code 0o14}, {@code 1_000},
 * {@code 010}, {@code .inf}. Quoted and block scalars are always text.
 */
final class YamlScalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("[-+]?(?:0|[1-9][0-9]*)");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE");

  private YamlScalars() {}

  /** The node of a plain scalar; throws {@link IllegalArgumentException} for an overlong number. */
  static JsonNode plain(String text) {
    if (NULLS.contains(text)) {
      return NODES.nullNode();
    }
    if (TRUE.contains(text) || FALSE.contains(text)) {
      return NODES.booleanNode(TRUE.contains(text));
    }
    boolean integer = looksNumeric(text) && INTEGER.matcher(text).matches();
    if (!integer && !(looksNumeric(text) && DECIMAL.matcher(text).matches())) {
      return NODES.textNode(text);
    }
    if (text.length() > PlanLimits.NUMBER_CHARS) {
      throw new IllegalArgumentException(
          "a number of "
              + text.length()
              + " characters; at most "
              + PlanLimits.NUMBER_CHARS
              + " are read");
    }
    return integer ? integer(new BigInteger(text)) : NODES.numberNode(new BigDecimal(text));
  }

  /** Cheap first test: a number starts with a sign, a digit or a point. */
  private static boolean looksNumeric(String text) {
    char first = text.charAt(0);
    return (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
  }

  static JsonNode text(String text) {
    return NODES.textNode(text);
  }

  private static JsonNode integer(BigInteger value) {
    if (value.bitLength() < Integer.SIZE) {
      return NODES.numberNode(value.intValue());
    }
    return value.bitLength() < Long.SIZE
        ? NODES.numberNode(value.longValue())
        : NODES.numberNode(value);
  }
}

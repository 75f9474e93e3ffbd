package dev.flightplan.client;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the flag item the controller writes (docs/design.md §6): {@code flagKey}, {@code salt},
 * {@code rolloutId}, {@code basisPoints}, {@code exposedAudiences}, {@code audiences} (a list of
 * {@code {name, attribute, match, values}} in plan order) and {@code updatedAt} in epoch seconds.
 * Attributes it does not know are ignored, so items written by a newer controller still read.
 */
final class FlagItems {
  static final String FLAG_KEY = "flagKey";

  private FlagItems() {}

  static FlagExposure parse(Map<String, AttributeValue> item) {
    String flagKey = requiredString(item, FLAG_KEY);
    String rolloutId = string(item.get("rolloutId"));
    String salt = string(item.get("salt"));
    if (salt == null && rolloutId == null) {
      throw new IllegalArgumentException("flag " + flagKey + ": neither salt nor rolloutId");
    }
    AttributeValue basisPoints = item.get("basisPoints");
    Exposure exposure =
        new Exposure(
            basisPoints == null || basisPoints.n() == null ? 0 : Integer.parseInt(basisPoints.n()),
            new HashSet<>(strings(item.get("exposedAudiences"))));
    return new FlagExposure(
        flagKey,
        salt == null ? rolloutId : salt,
        rolloutId,
        exposure,
        audiences(item.get("audiences")),
        epochSeconds(item.get("updatedAt")));
  }

  /** The item's key, or null when even that is unreadable. */
  static String keyOf(Map<String, AttributeValue> item) {
    return string(item.get(FLAG_KEY));
  }

  static Audience.Match match(String wireName) {
    for (Audience.Match match : Audience.Match.values()) {
      if (match.wireName().equals(wireName)) {
        return match;
      }
    }
    throw new IllegalArgumentException("unknown audience match: " + wireName);
  }

  static Instant parseEpochSeconds(String number) {
    BigDecimal value = new BigDecimal(number);
    BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
    int nanos = value.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  private static Map<String, Audience> audiences(AttributeValue value) {
    Map<String, Audience> out = new LinkedHashMap<>();
    if (value == null || !value.hasL()) {
      return out;
    }
    for (AttributeValue entry : value.l()) {
      if (!entry.hasM()) {
        throw new IllegalArgumentException("an audience is not a map: " + entry);
      }
      Map<String, AttributeValue> m = entry.m();
      out.put(
          requiredString(m, "name"),
          new Audience(
              requiredString(m, "attribute"),
              match(requiredString(m, "match")),
              strings(m.get("values"))));
    }
    return out;
  }

  private static List<String> strings(AttributeValue value) {
    if (value == null || value.nul() != null && value.nul()) {
      return List.of();
    }
    if (value.hasSs()) {
      return value.ss();
    }
    if (!value.hasL()) {
      throw new IllegalArgumentException("expected a list of strings: " + value);
    }
    return value.l().stream().map(FlagItems::requiredString).toList();
  }

  private static Instant epochSeconds(AttributeValue value) {
    return value == null || value.n() == null ? null : parseEpochSeconds(value.n());
  }

  private static String requiredString(Map<String, AttributeValue> m, String name) {
    String value = string(m.get(name));
    if (value == null) {
      throw new IllegalArgumentException("missing string attribute " + name);
    }
    return value;
  }

  private static String requiredString(AttributeValue value) {
    if (value.s() == null) {
      throw new IllegalArgumentException("expected a string: " + value);
    }
    return value.s();
  }

  private static String string(AttributeValue value) {
    return value == null ? null : value.s();
  }
}

package dev.flightplan.infra.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Small helpers for nested attribute values, read leniently: an absent attribute is null or the
 * default, so items written before a field existed still decode.
 */
public final class AttributeValues {
  private AttributeValues() {}

  /** An Enhanced Client converter from two functions, for types the client does not know. */
  public static <T> AttributeConverter<T> converter(
      EnhancedType<T> type,
      AttributeValueType valueType,
      Function<T, AttributeValue> to,
      Function<AttributeValue, T> from) {
    return new AttributeConverter<>() {
      @Override
      public AttributeValue transformFrom(T input) {
        return to.apply(input);
      }

      @Override
      public T transformTo(AttributeValue input) {
        return from.apply(input);
      }

      @Override
      public EnhancedType<T> type() {
        return type;
      }

      @Override
      public AttributeValueType attributeValueType() {
        return valueType;
      }
    };
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static AttributeValue m(Map<String, AttributeValue> value) {
    return AttributeValue.fromM(value);
  }

  public static AttributeValue l(List<AttributeValue> value) {
    return AttributeValue.fromL(value);
  }

  /** Adds {@code key} only when {@code value} is not null: nulls are left out, never stored. */
  public static void putIfSet(Map<String, AttributeValue> map, String key, Instant value) {
    if (value != null) {
      map.put(key, EpochSeconds.attribute(value));
    }
  }

  public static void putIfSet(Map<String, AttributeValue> map, String key, String value) {
    if (value != null) {
      map.put(key, s(value));
    }
  }

  public static String string(Map<String, AttributeValue> map, String key) {
    AttributeValue value = map.get(key);
    return value == null ? null : value.s();
  }

  public static long number(Map<String, AttributeValue> map, String key, long absent) {
    AttributeValue value = map.get(key);
    return value == null || value.n() == null ? absent : Long.parseLong(value.n());
  }

  public static Instant instant(Map<String, AttributeValue> map, String key) {
    return EpochSeconds.of(map.get(key));
  }

  public static Map<String, AttributeValue> map(AttributeValue value) {
    return value == null || !value.hasM() ? Map.of() : value.m();
  }

  public static List<AttributeValue> list(AttributeValue value) {
    return value == null || !value.hasL() ? List.of() : value.l();
  }

  /**
   * Metric values: finite ones as numbers; NaN, infinities, -0.0 and magnitudes DynamoDB cannot
   * hold as a number (below 1E-130 or from 1E126: a p-value of 1E-200 is one) as their Java
   * spelling, so every value is stored and reads back exactly.
   */
  public static AttributeValue doubles(Map<String, Double> values) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, dbl(v)));
    return m(out);
  }

  public static Map<String, Double> doubles(AttributeValue value) {
    Map<String, Double> out = new LinkedHashMap<>();
    map(value).forEach((k, v) -> out.put(k, Double.parseDouble(v.n() != null ? v.n() : v.s())));
    return out;
  }

  private static AttributeValue dbl(double value) {
    boolean negativeZero = Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
    double magnitude = Math.abs(value);
    boolean storable = value == 0 || (magnitude >= 1e-130 && magnitude < 1e126);
    return Double.isFinite(value) && !negativeZero && storable
        ? AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString())
        : s(Double.toString(value));
  }
}

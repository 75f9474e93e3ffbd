package dev.flightplan.infra.dynamodb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Instants as DynamoDB numbers of epoch seconds with up to nine decimals ({@code 1740992400.25}):
 * exact to the nanosecond, readable, and they sort, so they serve as index sort keys.
 */
public final class EpochSeconds {
  /** The Enhanced Client converter of every stored instant. */
  public static final AttributeConverter<Instant> CONVERTER =
      AttributeValues.converter(
          EnhancedType.of(Instant.class),
          AttributeValueType.N,
          EpochSeconds::attribute,
          EpochSeconds::of);

  private EpochSeconds() {}

  public static String format(Instant at) {
    BigDecimal seconds =
        BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString();
  }

  public static Instant parse(String number) {
    BigDecimal value = new BigDecimal(number);
    BigDecimal whole = value.setScale(0, RoundingMode.FLOOR);
    int nanos = value.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  public static AttributeValue attribute(Instant at) {
    return AttributeValue.fromN(format(at));
  }

  /** The instant of a number attribute; null when the attribute is absent or null. */
  public static Instant of(AttributeValue value) {
    return value == null || value.n() == null ? null : parse(value.n());
  }
}

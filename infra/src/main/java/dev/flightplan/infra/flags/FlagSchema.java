package dev.flightplan.infra.flags;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.infra.dynamodb.AttributeValues;
import dev.flightplan.infra.dynamodb.EpochSeconds;
import dev.flightplan.infra.dynamodb.Tables.Attr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The flag item: {@code flagKey}, {@code salt}, {@code rolloutId}, {@code basisPoints}, {@code
 * exposedAudiences} (sorted names), {@code audiences} (a list, to keep plan order, of {@code {name,
 * attribute, match, values}} with {@code match} as plan files spell it) and {@code updatedAt}.
 */
final class FlagSchema {
  private static final AttributeConverter<Map<String, Audience>> AUDIENCES =
      AttributeValues.converter(
          EnhancedType.mapOf(String.class, Audience.class),
          AttributeValueType.L,
          FlagSchema::audiences,
          FlagSchema::audiences);
  private static final AttributeConverter<List<String>> NAMES =
      AttributeValues.converter(
          EnhancedType.listOf(String.class),
          AttributeValueType.L,
          names -> AttributeValues.l(names.stream().sorted().map(AttributeValue::fromS).toList()),
          v -> AttributeValues.list(v).stream().map(AttributeValue::s).toList());

  static final StaticImmutableTableSchema<FlagExposure, Builder> SCHEMA =
      StaticImmutableTableSchema.builder(FlagExposure.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              a ->
                  a.name(Attr.FLAG_KEY)
                      .getter(FlagExposure::flagKey)
                      .setter((b, v) -> b.flagKey = v)
                      .tags(primaryPartitionKey()))
          .addAttribute(
              String.class,
              a -> a.name("salt").getter(FlagExposure::salt).setter((b, v) -> b.salt = v))
          .addAttribute(
              String.class,
              a ->
                  a.name(Attr.ROLLOUT_ID)
                      .getter(FlagExposure::rolloutId)
                      .setter((b, v) -> b.rolloutId = v))
          .addAttribute(
              Integer.class,
              a ->
                  a.name("basisPoints")
                      .getter(f -> f.exposure().basisPoints())
                      .setter((b, v) -> b.basisPoints = v))
          .addAttribute(
              NAMES.type(),
              a ->
                  a.name("exposedAudiences")
                      .getter(f -> List.copyOf(f.exposure().audiences()))
                      .setter((b, v) -> b.exposed = v)
                      .attributeConverter(NAMES))
          .addAttribute(
              AUDIENCES.type(),
              a ->
                  a.name("audiences")
                      .getter(FlagExposure::audiences)
                      .setter((b, v) -> b.audiences = v)
                      .attributeConverter(AUDIENCES))
          .addAttribute(
              EpochSeconds.CONVERTER.type(),
              a ->
                  a.name("updatedAt")
                      .getter(FlagExposure::updatedAt)
                      .setter((b, v) -> b.updatedAt = v)
                      .attributeConverter(EpochSeconds.CONVERTER))
          .build();

  private FlagSchema() {}

  private static AttributeValue audiences(Map<String, Audience> audiences) {
    List<AttributeValue> out = new ArrayList<>();
    audiences.forEach(
        (name, a) ->
            out.add(
                AttributeValues.m(
                    Map.of(
                        "name", AttributeValues.s(name),
                        "attribute", AttributeValues.s(a.attribute()),
                        "match", AttributeValues.s(a.match().wireName()),
                        "values",
                            AttributeValues.l(
                                a.values().stream().map(AttributeValue::fromS).toList())))));
    return AttributeValues.l(out);
  }

  private static Map<String, Audience> audiences(AttributeValue value) {
    Map<String, Audience> out = new LinkedHashMap<>();
    for (AttributeValue item : AttributeValues.list(value)) {
      Map<String, AttributeValue> m = AttributeValues.map(item);
      out.put(
          AttributeValues.string(m, "name"),
          new Audience(
              AttributeValues.string(m, "attribute"),
              match(AttributeValues.string(m, "match")),
              AttributeValues.list(m.get("values")).stream().map(AttributeValue::s).toList()));
    }
    return out;
  }

  private static Audience.Match match(String wireName) {
    for (Audience.Match match : Audience.Match.values()) {
      if (match.wireName().equals(wireName)) {
        return match;
      }
    }
    throw new IllegalArgumentException("unknown audience match in a flag item: " + wireName);
  }

  /** Collects a flag item's attributes. */
  static final class Builder {
    String flagKey;
    String salt;
    String rolloutId;
    int basisPoints;
    List<String> exposed = List.of();
    Map<String, Audience> audiences = Map.of();
    Instant updatedAt;

    FlagExposure build() {
      return new FlagExposure(
          flagKey,
          salt == null ? rolloutId : salt,
          rolloutId,
          new Exposure(basisPoints, new java.util.HashSet<>(exposed)),
          audiences,
          updatedAt);
    }
  }
}

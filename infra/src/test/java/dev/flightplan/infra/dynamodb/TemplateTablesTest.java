package dev.flightplan.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The SAM template creates exactly the tables of {@link Tables#SPECS}: names, keys, attribute
 * types, indexes and TTL. The template writes intrinsic functions in long form ({@code Fn::Sub:}),
 * so plain YAML reads it.
 */
class TemplateTablesTest {
  private static final Path TEMPLATE = Path.of("..", "template.yaml");
  private static final String PREFIX = "${AWS::StackName}-";

  private final JsonNode template = read();

  /** A table as both sides describe it, in a form whose differences read well in a failure. */
  record Table(
      String name,
      String key,
      Map<String, String> attributeTypes,
      Map<String, String> indexes,
      String ttl) {}

  @Test
  void theTemplateCreatesTheTablesTheCodeUses() {
    Map<String, Table> expected = new TreeMap<>();
    for (Tables.Spec spec : Tables.SPECS) {
      expected.put(spec.suffix(), fromSpec(spec));
    }
    Map<String, Table> actual = new TreeMap<>();
    template
        .get("Resources")
        .properties()
        .forEach(
            resource -> {
              if (resource.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
                Table table = fromTemplate(resource.getKey(), resource.getValue());
                actual.put(table.name().substring(PREFIX.length()), table);
              }
            });

    assertThat(actual.keySet()).as("tables").isEqualTo(expected.keySet());
    SoftAssertions.assertSoftly(
        soft ->
            expected.forEach(
                (kind, table) -> soft.assertThat(actual.get(kind)).as(kind).isEqualTo(table)));
  }

  @Test
  void theFunctionsGetTheTablePrefixTheTableNamesUse() {
    JsonNode variables = template.at("/Globals/Function/Environment/Variables");
    assertThat(variables.at("/FLIGHTPLAN_TABLE_PREFIX/Fn::Sub").asText()).isEqualTo(PREFIX);
  }

  @Test
  void everyTableIsOnDemandEncryptedAndRecoverable() {
    template
        .get("Resources")
        .properties()
        .forEach(
            resource -> {
              JsonNode table = resource.getValue();
              if (!table.path("Type").asText().equals("AWS::DynamoDB::Table")) {
                return;
              }
              JsonNode properties = table.get("Properties");
              assertThat(properties.path("BillingMode").asText())
                  .as(resource.getKey())
                  .isEqualTo("PAY_PER_REQUEST");
              assertThat(properties.at("/SSESpecification/SSEEnabled").asBoolean())
                  .as(resource.getKey())
                  .isTrue();
              assertThat(
                      properties
                          .at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled")
                          .asBoolean())
                  .as(resource.getKey())
                  .isTrue();
            });
  }

  private static Table fromSpec(Tables.Spec spec) {
    Map<String, String> types = new TreeMap<>();
    types(spec.key(), types);
    Map<String, String> indexes = new TreeMap<>();
    for (Tables.Index index : spec.indexes()) {
      types(index.key(), types);
      indexes.put(index.name(), keyText(index.key()) + " projection ALL");
    }
    return new Table(
        PREFIX + spec.suffix(), keyText(spec.key()), types, indexes, spec.ttlAttribute());
  }

  private static Table fromTemplate(String logicalId, JsonNode resource) {
    JsonNode properties = resource.get("Properties");
    Map<String, String> types = new TreeMap<>();
    properties
        .get("AttributeDefinitions")
        .forEach(
            definition ->
                types.put(
                    definition.get("AttributeName").asText(),
                    definition.get("AttributeType").asText()));
    Map<String, String> indexes = new TreeMap<>();
    properties
        .path("GlobalSecondaryIndexes")
        .forEach(
            index ->
                indexes.put(
                    index.get("IndexName").asText(),
                    keyText(index.get("KeySchema"), types)
                        + " projection "
                        + index.at("/Projection/ProjectionType").asText()));
    JsonNode ttl = properties.path("TimeToLiveSpecification");
    String ttlAttribute =
        ttl.path("Enabled").asBoolean() ? ttl.get("AttributeName").asText() : null;
    String name = properties.at("/TableName/Fn::Sub").asText();
    assertThat(name).as(logicalId + " TableName").startsWith(PREFIX);
    return new Table(
        name, keyText(properties.get("KeySchema"), types), types, indexes, ttlAttribute);
  }

  private static void types(Tables.Key key, Map<String, String> types) {
    types.put(key.partition(), key.partitionType());
    if (key.sort() != null) {
      types.put(key.sort(), key.sortType());
    }
  }

  private static String keyText(Tables.Key key) {
    return key.sort() == null
        ? key.partition() + " (" + key.partitionType() + ")"
        : key.partition()
            + " ("
            + key.partitionType()
            + ") + "
            + key.sort()
            + " ("
            + key.sortType()
            + ")";
  }

  private static String keyText(JsonNode keySchema, Map<String, String> types) {
    String hash = null;
    String range = null;
    for (JsonNode element : keySchema) {
      String name = element.get("AttributeName").asText();
      switch (element.get("KeyType").asText()) {
        case "HASH" -> hash = name;
        case "RANGE" -> range = name;
        default -> throw new AssertionError("unknown KeyType in " + element);
      }
    }
    List<String> parts = new ArrayList<>();
    parts.add(hash + " (" + types.get(hash) + ")");
    if (range != null) {
      parts.add(range + " (" + types.get(range) + ")");
    }
    return String.join(" + ", parts);
  }

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(TEMPLATE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TEMPLATE.toAbsolutePath(), e);
    }
  }
}

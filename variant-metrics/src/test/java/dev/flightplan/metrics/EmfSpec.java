package dev.flightplan.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a document against the Embedded Metric Format specification: the structure through a JSON
 * Schema ({@code emf.schema.json}), then what a schema cannot say — every dimension a directive
 * names and every metric it defines is a member of the root, with a value of the right form; values
 * and counts match.
 */
final class EmfSpec {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final String TEXT = schemaText();
  private static final Schema DOCUMENT = REGISTRY.getSchema(TEXT);
  private static final Schema VALUE = part("value");
  private static final Schema DIMENSION_VALUE = part("dimensionValue");

  private EmfSpec() {}

  /** Every way {@code document} departs from the specification; empty when it conforms. */
  static List<String> problems(String document) {
    List<String> problems = new ArrayList<>();
    DOCUMENT.validate(document, InputFormat.JSON).forEach(e -> problems.add(e.toString()));
    if (!problems.isEmpty()) {
      return problems;
    }
    JsonNode root = read(document);
    for (JsonNode directive : root.path("_aws").path("CloudWatchMetrics")) {
      for (JsonNode set : directive.path("Dimensions")) {
        for (JsonNode name : set) {
          check(problems, DIMENSION_VALUE, root, name.asText());
        }
      }
      for (JsonNode metric : directive.path("Metrics")) {
        String name = metric.path("Name").asText();
        check(problems, VALUE, root, name);
        JsonNode value = root.path(name);
        if (value.isObject() && value.path("Values").size() != value.path("Counts").size()) {
          problems.add(name + ": Values and Counts differ in length");
        }
      }
    }
    return problems;
  }

  static JsonNode read(String document) {
    try {
      return JSON.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(List<String> problems, Schema schema, JsonNode root, String member) {
    if (!root.has(member)) {
      problems.add("no target member " + member);
      return;
    }
    schema
        .validate(root.get(member).toString(), InputFormat.JSON)
        .forEach(e -> problems.add(member + ": " + e));
  }

  /** The schema of one {@code $defs} entry, with the others beside it. */
  private static Schema part(String definition) {
    ObjectNode whole = (ObjectNode) read(TEXT);
    ObjectNode part = JSON.createObjectNode();
    part.set("$schema", whole.get("$schema"));
    part.put("$ref", "#/$defs/" + definition);
    part.set("$defs", whole.get("$defs"));
    return REGISTRY.getSchema(part.toString());
  }

  private static String schemaText() {
    try (InputStream in = EmfSpec.class.getResourceAsStream("emf.schema.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

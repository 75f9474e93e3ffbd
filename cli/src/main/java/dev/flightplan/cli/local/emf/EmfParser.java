package dev.flightplan.cli.local.emf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Embedded Metric Format document as CloudWatch does: the {@code _aws} metadata with its
 * {@code Timestamp} and metric directives, and for every dimension set and metric of a directive
 * one series with its sample. A document that breaks the specification is refused whole, with the
 * reason, as CloudWatch refuses it.
 */
final class EmfParser {
  static final int MAX_VALUES = 100;
  static final int MAX_DIMENSIONS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private EmfParser() {}

  /** The series and samples of one document, all at {@code timestampMillis}. */
  record Document(long timestampMillis, List<Point> points) {}

  record Point(SeriesKey key, Sample sample) {}

  static Document parse(String line) {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new EmfException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new EmfException("not a JSON object");
    }
    JsonNode aws = root.path("_aws");
    if (!aws.isObject()) {
      throw new EmfException("no _aws metadata object");
    }
    JsonNode timestamp = aws.path("Timestamp");
    if (!timestamp.isIntegralNumber() || timestamp.asLong() < 0) {
      throw new EmfException("_aws.Timestamp is not a time in epoch milliseconds");
    }
    JsonNode directives = aws.path("CloudWatchMetrics");
    if (!directives.isArray()) {
      throw new EmfException("_aws.CloudWatchMetrics is not an array");
    }
    List<Point> points = new ArrayList<>();
    for (JsonNode directive : directives) {
      directive(root, directive, points);
    }
    return new Document(timestamp.asLong(), points);
  }

  private static void directive(JsonNode root, JsonNode directive, List<Point> points) {
    String namespace = directive.path("Namespace").asText("");
    if (!directive.path("Namespace").isTextual() || namespace.isBlank()) {
      throw new EmfException("a directive has no Namespace");
    }
    if (!directive.path("Dimensions").isArray() || !directive.path("Metrics").isArray()) {
      throw new EmfException("directive " + namespace + " lacks its Dimensions or Metrics array");
    }
    if (directive.path("Metrics").size() > MAX_VALUES) {
      throw new EmfException("directive " + namespace + " defines more than 100 metrics");
    }
    List<Map<String, String>> sets = new ArrayList<>();
    for (JsonNode set : directive.path("Dimensions")) {
      sets.add(dimensions(root, set));
    }
    for (JsonNode definition : directive.path("Metrics")) {
      String name = definition.path("Name").asText("");
      if (!definition.path("Name").isTextual() || name.isEmpty()) {
        throw new EmfException("a metric of " + namespace + " has no Name");
      }
      Sample sample = EmfValues.sample(name, root.get(name));
      for (Map<String, String> dimensions : sets) {
        points.add(new Point(new SeriesKey(namespace, name, dimensions), sample));
      }
    }
  }

  private static Map<String, String> dimensions(JsonNode root, JsonNode set) {
    if (!set.isArray() || set.size() > MAX_DIMENSIONS) {
      throw new EmfException("a dimension set is not an array of at most 30 names");
    }
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (JsonNode name : set) {
      JsonNode value = root.get(name.asText());
      if (!name.isTextual() || value == null || !value.isTextual()) {
        throw new EmfException("dimension " + name + " has no text value in the document");
      }
      dimensions.put(name.asText(), value.asText());
    }
    return dimensions;
  }
}

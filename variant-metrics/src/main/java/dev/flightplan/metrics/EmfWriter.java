package dev.flightplan.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one variant's drained counts as CloudWatch Embedded Metric Format documents: one
 * directive, one dimension set ({@code Service}, {@code Variant} and the fixed dimensions), and the
 * metrics {@code Requests} and {@code Errors} (Count) and {@code Latency} (Milliseconds). Latency
 * goes in the values-and-counts form ({@code Values}, {@code Counts}, {@code Max}, {@code Min},
 * {@code Count}, {@code Sum}) from which CloudWatch computes percentiles; a document holds at most
 * {@link #MAX_VALUES} values, so wider spreads take more documents, and only the first carries the
 * request and error counts.
 */
final class EmfWriter {
  static final int MAX_VALUES = 100;
  private static final JsonFactory JSON = new JsonFactory();

  private final String namespace;
  private final String service;
  private final Map<String, String> fixedDimensions;

  /**
   * @param fixedDimensions dimensions every document carries after {@code Service} and {@code
   *     Variant}, in order
   */
  EmfWriter(String namespace, String service, Map<String, String> fixedDimensions) {
    this.namespace = namespace;
    this.service = service;
    this.fixedDimensions = new LinkedHashMap<>(fixedDimensions);
  }

  List<String> documents(VariantRecorder.Drained drained, long timestampMillis) {
    List<String> documents = new ArrayList<>();
    LatencyBatch latencies = drained.latencies();
    for (int from = 0; from < latencies.size(); from += MAX_VALUES) {
      LatencyBatch part = latencies.slice(from, Math.min(latencies.size(), from + MAX_VALUES));
      documents.add(document(drained, part, from == 0, timestampMillis));
    }
    return documents;
  }

  private String document(
      VariantRecorder.Drained drained, LatencyBatch latencies, boolean counts, long timestamp) {
    StringWriter text = new StringWriter(512 + latencies.size() * 24);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      metadata(json, counts, timestamp);
      json.writeStringField(VariantMetrics.SERVICE_DIMENSION, service);
      json.writeStringField(VariantMetrics.VARIANT_DIMENSION, drained.variant());
      for (Map.Entry<String, String> dimension : fixedDimensions.entrySet()) {
        json.writeStringField(dimension.getKey(), dimension.getValue());
      }
      if (counts) {
        json.writeNumberField(VariantMetrics.REQUESTS, drained.requests());
        json.writeNumberField(VariantMetrics.ERRORS, drained.errors());
      }
      json.writeFieldName(VariantMetrics.LATENCY);
      latency(json, latencies);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private void metadata(JsonGenerator json, boolean counts, long timestamp) throws IOException {
    json.writeObjectFieldStart("_aws");
    json.writeNumberField("Timestamp", timestamp);
    json.writeArrayFieldStart("CloudWatchMetrics");
    json.writeStartObject();
    json.writeStringField("Namespace", namespace);
    json.writeArrayFieldStart("Dimensions");
    json.writeStartArray();
    json.writeString(VariantMetrics.SERVICE_DIMENSION);
    json.writeString(VariantMetrics.VARIANT_DIMENSION);
    for (String name : fixedDimensions.keySet()) {
      json.writeString(name);
    }
    json.writeEndArray();
    json.writeEndArray();
    json.writeArrayFieldStart("Metrics");
    if (counts) {
      definition(json, VariantMetrics.REQUESTS, "Count");
      definition(json, VariantMetrics.ERRORS, "Count");
    }
    definition(json, VariantMetrics.LATENCY, "Milliseconds");
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void definition(JsonGenerator json, String name, String unit) throws IOException {
    json.writeStartObject();
    json.writeStringField("Name", name);
    json.writeStringField("Unit", unit);
    json.writeEndObject();
  }

  /** Min, Max and Sum from the same values as the counts, so the set is always consistent. */
  private static void latency(JsonGenerator json, LatencyBatch latencies) throws IOException {
    double[] values = latencies.values();
    long[] counts = latencies.counts();
    double sum = 0;
    json.writeStartObject();
    json.writeArrayFieldStart("Values");
    for (int i = 0; i < values.length; i++) {
      json.writeNumber(values[i]);
      sum += values[i] * counts[i];
    }
    json.writeEndArray();
    json.writeArrayFieldStart("Counts");
    for (long count : counts) {
      json.writeNumber(count);
    }
    json.writeEndArray();
    json.writeNumberField("Max", values[values.length - 1]);
    json.writeNumberField("Min", values[0]);
    json.writeNumberField("Count", latencies.requests());
    json.writeNumberField("Sum", Math.round(sum * 1000) / 1000.0);
    json.writeEndObject();
  }
}

package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.series.MetricSeries;
import dev.flightplan.core.series.RolloutSeries;
import dev.flightplan.functions.http.Json;
import java.util.List;
import java.util.Locale;

/** The body of {@code GET /rollouts/{id}/metrics}, in the shape of {@code openapi.yaml}. */
final class SeriesJson {
  private SeriesJson() {}

  static ObjectNode of(RolloutSeries series) {
    ObjectNode body =
        Json.object()
            .put("rolloutId", series.rolloutId())
            .put("from", series.range().from().toString())
            .put("to", series.range().to().toString())
            .put("periodSeconds", series.range().period().toSeconds());
    ArrayNode metrics = body.putArray("metrics");
    series.metrics().forEach(m -> metrics.add(metric(m)));
    return body;
  }

  private static ObjectNode metric(MetricSeries metric) {
    ObjectNode node =
        Json.object()
            .put("name", metric.name())
            .put("unit", metric.unit() == null ? null : metric.unit().wireName())
            .put("kind", metric.kind().name().toLowerCase(Locale.ROOT));
    ArrayNode thresholds = node.putArray("thresholds");
    for (MetricSeries.GateThreshold threshold : metric.thresholds()) {
      thresholds.add(
          Json.object()
              .put("gate", threshold.gate())
              .put("op", threshold.op())
              .put("value", threshold.value())
              .put("relative", threshold.relative())
              .put("action", threshold.action()));
    }
    ObjectNode series = node.putObject("series");
    series.set("candidate", points(metric.candidate()));
    series.set("baseline", points(metric.baseline()));
    return node.put("error", metric.error());
  }

  private static ArrayNode points(List<MetricSeries.Point> points) {
    ArrayNode array = Json.NODES.arrayNode();
    for (MetricSeries.Point point : points) {
      array.add(Json.object().put("t", point.t().toString()).put("v", point.v()));
    }
    return array;
  }
}

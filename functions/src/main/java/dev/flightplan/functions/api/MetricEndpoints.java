package dev.flightplan.functions.api;

import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.series.MetricSeriesReader;
import dev.flightplan.core.series.SeriesRangeException;
import dev.flightplan.core.service.RolloutNotFoundException;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.ApiResponse;
import dev.flightplan.functions.http.Excerpt;
import dev.flightplan.functions.http.ProblemResponses;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code GET /rollouts/{id}/metrics}: what the gates see, as time series per variant. */
final class MetricEndpoints {
  private final RolloutStore store;
  private final MetricSeriesReader reader;

  MetricEndpoints(RolloutStore store, MetricSeriesReader reader) {
    this.store = store;
    this.reader = reader;
  }

  ApiResponse series(ApiRequest request) {
    Instant from = instant(request, "from");
    Instant to = instant(request, "to");
    String id = request.pathParam("id");
    Rollout rollout = store.get(id).orElseThrow(() -> new RolloutNotFoundException(id));
    try {
      return ApiResponse.ok(SeriesJson.of(reader.read(rollout, store.history(id), from, to)));
    } catch (SeriesRangeException e) {
      throw ProblemResponses.invalidField(e.field(), e.problem(), e.fix());
    }
  }

  private static Instant instant(ApiRequest request, String field) {
    String value = request.query(field);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemResponses.invalidField(
          field,
          "`" + Excerpt.of(value) + "` is not an ISO-8601 instant",
          "write it like 2026-11-29T10:00:00Z, or leave it out");
    }
  }
}

package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.port.FlagSource;
import dev.flightplan.evaluation.FlagEvaluation;
import dev.flightplan.evaluation.FlagEvaluator;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.ApiResponse;
import dev.flightplan.functions.http.Json;
import dev.flightplan.functions.http.ProblemResponses;

/**
 * {@code GET /flags/{key}/evaluate?unit=<id>&<attr>=<value>}: what one unit sees, computed by the
 * same {@link FlagEvaluator} the clients use. Every query parameter but {@code unit} is an
 * attribute of the evaluation context ({@link EvaluationQuery}).
 */
final class FlagEndpoints {
  private final FlagSource flags;

  FlagEndpoints(FlagSource flags) {
    this.flags = flags;
  }

  ApiResponse evaluate(ApiRequest request) {
    String key = request.pathParam("key");
    EvaluationQuery query = EvaluationQuery.of(request);
    FlagExposure flag =
        flags.find(key).orElseThrow(() -> ProblemResponses.notFound("no flag " + key));
    return ApiResponse.ok(json(flag.evaluate(query.unit(), query.attributes())));
  }

  static ObjectNode json(FlagEvaluation result) {
    ObjectNode node = Json.object().put("enabled", result.enabled());
    node.put("variant", result.variant().wireName()).put("reason", result.reason().name());
    if (result.audience() != null) {
      node.put("audience", result.audience());
    }
    return node.put("bucket", result.bucket());
  }
}

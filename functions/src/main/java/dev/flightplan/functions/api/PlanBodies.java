package dev.flightplan.functions.api;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.Excerpt;
import dev.flightplan.functions.http.ProblemResponses;
import dev.flightplan.functions.http.ProblemType;

/** Reads a plan from a request body in the notation its {@code Content-Type} names. */
final class PlanBodies {
  static final String ACCEPTED =
      "application/json, application/yaml, application/x-yaml or text/yaml";

  private PlanBodies() {}

  /**
   * The plan in the body.
   *
   * @throws dev.flightplan.functions.http.HttpProblem 415 for another media type or charset, 400
   *     when empty, not UTF-8, or holding a lone surrogate
   * @throws dev.flightplan.core.plan.PlanException when the plan is not valid (400 with paths)
   */
  static Plan read(ApiRequest request) {
    String contentType = request.header("Content-Type");
    PlanFormat format =
        PlanFormat.ofMediaType(contentType)
            .orElseThrow(
                () ->
                    ProblemResponses.of(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        (contentType == null
                                ? "no Content-Type"
                                : "Content-Type " + Excerpt.of(contentType))
                            + " is not a plan notation; send "
                            + ACCEPTED));
    if (!request.hasBody()) {
      throw ProblemResponses.badRequest("the body is empty; send the plan as " + format);
    }
    Plan plan = PlanReader.read(request.body(), format);
    PlanText.requireWellFormed(plan);
    return plan;
  }
}

package dev.flightplan.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.functions.api.ApiRoutes;
import dev.flightplan.functions.api.DomainProblems;
import dev.flightplan.functions.api.StoreRefusals;
import dev.flightplan.functions.http.ApiGatewayEvents;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.ApiResponse;
import dev.flightplan.functions.http.HttpProblem;
import dev.flightplan.functions.http.ProblemResponses;
import dev.flightplan.functions.http.ProblemType;
import dev.flightplan.functions.http.Router;
import dev.flightplan.functions.snapstart.JsonPrimer;
import dev.flightplan.functions.snapstart.SnapStartPriming;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * The plans API (docs/design.md §5) behind API Gateway's REST API proxy integration. It routes,
 * parses and formats; what a request may do is decided in the core. Errors answer in {@code
 * application/problem+json}; an unexpected one answers 500 with the request id only and is logged
 * under that id.
 */
public final class ApiHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  /** Bodies above 256 KiB are refused (docs/design.md §5), counted after base64 decoding. */
  public static final long MAX_BODY_BYTES = 256 * 1024;

  private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
  private final Router router;
  private final SnapStartPriming priming;

  /** Used by Lambda: the process's AWS wiring. */
  public ApiHandler() {
    this(Wiring.fromEnvironment());
  }

  public ApiHandler(Wiring wiring) {
    this.router = ApiRoutes.router(wiring);
    this.priming =
        SnapStartPriming.register(
            new JsonPrimer(List.of(SAMPLE_REQUEST), ApiHandler::primeRequest), wiring.primer());
  }

  /** The SnapStart hook of this handler. */
  public SnapStartPriming priming() {
    return priming;
  }

  /** The routes served, as method and path template. */
  public List<Router.Route> routes() {
    return router.routes();
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    String requestId = ApiGatewayEvents.requestId(event, context);
    return ApiGatewayEvents.response(handle(event, requestId));
  }

  private ApiResponse handle(APIGatewayProxyRequestEvent event, String requestId) {
    try {
      return dispatch(ApiGatewayEvents.request(event, requestId));
    } catch (RuntimeException e) {
      return DomainProblems.of(e)
          .or(() -> refusedByStore(requestId, e))
          .map(ProblemResponses::response)
          .orElseGet(() -> unexpected(requestId, e));
    }
  }

  private ApiResponse dispatch(ApiRequest request) {
    Router.Match match = router.resolve(request.method(), request.path());
    if (request.bodySize() > MAX_BODY_BYTES) {
      throw new HttpProblem(
          ProblemType.PAYLOAD_TOO_LARGE,
          "the body has "
              + request.bodySize()
              + " bytes; at most "
              + MAX_BODY_BYTES
              + " (256 KiB) are accepted");
    }
    return match.route().endpoint().handle(request.withPathParams(match.params()));
  }

  /** A representative request, read as the runtime reads it; routing it would call AWS. */
  private static final String SAMPLE_REQUEST =
      "{\"resource\":\"/rollouts/{id}\",\"path\":\"/rollouts/snapstart-priming\","
          + "\"httpMethod\":\"GET\",\"headers\":{\"Accept\":\"application/json\"},"
          + "\"pathParameters\":{\"id\":\"snapstart-priming\"},"
          + "\"requestContext\":{\"requestId\":\"priming\",\"identity\":{\"userArn\":"
          + "\"arn:aws:iam::123456789012:user/priming\"}}}";

  private static void primeRequest(JsonNode tree) {
    APIGatewayProxyRequestEvent event =
        PRIMING_MAPPER.convertValue(tree, APIGatewayProxyRequestEvent.class);
    ApiGatewayEvents.request(event, "priming");
  }

  private static final ObjectMapper PRIMING_MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A limit the API's own checks let through: answered as the caller's, and logged to close. */
  private static Optional<HttpProblem> refusedByStore(String requestId, RuntimeException e) {
    Optional<HttpProblem> refusal = StoreRefusals.of(e);
    refusal.ifPresent(
        p -> LOG.log(Level.WARNING, "request " + requestId + " refused by the store: " + e));
    return refusal;
  }

  private static ApiResponse unexpected(String requestId, RuntimeException e) {
    LOG.log(Level.ERROR, "request " + requestId + " failed unexpectedly", e);
    return ProblemResponses.internal(requestId);
  }
}

package dev.flightplan.functions.api;

import dev.flightplan.functions.http.HttpProblem;
import dev.flightplan.functions.http.ProblemType;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The last line of defence behind the API's own checks: DynamoDB refusing a request as invalid
 * ({@code ValidationException}, or a transaction cancelled for a {@code ValidationError}) is the
 * caller's input past a limit of the store, not a failure of ours. An item over 400 KB is 413; any
 * other refusal 400. The store's message is logged, not answered.
 */
public final class StoreRefusals {
  static final String VALIDATION_EXCEPTION = "ValidationException";
  static final String VALIDATION_ERROR = "ValidationError";
  private static final String ITEM_TOO_LARGE = "exceeded the maximum allowed size";
  private static final int MAX_CAUSES = 10;

  private StoreRefusals() {}

  public static Optional<HttpProblem> of(RuntimeException e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof TransactionCanceledException cancelled) {
        return cancelled.cancellationReasons().stream()
            .filter(r -> VALIDATION_ERROR.equals(r.code()))
            .map(CancellationReason::message)
            .findFirst()
            .map(StoreRefusals::problem);
      }
      if (cause instanceof DynamoDbException refused
          && refused.awsErrorDetails() != null
          && VALIDATION_EXCEPTION.equals(refused.awsErrorDetails().errorCode())) {
        return Optional.of(problem(refused.awsErrorDetails().errorMessage()));
      }
    }
    return Optional.empty();
  }

  private static HttpProblem problem(String storeMessage) {
    if (storeMessage != null && storeMessage.contains(ITEM_TOO_LARGE)) {
      return new HttpProblem(
          ProblemType.PAYLOAD_TOO_LARGE,
          "the rollout would outgrow what the store holds in one item (400 KB): send a smaller"
              + " plan or a shorter reason");
    }
    return new HttpProblem(
        ProblemType.INVALID_REQUEST,
        "the store refused a value of this request as outside its limits (a key or a value too"
            + " long, or empty); check the request against the API's limits");
  }
}

package dev.flightplan.functions.api;

import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.Excerpt;
import dev.flightplan.functions.http.ProblemResponses;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /rollouts}: {@code status}, {@code limit}, {@code nextToken}. Values are
 * taken exactly as written: {@code running} is not a status, {@code " 5"} is not a number.
 *
 * @param storeToken the store's page token inside the caller's {@code nextToken}; null for the
 *     first page
 */
record ListQuery(RolloutStatus status, int limit, String storeToken) {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final String STATUSES =
      Arrays.stream(RolloutStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

  static ListQuery of(ApiRequest request, SignedPageTokens tokens) {
    RolloutStatus status = status(request.query("status"));
    int limit = limit(request.query("limit"));
    String token = tokens.open(scope(status), request.query(SignedPageTokens.FIELD));
    return new ListQuery(status, limit, token);
  }

  /** What a page token is bound to: the list it pages, whatever the page size. */
  String scope() {
    return scope(status);
  }

  private static String scope(RolloutStatus status) {
    return "list:" + (status == null ? "*" : status.name());
  }

  private static RolloutStatus status(String value) {
    if (value == null) {
      return null;
    }
    for (RolloutStatus status : RolloutStatus.values()) {
      if (status.name().equals(value)) {
        return status;
      }
    }
    throw ProblemResponses.invalidField(
        "status", "`" + Excerpt.of(value) + "` is not a status", "use one of " + STATUSES);
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    if (DIGITS.matcher(value).matches()) {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    }
    throw ProblemResponses.invalidField(
        "limit",
        "`" + Excerpt.of(value) + "` is not a whole number from 1 to " + MAX_LIMIT,
        "use 1 to " + MAX_LIMIT + "; " + DEFAULT_LIMIT + " without it");
  }
}

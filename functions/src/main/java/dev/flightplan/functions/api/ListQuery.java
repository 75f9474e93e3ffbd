package dev.flightplan.functions.api;

import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.ProblemResponses;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The query of {@code GET /rollouts}: {@code status}, {@code limit}, {@code nextToken}. */
record ListQuery(RolloutStatus status, int limit, String nextToken) {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  static ListQuery of(ApiRequest request) {
    return new ListQuery(
        status(request.query("status")), limit(request.query("limit")), token(request));
  }

  private static RolloutStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return RolloutStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(RolloutStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
      throw ProblemResponses.badRequest(
          "status " + value + " is not a status; use one of " + allowed);
    }
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemResponses.badRequest(
        "limit " + value + " is not a whole number from 1 to " + MAX_LIMIT);
  }

  private static String token(ApiRequest request) {
    String token = request.query("nextToken");
    return token == null || token.isBlank() ? null : token;
  }
}

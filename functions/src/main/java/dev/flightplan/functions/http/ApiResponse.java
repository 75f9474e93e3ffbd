package dev.flightplan.functions.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers: status, headers and a text body. */
public record ApiResponse(int status, Map<String, String> headers, String body) {
  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, Map.of("Content-Type", JSON), Json.write(body));
  }

  public static ApiResponse ok(JsonNode body) {
    return json(200, body);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, more, body);
  }
}

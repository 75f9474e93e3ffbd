package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A handler's answer, with the checks tests make on it. */
public record Reply(APIGatewayProxyResponseEvent event) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public int status() {
    return event.getStatusCode();
  }

  public String header(String name) {
    return event.getHeaders().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(java.util.Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  public JsonNode json() {
    try {
      return JSON.readTree(event.getBody());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + event.getBody(), e);
    }
  }

  public String body() {
    return event.getBody();
  }

  public Reply expect(int status) {
    assertThat(status()).as("status of %s", event.getBody()).isEqualTo(status);
    return this;
  }

  /** A problem answer: status, media type, and the problem's own status member. */
  public JsonNode problem(int status) {
    expect(status);
    assertThat(header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode problem = json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asText()).startsWith("urn:flightplan:problem:");
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    return problem;
  }
}

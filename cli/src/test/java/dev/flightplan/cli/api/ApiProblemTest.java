package dev.flightplan.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiProblemTest {
  @Test
  void problemJsonIsShownWithItsFieldErrors() {
    String body =
        "{\"type\":\"urn:flightplan:problem:invalid-plan\",\"title\":\"Invalid plan\","
            + "\"status\":400,\"detail\":\"the plan has 1 error\",\"errors\":[{\"path\":"
            + "\"phases[2].percent\",\"message\":\"must be at most 100\",\"hint\":\"use 100\"}]}";

    ApiProblem problem = ApiProblem.of(400, body);

    assertThat(problem.describe())
        .isEqualTo(
            "error: Invalid plan (400): the plan has 1 error"
                + System.lineSeparator()
                + "  phases[2].percent: must be at most 100 (use 100)");
  }

  @Test
  void anAnswerThatIsNotJsonKeepsItsText() {
    assertThat(ApiProblem.of(502, "Bad Gateway").describe())
        .isEqualTo("error: HTTP 502 (502): Bad Gateway");
  }

  @Test
  void aMissingEndpointSaysHowToSetIt() {
    assertThatThrownBy(() -> ApiClient.forEndpoint(null, false))
        .isInstanceOf(EndpointException.class)
        .hasMessageContaining("--endpoint URL or the FLIGHTPLAN_ENDPOINT");
    assertThatThrownBy(() -> ApiClient.forEndpoint("not a url", false))
        .isInstanceOf(EndpointException.class);
  }
}

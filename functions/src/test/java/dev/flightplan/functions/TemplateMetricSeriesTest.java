package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** {@code GET /rollouts/{id}/metrics} reads CloudWatch from the api function. */
class TemplateMetricSeriesTest {
  private final TemplatePolicies policies = new TemplatePolicies(TemplateYaml.read());

  @Test
  void theApiFunctionMayReadMetricData() {
    assertThat(
            policies.allows("ApiFunctionRole", "cloudwatch:GetMetricData", TextNode.valueOf("*")))
        .isTrue();
  }
}

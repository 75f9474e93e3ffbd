package dev.flightplan.functions.snapstart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.PlanWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Warms Jackson and the plan codec: reads and writes a representative plan in JSON and YAML, and
 * feeds the handler's representative events through its own parser.
 */
public final class JsonPrimer implements Primer {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String PLAN =
      """
      rollout: snapstart-priming
      target: { type: flag, flag: snapstart-priming }
      audiences: { staff: { attribute: email, endsWith: "@example.com" } }
      phases:
        - { name: staff, audiences: [staff], bake: 1h }
        - { name: five, percent: 5, bake: 10m }
        - { name: all, percent: 100 }
      metrics:
        error_rate:
          namespace: Priming
          ratio: { numerator: Errors, denominator: Invocations }
          dimensions: { Service: priming, Variant: "${variant}" }
      gates:
        - { metric: error_rate, op: ">", threshold: 5%, action: rollback }
      alarms: [priming-alarm]
      """;

  private final List<String> events;
  private final Consumer<JsonNode> parser;

  /**
   * @param events representative payloads of the handler, as JSON
   * @param parser what the handler does with one, short of calling a use case
   */
  public JsonPrimer(List<String> events, Consumer<JsonNode> parser) {
    this.events = List.copyOf(events);
    this.parser = parser;
  }

  @Override
  public void prime() {
    Plan plan = PlanReader.read(PLAN, PlanFormat.YAML);
    PlanReader.read(PlanWriter.toJson(plan), PlanFormat.JSON);
    PlanWriter.toYaml(plan);
    for (String event : events) {
      try {
        JsonNode tree = MAPPER.readTree(event);
        MAPPER.writeValueAsString(MAPPER.treeToValue(tree, java.util.Map.class));
        parser.accept(tree);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

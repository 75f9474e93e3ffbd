package dev.flightplan.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flightplan.evaluation.Audience;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.ZoneOffset;

/**
 * Writes a {@link Plan} in the schema {@link PlanReader} reads: durations in the short form,
 * percent as a number, every phase and gate name spelled out, optional values left out when they
 * are the default. Reading what it writes gives an equal plan.
 */
public final class PlanWriter {
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final ObjectMapper COMPACT = JsonMapper.builder().build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          // A stable version "41" must stay a string, not become the number 41.
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .build();

  private PlanWriter() {}

  public static String write(Plan plan, PlanFormat format) {
    try {
      return (format == PlanFormat.JSON ? JSON : YAML).writeValueAsString(toTree(plan));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** UTF-8 bytes of the plan as stored: compact JSON, as {@code toTree(plan).toString()}. */
  public static int storedSize(Plan plan) {
    try {
      return COMPACT.writeValueAsBytes(toTree(plan)).length;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String toJson(Plan plan) {
    return write(plan, PlanFormat.JSON);
  }

  public static String toYaml(Plan plan) {
    return write(plan, PlanFormat.YAML);
  }

  public static ObjectNode toTree(Plan plan) {
    ObjectNode root = NODES.objectNode();
    root.put("rollout", plan.id());
    if (plan.description() != null) {
      root.put("description", plan.description());
    }
    root.put("risk", plan.risk().wireName());
    root.put("strategy", plan.strategy().wireName());
    root.set("target", target(plan.target()));
    if (!plan.audiences().isEmpty()) {
      ObjectNode audiences = root.putObject("audiences");
      plan.audiences().forEach((name, audience) -> audiences.set(name, audience(audience)));
    }
    ArrayNode phases = root.putArray("phases");
    plan.phases().forEach(phase -> phases.add(phase(phase)));
    MetricWriter.write(plan, root);
    if (!plan.alarms().isEmpty()) {
      ArrayNode alarms = root.putArray("alarms");
      plan.alarms().forEach(alarm -> alarms.add(alarm(alarm)));
    }
    if (!plan.window().equals(Window.ALWAYS)) {
      root.set("window", window(plan.window()));
    }
    if (!plan.notifications().equals(Notify.DEFAULT)) {
      root.putObject("notify")
          .put("topic", plan.notifications().topic())
          .put("digest", plan.notifications().digest().wireName());
    }
    if (!plan.checklist().isEmpty()) {
      plan.checklist().forEach(root.putArray("checklist")::add);
    }
    return root;
  }

  private static ObjectNode target(Target target) {
    ObjectNode node = NODES.objectNode();
    return switch (target) {
      case Target.Flag flag -> node.put("type", "flag").put("flag", flag.flag());
      case Target.LambdaAlias alias ->
          node.put("type", "lambda-alias")
              .put("function", alias.function())
              .put("alias", alias.alias())
              .put("stable", alias.stable())
              .put("candidate", alias.candidate());
    };
  }

  private static ObjectNode audience(Audience audience) {
    ObjectNode node = NODES.objectNode().put("attribute", audience.attribute());
    if (audience.match() == Audience.Match.IN) {
      audience.values().forEach(node.putArray("in")::add);
    } else {
      node.put(audience.match().wireName(), audience.values().get(0));
    }
    return node;
  }

  private static ObjectNode phase(Phase phase) {
    ObjectNode node = NODES.objectNode().put("name", phase.name());
    if (phase.basisPoints() > 0) {
      node.put("percent", Percent.of(phase.basisPoints()));
    }
    if (!phase.audiences().isEmpty()) {
      phase.audiences().forEach(node.putArray("audiences")::add);
    }
    node.put("bake", Durations.format(phase.bake()));
    return phase.approval() ? node.put("approval", true) : node;
  }

  private static JsonNode alarm(AlarmBinding alarm) {
    if (!alarm.rollbackOnInsufficientData()) {
      return NODES.textNode(alarm.name());
    }
    return NODES.objectNode().put("name", alarm.name()).put("insufficientData", "rollback");
  }

  private static ObjectNode window(Window window) {
    ObjectNode node = NODES.objectNode();
    ArrayNode days = node.putArray("days");
    for (DayOfWeek day : DayOfWeek.values()) {
      if (window.days().contains(day)) {
        days.add(day.name().substring(0, 3));
      }
    }
    node.put("from", window.from().toString()).put("to", window.to().toString());
    node.put("zone", window.zone().equals(ZoneOffset.UTC) ? "UTC" : window.zone().getId());
    if (!window.blackout().isEmpty()) {
      ArrayNode blackout = node.putArray("blackout");
      window.blackout().forEach(date -> blackout.add(date.toString()));
    }
    return node;
  }
}

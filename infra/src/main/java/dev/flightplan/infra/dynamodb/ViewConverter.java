package dev.flightplan.infra.dynamodb;

import static dev.flightplan.infra.dynamodb.AttributeValues.instant;
import static dev.flightplan.infra.dynamodb.AttributeValues.m;
import static dev.flightplan.infra.dynamodb.AttributeValues.map;
import static dev.flightplan.infra.dynamodb.AttributeValues.putIfSet;
import static dev.flightplan.infra.dynamodb.AttributeValues.s;
import static dev.flightplan.infra.dynamodb.AttributeValues.string;

import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.Holding;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The controller's view as one map attribute, {@code view}: {@code holding}, {@code gates} (a list,
 * plan order) and {@code recordedAt}. Numbers of a gate sit in one {@code values} map, so a value
 * it did not have is simply absent. A kind or verdict this version does not know reads as null.
 */
final class ViewConverter {
  static final AttributeConverter<ControllerView> VIEW =
      AttributeValues.converter(
          EnhancedType.of(ControllerView.class),
          AttributeValueType.M,
          ViewConverter::write,
          ViewConverter::read);

  private ViewConverter() {}

  private static AttributeValue write(ControllerView view) {
    Map<String, AttributeValue> out = new HashMap<>();
    if (view.holding() != null) {
      out.put("holding", m(holding(view.holding())));
    }
    out.put("gates", AttributeValues.l(view.gates().stream().map(ViewConverter::gate).toList()));
    putIfSet(out, "recordedAt", view.recordedAt());
    return m(out);
  }

  private static ControllerView read(AttributeValue value) {
    Map<String, AttributeValue> in = map(value);
    Holding holding = in.containsKey("holding") ? holding(map(in.get("holding"))) : null;
    List<GateView> gates =
        in.containsKey("gates")
            ? AttributeValues.list(in.get("gates")).stream().map(g -> gate(map(g))).toList()
            : List.of();
    return new ControllerView(holding, gates, instant(in, "recordedAt"));
  }

  private static Map<String, AttributeValue> holding(Holding holding) {
    Map<String, AttributeValue> out = new HashMap<>();
    out.put("kind", s(holding.kind().name()));
    putIfSet(out, "reason", holding.reason());
    putIfSet(out, "since", holding.since());
    putIfSet(out, "until", holding.until());
    putIfSet(out, "gate", holding.gate());
    putIfSet(out, "metric", holding.metric());
    putIfSet(out, "by", holding.by());
    return out;
  }

  private static Holding holding(Map<String, AttributeValue> in) {
    HoldKind kind = known(HoldKind.class, string(in, "kind"));
    return kind == null
        ? null
        : new Holding(
            kind,
            string(in, "reason"),
            instant(in, "since"),
            instant(in, "until"),
            string(in, "gate"),
            string(in, "metric"),
            string(in, "by"));
  }

  private static AttributeValue gate(GateView gate) {
    Map<String, AttributeValue> out = new HashMap<>();
    out.put("gate", s(gate.gate()));
    putIfSet(out, "verdict", gate.verdict() == null ? null : gate.verdict().name());
    putIfSet(out, "message", gate.message());
    Map<String, Double> values = new LinkedHashMap<>();
    putNumber(values, "candidate", gate.candidate());
    putNumber(values, "baseline", gate.baseline());
    putNumber(values, "candidateSamples", gate.candidateSamples());
    putNumber(values, "baselineSamples", gate.baselineSamples());
    putNumber(values, "pValue", gate.pValue());
    putNumber(values, "bound", gate.bound());
    out.put("values", AttributeValues.doubles(values));
    return m(out);
  }

  private static GateView gate(Map<String, AttributeValue> in) {
    Map<String, Double> values =
        in.containsKey("values") ? AttributeValues.doubles(in.get("values")) : Map.of();
    return new GateView(
        string(in, "gate"),
        known(Verdict.class, string(in, "verdict")),
        values.get("candidate"),
        values.get("baseline"),
        count(values.get("candidateSamples")),
        count(values.get("baselineSamples")),
        values.get("pValue"),
        values.get("bound"),
        string(in, "message"));
  }

  private static void putNumber(Map<String, Double> values, String key, Number value) {
    if (value != null) {
      values.put(key, value.doubleValue());
    }
  }

  private static Long count(Double value) {
    return value == null ? null : value.longValue();
  }

  private static <E extends Enum<E>> E known(Class<E> type, String name) {
    for (E constant : type.getEnumConstants()) {
      if (Objects.equals(constant.name(), name)) {
        return constant;
      }
    }
    return null;
  }
}

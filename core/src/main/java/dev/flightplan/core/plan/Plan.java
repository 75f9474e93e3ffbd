package dev.flightplan.core.plan;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rollout plan (docs/design.md §2): the spec of how a change reaches users. Immutable and already
 * validated; build one with {@code PlanReader}. Progress lives apart, in {@code RolloutState}.
 *
 * <p>Maps keep the order of the plan file. {@code window} is {@link Window#ALWAYS} when the plan
 * sets none.
 */
public record Plan(
    String id,
    String description,
    Risk risk,
    Strategy strategy,
    Target target,
    Map<String, Audience> audiences,
    List<Phase> phases,
    Map<String, MetricSpec> metrics,
    List<Gate> gates,
    List<AlarmBinding> alarms,
    Window window,
    Notify notifications,
    List<String> checklist) {

  public Plan {
    audiences = Collections.unmodifiableMap(new LinkedHashMap<>(audiences));
    phases = List.copyOf(phases);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    gates = List.copyOf(gates);
    alarms = List.copyOf(alarms);
    checklist = List.copyOf(checklist);
  }

  /** Exposure while phase {@code index} runs: its percent plus every audience named so far. */
  public Exposure exposureAt(int index) {
    if (index < 0) {
      return Exposure.NONE;
    }
    Set<String> named = new LinkedHashSet<>();
    for (int i = 0; i <= index; i++) {
      named.addAll(phases.get(i).audiences());
    }
    return new Exposure(phases.get(index).basisPoints(), named);
  }

  public Optional<Gate> gate(String name) {
    return gates.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  public boolean bindsAlarm(String alarmNameOrArn) {
    return alarms.stream().anyMatch(a -> a.matches(alarmNameOrArn));
  }

  public int lastPhase() {
    return phases.size() - 1;
  }
}

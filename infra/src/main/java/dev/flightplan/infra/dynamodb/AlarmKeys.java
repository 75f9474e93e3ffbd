package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.plan.AlarmBinding;
import dev.flightplan.core.plan.Plan;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The alarm names a plan binds, as kept on the rollout item ({@code boundAlarms}, sorted and
 * newline-separated) so that an update can be conditional on the bindings it believes are stored.
 */
final class AlarmKeys {
  private AlarmKeys() {}

  static SortedSet<String> of(Plan plan) {
    SortedSet<String> names = new TreeSet<>();
    plan.alarms().forEach(a -> names.add(AlarmBinding.alarmName(a.name())));
    return names;
  }

  /** The stored form; null (attribute left out) when the plan binds no alarm. */
  static String joined(Set<String> names) {
    return names.isEmpty() ? null : String.join("\n", names);
  }

  static SortedSet<String> parse(String joined) {
    return joined == null || joined.isEmpty()
        ? new TreeSet<>()
        : new TreeSet<>(Arrays.asList(joined.split("\n")));
  }
}

package dev.flightplan.core.plan;

import dev.flightplan.core.plan.Threshold.Relative;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid plans for property tests: every rule of the reader holds, so anything built here must
 * survive a write and a read unchanged. Zones are normalized (as the reader normalizes them).
 */
public final class PlanArbitraries {
  private static final String ALNUM =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private PlanArbitraries() {}

  public static Arbitrary<Plan> plans() {
    return Combinators.combine(
            ids(),
            descriptions(),
            Arbitraries.of(Risk.class),
            Arbitraries.of(Strategy.class),
            audiences(),
            MetricArbitraries.metrics(),
            alarms())
        .flatAs(
            (id, description, risk, strategy, audiences, metrics, declared) -> {
              // Without metrics there is no rollback gate, so an alarm must be the way back.
              List<AlarmBinding> alarms =
                  metrics.isEmpty() && declared.isEmpty()
                      ? List.of(new AlarmBinding(id + "-5xx", false))
                      : declared;
              return Combinators.combine(
                      targets(),
                      phases(new ArrayList<>(audiences.keySet())),
                      MetricArbitraries.gates(metrics, alarms.isEmpty()),
                      windows(),
                      notifications(),
                      names().list().ofMaxSize(4).uniqueElements())
                  .as(
                      (target, phases, gates, window, notify, checklist) ->
                          new Plan(
                              id,
                              description,
                              risk,
                              strategy,
                              target,
                              audiences,
                              phases,
                              metrics,
                              gates,
                              alarms,
                              window,
                              notify,
                              checklist));
            });
  }

  public static Arbitrary<String> ids() {
    return Combinators.combine(
            Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()),
            Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
                .ofMaxLength(30))
        .as((first, rest) -> first + rest);
  }

  /** Names of audiences, metrics, gates, phases and checklist items. */
  public static Arbitrary<String> names() {
    return Combinators.combine(
            Arbitraries.chars().with(ALNUM.toCharArray()),
            Arbitraries.strings().withChars(ALNUM + "._-").ofMaxLength(12))
        .as((first, rest) -> first + rest);
  }

  /** Free text, including words YAML would otherwise read as booleans, nulls or numbers. */
  public static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" :#'\"-{}[],&*!|>%@`\\üß€")
                .ofMinLength(1)
                .ofMaxLength(20),
            Arbitraries.of(
                "true",
                "no",
                "null",
                "~",
                "41",
                "0.50",
                "1e3",
                "${variant}",
                "- x",
                "@example.com"))
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<String> descriptions() {
    return Arbitraries.oneOf(texts(), Arbitraries.of("", "two\nlines")).injectNull(0.3);
  }

  static Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 100_000).map(Duration::ofSeconds),
        Arbitraries.longs().between(1, 1_000).map(Duration::ofMinutes),
        Arbitraries.longs().between(1, 1_000).map(Duration::ofHours),
        Arbitraries.longs().between(1, 60).map(Duration::ofDays));
  }

  static Arbitrary<Target> targets() {
    Arbitrary<Target> flags =
        Combinators.combine(names(), Arbitraries.strings().withChars("0123456789").ofMaxLength(2))
            .as((name, suffix) -> new Target.Flag(name + suffix));
    Arbitrary<Target> aliases =
        Combinators.combine(texts(), names(), Arbitraries.integers().between(1, 500))
            .as(
                (function, alias, version) ->
                    new Target.LambdaAlias(
                        function, alias, String.valueOf(version), String.valueOf(version + 1)));
    return Arbitraries.oneOf(flags, aliases);
  }

  static Arbitrary<Map<String, Audience>> audiences() {
    Arbitrary<Audience> audience =
        Combinators.combine(
                texts(),
                Arbitraries.of(Audience.Match.class),
                texts().list().ofMinSize(1).ofMaxSize(3))
            .as(
                (attribute, match, values) ->
                    new Audience(
                        attribute,
                        match,
                        match == Audience.Match.IN ? values : values.subList(0, 1)));
    return Arbitraries.maps(names(), audience).ofMaxSize(3).map(LinkedHashMap::new);
  }

  /** Rings over some audiences, then non-decreasing percentages ending at 100. */
  static Arbitrary<List<Phase>> phases(List<String> audiences) {
    Arbitrary<List<String>> someAudiences =
        audiences.isEmpty()
            ? Arbitraries.just(List.of())
            : Arbitraries.of(audiences)
                .list()
                .ofMinSize(1)
                .ofMaxSize(audiences.size())
                .uniqueElements();
    int maxRings = audiences.isEmpty() ? 0 : 3;
    return Combinators.combine(
            someAudiences.list().ofMaxSize(maxRings),
            Arbitraries.integers().between(1, Exposure.ALL).list().ofMaxSize(4),
            names().list().ofSize(8).uniqueElements(),
            durations().list().ofSize(8),
            Arbitraries.of(true, false).list().ofSize(8))
        .as(
            (rings, steps, phaseNames, bakes, approvals) -> {
              List<Integer> percents = new ArrayList<>(steps.stream().sorted().toList());
              percents.add(Exposure.ALL);
              List<Phase> phases = new ArrayList<>();
              for (List<String> ring : rings) {
                int i = phases.size();
                phases.add(new Phase(phaseNames.get(i), 0, ring, bakes.get(i), approvals.get(i)));
              }
              for (int percent : percents) {
                int i = phases.size();
                phases.add(
                    new Phase(
                        phaseNames.get(i), percent, List.of(), bakes.get(i), approvals.get(i)));
              }
              return phases;
            });
  }

  static Arbitrary<List<AlarmBinding>> alarms() {
    Arbitrary<AlarmBinding> alarm =
        Combinators.combine(names(), Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as(
                (name, arn, insufficient) ->
                    new AlarmBinding(
                        arn ? "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name : name,
                        insufficient));
    return alarm.list().ofMaxSize(3).uniqueElements(a -> AlarmBinding.alarmName(a.name()));
  }

  static Arbitrary<Window> windows() {
    List<ZoneId> zones =
        List.of(
            ZoneOffset.UTC,
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneOffset.ofHours(2));
    Arbitrary<LocalTime> times =
        Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
    Arbitrary<Window> windows =
        Combinators.combine(
                Arbitraries.of(DayOfWeek.class).set().ofMinSize(1),
                times,
                times,
                Arbitraries.of(zones),
                Arbitraries.integers()
                    .between(0, 3650)
                    .map(d -> LocalDate.of(2026, 1, 1).plusDays(d))
                    .list()
                    .ofMaxSize(3))
            .as(Window::new);
    return Arbitraries.oneOf(
        Arbitraries.just(Window.ALWAYS), windows, Arbitraries.just(Presets.HIGH_RISK_WINDOW));
  }

  static Arbitrary<Notify> notifications() {
    Arbitrary<Notify> custom =
        Combinators.combine(texts(), Arbitraries.of(Notify.Digest.class)).as(Notify::new);
    return Arbitraries.oneOf(Arbitraries.just(Notify.DEFAULT), custom);
  }

  /** A decimal with at most four places, as a double: what people write in plans. */
  static Arbitrary<Double> decimals(double min, double max) {
    return Arbitraries.bigDecimals()
        .between(BigDecimal.valueOf(min), BigDecimal.valueOf(max))
        .ofScale(4)
        .map(BigDecimal::doubleValue)
        .map(d -> d == 0 ? 0.0 : d);
  }

  static Relative relative(Relative.Kind kind, double amount) {
    return new Relative(kind, amount);
  }
}

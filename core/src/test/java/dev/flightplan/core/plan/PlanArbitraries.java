package dev.flightplan.core.plan;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.StringArbitrary;

/**
 * Valid plans for property tests: every rule of the reader holds, so anything built here must
 * survive a write and a read unchanged (unless, with many long values at once, it outgrows {@link
 * PlanLimits#STORED_BYTES}). Values reach their bounds ({@link PlanLimits}) now and then: names of
 * 63 characters, 1,024-character descriptions, 50 phases, 90-day bakes. Zones are normalized (as
 * the reader normalizes them).
 */
public final class PlanArbitraries {
  static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** Printable characters that YAML or JSON treat specially, and some beyond ASCII. */
  private static final String SPECIAL = " :#'\"-{}[],&*!|>%@`\\üß€\u00A0\u200B\uFEFF";

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
                      count(4, PlanLimits.CHECKLIST)
                          .flatMap(n -> names().list().ofSize(n).uniqueElements()))
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

  /** A count: mostly up to {@code usual}, sometimes exactly {@code max} or anything up to it. */
  static Arbitrary<Integer> count(int usual, int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.integers().between(0, usual)),
        Tuple.of(1, Arbitraries.just(max)),
        Tuple.of(1, Arbitraries.integers().between(0, max)));
  }

  public static Arbitrary<String> ids() {
    return Combinators.combine(
            Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()),
            Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
                .ofMaxLength(PlanLimits.NAME - 1))
        .as((first, rest) -> first + rest);
  }

  /** Names of audiences, metrics, gates, phases and checklist items, up to 63 characters. */
  public static Arbitrary<String> names() {
    StringArbitrary rest = Arbitraries.strings().withChars(ALNUM + "._-");
    return Combinators.combine(
            Arbitraries.chars().with(ALNUM.toCharArray()),
            Arbitraries.frequencyOf(
                Tuple.of(12, rest.ofMaxLength(12)),
                Tuple.of(
                    1,
                    rest.ofMinLength(1)
                        .ofMaxLength(12)
                        .map(t -> repeated(t, PlanLimits.NAME - 1)))))
        .as((first, tail) -> first + tail);
  }

  /** Free text, including words YAML would otherwise read as booleans, nulls or numbers. */
  public static Arbitrary<String> texts() {
    return texts(20);
  }

  /** Free text of at most {@code max} characters; sometimes exactly {@code max}. */
  public static Arbitrary<String> texts(int max) {
    StringArbitrary chars = Arbitraries.strings().alpha().numeric().withChars(SPECIAL);
    Arbitrary<String> seeds = chars.ofMinLength(1).ofMaxLength(Math.min(20, max));
    return Arbitraries.frequencyOf(
            Tuple.of(10, seeds),
            // Long texts repeat a short one: generating each character costs too much.
            Tuple.of(1, seeds.map(seed -> repeated(seed, max))),
            Tuple.of(1, seeds.map(seed -> "😀" + repeated(seed, max - 1))),
            Tuple.of(
                3,
                Arbitraries.of(
                    "true",
                    "no",
                    "yes",
                    "off",
                    "null",
                    "~",
                    "41",
                    "0.50",
                    "1e3",
                    "0x64",
                    "1_000",
                    "010",
                    ".inf",
                    "${variant}",
                    "- x",
                    "@example.com",
                    "a: b",
                    "#x",
                    "!!str")))
        .filter(s -> !s.isBlank());
  }

  private static String repeated(String seed, int length) {
    return seed.repeat(length / seed.length() + 1).substring(0, length);
  }

  static Arbitrary<String> descriptions() {
    return Arbitraries.oneOf(texts(PlanLimits.DESCRIPTION), Arbitraries.just("")).injectNull(0.3);
  }

  /** Durations up to {@code max}, in whole units and odd seconds, with {@code max} itself. */
  static Arbitrary<Duration> durations(Duration max) {
    long seconds = max.toSeconds();
    return Arbitraries.frequencyOf(
        Tuple.of(
            3, Arbitraries.longs().between(0, Math.min(100_000, seconds)).map(Duration::ofSeconds)),
        Tuple.of(2, Arbitraries.longs().between(1, seconds / 60).map(Duration::ofMinutes)),
        Tuple.of(2, Arbitraries.longs().between(1, seconds / 3_600).map(Duration::ofHours)),
        Tuple.of(2, Arbitraries.longs().between(1, seconds / 86_400).map(Duration::ofDays)),
        Tuple.of(1, Arbitraries.longs().between(0, seconds).map(Duration::ofSeconds)),
        Tuple.of(1, Arbitraries.just(max)));
  }

  static Arbitrary<Target> targets() {
    Arbitrary<Target> flags =
        Combinators.combine(names(), Arbitraries.strings().withChars("0123456789").ofMaxLength(2))
            .as((name, suffix) -> new Target.Flag(name + suffix));
    Arbitrary<Target> aliases =
        Combinators.combine(
                texts(PlanLimits.FUNCTION),
                texts(PlanLimits.ALIAS),
                Arbitraries.integers().between(1, 500))
            .as(
                (function, alias, version) ->
                    new Target.LambdaAlias(
                        function, alias, String.valueOf(version), String.valueOf(version + 1)));
    return Arbitraries.oneOf(flags, aliases);
  }

  static Arbitrary<Map<String, Audience>> audiences() {
    Arbitrary<List<String>> values =
        count(3, PlanLimits.AUDIENCE_VALUES)
            .flatMap(n -> texts(PlanLimits.AUDIENCE_VALUE).list().ofSize(Math.max(1, n)));
    Arbitrary<Audience> audience =
        Combinators.combine(
                texts(PlanLimits.ATTRIBUTE), Arbitraries.of(Audience.Match.class), values)
            .as(
                (attribute, match, list) ->
                    new Audience(
                        attribute, match, match == Audience.Match.IN ? list : list.subList(0, 1)));
    return count(3, PlanLimits.AUDIENCES)
        .flatMap(n -> Arbitraries.maps(names(), audience).ofSize(n))
        .map(LinkedHashMap::new);
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
    int maxSteps = PlanLimits.PHASES - maxRings - 1;
    Arbitrary<List<Integer>> steps =
        count(4, maxSteps)
            .flatMap(n -> Arbitraries.integers().between(1, Exposure.ALL).list().ofSize(n));
    return Combinators.combine(someAudiences.list().ofMaxSize(maxRings), steps)
        .flatAs(
            (rings, percents) -> {
              int size = rings.size() + percents.size() + 1;
              return Combinators.combine(
                      names().list().ofSize(size).uniqueElements(),
                      durations(PlanLimits.BAKE).list().ofSize(size),
                      Arbitraries.of(true, false).list().ofSize(size))
                  .as(
                      (names, bakes, approvals) ->
                          phases(rings, percents, names, bakes, approvals));
            });
  }

  private static List<Phase> phases(
      List<List<String>> rings,
      List<Integer> steps,
      List<String> names,
      List<Duration> bakes,
      List<Boolean> approvals) {
    List<Integer> percents = new ArrayList<>(steps.stream().sorted().toList());
    percents.add(Exposure.ALL);
    List<Phase> phases = new ArrayList<>();
    for (List<String> ring : rings) {
      int i = phases.size();
      phases.add(new Phase(names.get(i), 0, ring, bakes.get(i), approvals.get(i)));
    }
    for (int percent : percents) {
      int i = phases.size();
      phases.add(new Phase(names.get(i), percent, List.of(), bakes.get(i), approvals.get(i)));
    }
    return phases;
  }

  static Arbitrary<List<AlarmBinding>> alarms() {
    Arbitrary<AlarmBinding> alarm =
        Combinators.combine(
                texts(PlanLimits.ALARM_NAME).filter(s -> !s.startsWith("arn:")),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(
                (name, arn, insufficient) ->
                    new AlarmBinding(
                        arn ? "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name : name,
                        insufficient));
    return count(3, PlanLimits.ALARMS)
        .flatMap(n -> alarm.list().ofSize(n).uniqueElements(a -> AlarmBinding.alarmName(a.name())));
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
    Arbitrary<List<LocalDate>> blackout =
        count(3, PlanLimits.BLACKOUT_DATES)
            .flatMap(
                n ->
                    Arbitraries.integers()
                        .between(0, 3650)
                        .map(d -> LocalDate.of(2026, 1, 1).plusDays(d))
                        .list()
                        .ofSize(n));
    Arbitrary<Window> windows =
        Combinators.combine(
                Arbitraries.of(DayOfWeek.class).set().ofMinSize(1),
                times,
                times,
                Arbitraries.of(zones),
                blackout)
            .as(Window::new);
    return Arbitraries.oneOf(
        Arbitraries.just(Window.ALWAYS), windows, Arbitraries.just(Presets.HIGH_RISK_WINDOW));
  }

  static Arbitrary<Notify> notifications() {
    Arbitrary<Notify> custom =
        Combinators.combine(texts(PlanLimits.TOPIC), Arbitraries.of(Notify.Digest.class))
            .as(Notify::new);
    return Arbitraries.oneOf(Arbitraries.just(Notify.DEFAULT), custom);
  }

  /**
   * Decimals with at most {@code digits} significant digits and {@code scale} decimals within
   * {@code ±limit}, as doubles: what people write in plans, up to the bounds.
   */
  static Arbitrary<Double> decimals(long maxUnscaled, int maxScale, double min, double max) {
    return Combinators.combine(
            Arbitraries.longs().between(-maxUnscaled, maxUnscaled),
            Arbitraries.integers().between(0, maxScale))
        .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale).doubleValue())
        .filter(d -> d >= min && d <= max)
        .map(d -> d == 0 ? 0.0 : d);
  }

  /** A decimal with at most four places, as a double. */
  static Arbitrary<Double> decimals(double min, double max) {
    return Arbitraries.bigDecimals()
        .between(BigDecimal.valueOf(min), BigDecimal.valueOf(max))
        .ofScale(4)
        .map(BigDecimal::doubleValue)
        .map(d -> d == 0 ? 0.0 : d);
  }
}

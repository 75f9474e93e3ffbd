package dev.flightplan.core.plan;

import dev.flightplan.evaluation.Exposure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Phases for a plan that omits them, from its strategy and risk (docs/design.md §2.4). Risk sets
 * the pace; strategy the shape. Percent steps with their bake times:
 *
 * <pre>
 * strategy    low (~48 h)                  medium (~2 weeks)                high (4+ weeks)
 * percentage  5% 1d, 100% 1d               1% 2d, 5% 2d, 10% 2d, 25% 3d,    [rings 3d] 1% 3d, 5% 4d,
 *                                          50% 3d, 100% 2d                  10% 4d, 25% 5d, 50% 5d,
 *                                                                           100% 7d
 * canary      1% 4h, 10% 20h, 100% 1d      1% 1d, 10% 3d, 50% 5d, 100% 5d   [rings 3d] 1% 3d, 10% 7d,
 *                                                                           50% 9d, 100% 9d
 * ring        rings 1d, then as percentage rings 2d, then as percentage     rings 3d, then as
 *                                                                           percentage
 * blue-green  100% 2h (the switch)         100% 1d                          100% 3d
 * </pre>
 *
 * <p>Rings are one phase per declared audience, in declaration order, named after the audience
 * (prefixed {@code ring-} if that clashes with a step name). The {@code ring} strategy needs
 * audiences; at high risk, {@code percentage} and {@code canary} also start with rings when the
 * plan declares audiences. At high risk every ring after the first, and the first percent step
 * after the rings, need an approval. Percent steps are named {@code percent-N}, the last {@code
 * all}; the blue-green switch is {@code switch}.
 *
 * <p>A high-risk plan with preset phases and no window gets {@link #HIGH_RISK_WINDOW}: Monday to
 * Thursday, 09:00–17:00 UTC. The window model has one time range for every day, so "no Friday
 * afternoons" is met by leaving out Friday altogether; weekends are out too. Rollbacks ignore
 * windows.
 */
public final class Presets {
  public static final Window HIGH_RISK_WINDOW =
      new Window(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0),
          ZoneOffset.UTC,
          List.of());

  private record Step(int percent, Duration bake) {}

  private static final Map<Risk, List<Step>> PERCENTAGE =
      Map.of(
          Risk.LOW, steps(5, "1d", 100, "1d"),
          Risk.MEDIUM, steps(1, "2d", 5, "2d", 10, "2d", 25, "3d", 50, "3d", 100, "2d"),
          Risk.HIGH, steps(1, "3d", 5, "4d", 10, "4d", 25, "5d", 50, "5d", 100, "7d"));
  private static final Map<Risk, List<Step>> CANARY =
      Map.of(
          Risk.LOW, steps(1, "4h", 10, "20h", 100, "1d"),
          Risk.MEDIUM, steps(1, "1d", 10, "3d", 50, "5d", 100, "5d"),
          Risk.HIGH, steps(1, "3d", 10, "7d", 50, "9d", 100, "9d"));
  private static final Map<Risk, Duration> RING_BAKE =
      Map.of(
          Risk.LOW,
          Duration.ofDays(1),
          Risk.MEDIUM,
          Duration.ofDays(2),
          Risk.HIGH,
          Duration.ofDays(3));
  private static final Map<Risk, Duration> SWITCH_BAKE =
      Map.of(
          Risk.LOW,
          Duration.ofHours(2),
          Risk.MEDIUM,
          Duration.ofDays(1),
          Risk.HIGH,
          Duration.ofDays(3));

  private Presets() {}

  /**
   * The preset phases; throws {@link IllegalArgumentException} for the ring strategy without
   * audiences.
   */
  public static List<Phase> phases(Strategy strategy, Risk risk, List<String> audiences) {
    if (strategy == Strategy.BLUE_GREEN) {
      return List.of(new Phase("switch", Exposure.ALL, List.of(), SWITCH_BAKE.get(risk), false));
    }
    if (strategy == Strategy.RING && audiences.isEmpty()) {
      throw new IllegalArgumentException("the ring strategy needs audiences to make rings of");
    }
    List<Step> steps = (strategy == Strategy.CANARY ? CANARY : PERCENTAGE).get(risk);
    boolean rings = strategy == Strategy.RING || risk == Risk.HIGH;
    List<Phase> phases = new ArrayList<>();
    if (rings) {
      for (String audience : audiences) {
        boolean approval = risk == Risk.HIGH && !phases.isEmpty();
        phases.add(
            new Phase(ringName(audience), 0, List.of(audience), RING_BAKE.get(risk), approval));
      }
    }
    // At high risk, leaving the rings for the general population is the biggest step of all.
    boolean approveFirstStep = risk == Risk.HIGH && !phases.isEmpty();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      boolean approval = approveFirstStep && i == 0;
      phases.add(
          new Phase(
              stepName(step.percent()), step.percent() * 100, List.of(), step.bake(), approval));
    }
    return phases;
  }

  /** The window of a plan with preset phases and no window of its own. */
  public static Window window(Risk risk) {
    return risk == Risk.HIGH ? HIGH_RISK_WINDOW : Window.ALWAYS;
  }

  private static String stepName(int percent) {
    return percent == 100 ? "all" : "percent-" + percent;
  }

  private static String ringName(String audience) {
    // Step names are percent-1 to percent-99; longer digits cannot clash.
    boolean clashes = audience.equals("all") || audience.matches("percent-\\d{1,2}");
    return clashes ? "ring-" + audience : audience;
  }

  private static List<Step> steps(Object... percentAndBake) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < percentAndBake.length; i += 2) {
      steps.add(
          new Step((Integer) percentAndBake[i], Durations.parse((String) percentAndBake[i + 1])));
    }
    return List.copyOf(steps);
  }
}

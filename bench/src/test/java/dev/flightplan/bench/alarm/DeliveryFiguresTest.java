package dev.flightplan.bench.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryFiguresTest {

  /** Deliveries whose stored time is i ms and at-zero time 2i ms, for i = 1..100. */
  private static DeliveryFigures hundred() {
    List<long[]> nanos = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      nanos.add(new long[] {i * 1_000_000L, 2 * i * 1_000_000L, 3 * i * 1_000_000L});
    }
    return new DeliveryFigures(1, nanos);
  }

  @Test
  void percentilesAreNearestRank() {
    DeliveryFigures figures = hundred();

    assertThat(figures.millis(0, 50)).isEqualTo(50.0);
    assertThat(figures.millis(0, 99)).isEqualTo(99.0);
    assertThat(figures.millis(1, 95)).isEqualTo(190.0);
    assertThat(figures.max(2)).isEqualTo(300.0);
  }

  @Test
  void reportLinesHaveFourTabSeparatedFieldsWithGoalsOnP99() {
    List<String> lines =
        DeliveryFigures.reportLines(List.of(hundred(), new DeliveryFigures(5, hundred().nanos())))
            .lines()
            .toList();

    assertThat(lines).hasSize(12).allSatisfy(l -> assertThat(l.split("\t")).hasSize(4));
    assertThat(lines.get(2))
        .isEqualTo(
            "alarm → rollback stored, p99 (1 bound rollout)\t99.0 ms\t≤ 50 ms\t"
                + "EventBridge → Lambda delivery p99 387 ms, before the handler");
    assertThat(lines.get(11))
        .startsWith("alarm → exposure at zero, p99 (5 bound rollouts)\t198.0 ms\t≤ 80 ms");
  }
}

package dev.flightplan.bench.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {
  private final List<String> lines = ComparisonTable.lines(scores());

  @Test
  void aFigureThatMeetsItsGoalsIsMarkedSoWithItsRatioToUnleash() {
    assertThat(row("`FlagClient.isEnabled`"))
        .isEqualTo(
            "| Flightplan `FlagClient.isEnabled` (direct) | 40.0 ± 1.5 ns, 0 B/op"
                + " | ≤ 50.0 ns ✓, 0 B/op ✓ | 150× faster (goal ≥ 100×) ✓ |");
  }

  @Test
  void aMissedGoalIsMarkedAndMicrosecondsAreReadAsSuch() {
    assertThat(row("OpenFeature `getBooleanValue`"))
        .isEqualTo(
            "| OpenFeature `getBooleanValue`, Flightplan provider | 1.20 µs, 960 B/op"
                + " | ≤ 1.00 µs ✗, ≤ 1,024 B/op ✓ | 5.0× faster (goal ≥ 8×) ✗ |");
  }

  @Test
  void unleashIsTheBaselineAndAFigureNotRunSaysSo() {
    assertThat(row("Unleash `isEnabled`, prepared"))
        .isEqualTo(
            "| Unleash `isEnabled`, prepared context | 6.00 ± 0.12 µs, 2,182 B/op |  | baseline |");
    assertThat(row("`FlagEvaluator.isEnabled`"))
        .isEqualTo(
            "| Flightplan `FlagEvaluator.isEnabled`, shared code | not measured in this run"
                + " | ≤ 50.0 ns, 0 B/op |  |");
  }

  @Test
  void theTableIsMarkdownAndNamesTheJvm() {
    assertThat(lines.get(0)).isEqualTo("| figure | measured | goal | vs Unleash |");
    assertThat(lines).hasSize(2 + ComparisonTable.FIGURES.size() + 2);
    assertThat(lines.get(lines.size() - 1)).contains("OpenJDK 64-Bit Server VM 25.0.3");
  }

  private String row(String containing) {
    return lines.stream().filter(l -> l.contains(containing)).findFirst().orElseThrow();
  }

  private static JmhScores scores() {
    try {
      return JmhScores.read(
          Path.of(ComparisonTableTest.class.getResource("jmh-result.json").toURI()));
    } catch (URISyntaxException | java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}

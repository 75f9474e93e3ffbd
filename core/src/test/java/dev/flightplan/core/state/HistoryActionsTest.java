package dev.flightplan.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryActionsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void everyCommandRecordsAnUpperCaseActionTheApiLists() {
    for (Command command : Command.values()) {
      assertThat(command.historyAction()).isUpperCase();
      assertThat(HistoryActions.ALL).contains(command.historyAction());
    }
    assertThat(Command.APPROVE.historyAction()).isEqualTo("APPROVED");
    assertThat(Command.ROLLBACK.historyAction()).isEqualTo("ROLLBACK");
  }

  @Test
  void anOldLowerCaseHistoryEntryReadsInTheOneSpelling() {
    assertThat(entry("rollback").action()).isEqualTo("ROLLBACK");
    assertThat(entry("approve").action()).isEqualTo("APPROVED");
    assertThat(entry("replace").action()).isEqualTo("PLAN_CHANGED");
    assertThat(entry("create").action()).isEqualTo("CREATE");
    assertThat(entry("ADVANCE").action()).isEqualTo("ADVANCE");
  }

  @Test
  void anOldLowerCaseLastDecisionReadsInTheOneSpelling() {
    assertThat(new RolloutState.LastDecision("rollback", NOW, "rolled back").kind())
        .isEqualTo("ROLLBACK");
    assertThat(new RolloutState.LastDecision(null, NOW, "x").kind()).isNull();
  }

  private static HistoryEntry entry(String action) {
    return new HistoryEntry(
        "r", 1, NOW, "alice", action, null, RolloutStatus.DRAFT, -1, null, Map.of(), "why");
  }
}

package dev.flightplan.core.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.state.GateStreak;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecideStreaksTest {
  private static final Instant EARLIER = Instant.parse("2025-06-06T11:50:00Z");
  private static final Instant NOW = Instant.parse("2025-06-06T12:00:00Z");
  private static final GateStreak BREACHING = new GateStreak(EARLIER, 3, 0);

  @Test
  void firstBreachStartsTheStreakNow() {
    assertThat(GateRound.next(GateStreak.CLEAR, Verdict.BREACH, NOW))
        .isEqualTo(new GateStreak(NOW, 1, 0));
  }

  @Test
  void breachExtendsTheStreakFromItsStart() {
    assertThat(GateRound.next(BREACHING, Verdict.BREACH, NOW))
        .isEqualTo(new GateStreak(EARLIER, 4, 0));
  }

  @Test
  void passAndInconclusiveEndTheStreak() {
    assertThat(GateRound.next(BREACHING, Verdict.PASS, NOW)).isEqualTo(GateStreak.CLEAR);
    assertThat(GateRound.next(BREACHING, Verdict.INCONCLUSIVE, NOW)).isEqualTo(GateStreak.CLEAR);
  }

  @Test
  void errorKeepsTheBreachAndCountsErrors() {
    GateStreak once = GateRound.next(BREACHING, Verdict.ERROR, NOW);
    assertThat(once).isEqualTo(new GateStreak(EARLIER, 3, 1));
    assertThat(GateRound.next(once, Verdict.ERROR, NOW)).isEqualTo(new GateStreak(EARLIER, 3, 2));
  }

  @Test
  void anythingButAnErrorResetsErrors() {
    GateStreak erroring = new GateStreak(EARLIER, 3, 2);
    assertThat(GateRound.next(erroring, Verdict.BREACH, NOW).consecutiveErrors()).isZero();
    assertThat(GateRound.next(erroring, Verdict.PASS, NOW).consecutiveErrors()).isZero();
  }
}

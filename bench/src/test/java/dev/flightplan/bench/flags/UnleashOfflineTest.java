package dev.flightplan.bench.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Unleash side of the comparison evaluates its rollout, not a default. */
class UnleashOfflineTest {
  @Test
  void theBootstrappedRolloutEnablesItsShareOfUsers() {
    Unleash unleash = UnleashOffline.start();
    try {
      long enabled =
          Arrays.stream(Units.randomUuids(10_000, 7))
              .filter(id -> unleash.isEnabled(UnleashOffline.FLAG, context(id)))
              .count();

      // 25 % of 10,000: a binomial standard deviation is about 43 units.
      assertThat(enabled).isBetween(2_300L, 2_700L);
      assertThat(unleash.isEnabled("no-such-flag", context("u"))).isFalse();
    } finally {
      unleash.shutdown();
    }
  }

  @Test
  void aUserKeepsTheAnswer() {
    Unleash unleash = UnleashOffline.start();
    try {
      for (String id : Units.randomUuids(100, 11)) {
        boolean first = unleash.isEnabled(UnleashOffline.FLAG, context(id));
        assertThat(unleash.isEnabled(UnleashOffline.FLAG, context(id))).isEqualTo(first);
      }
    } finally {
      unleash.shutdown();
    }
  }

  private static UnleashContext context(String userId) {
    return UnleashContext.builder().userId(userId).build();
  }
}

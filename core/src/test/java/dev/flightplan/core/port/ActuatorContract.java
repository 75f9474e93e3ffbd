package dev.flightplan.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Target;
import dev.flightplan.evaluation.Exposure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One behaviour for every {@link Actuator}, checked on what the target really has, read
 * independently of the actuator. Extend it with a target that starts at {@link Exposure#NONE} in
 * each test.
 */
public abstract class ActuatorContract {
  /** The rollout every apply is made for. */
  protected static final String ROLLOUT_ID = "contract-rollout";

  /** An audience name the target's plan defines, for targets that support audiences. */
  protected static final String AUDIENCE = "beta";

  /** The actuator under test. */
  protected abstract Actuator actuator();

  /** A target the actuator can apply to, fresh for this test. */
  protected abstract Target target();

  /** What the target really exposes now, read without the actuator. */
  protected abstract Exposure current();

  /**
   * Whether the target honours audiences; where it does not (a Lambda alias routes by weight alone)
   * they must be ignored rather than refused.
   */
  protected abstract boolean supportsAudiences();

  /**
   * Makes every later apply fail, as an outage or a deleted target would. An adapter that cannot be
   * made to fail calls {@link #notApplicable(String)} with the reason.
   */
  protected abstract void breakIt();

  /** Skips the calling test, naming why it does not apply to this adapter. */
  protected static void notApplicable(String why) {
    Assumptions.abort(why);
  }

  @Test
  void aFreshTargetExposesNothing() {
    assertThat(current()).isEqualTo(Exposure.NONE);
  }

  @Test
  void aPercentageReadsBackAsTheSameBasisPoints() {
    for (int basisPoints : new int[] {1, 500, 2_500, 9_999}) {
      apply(percent(basisPoints));

      assertThat(current()).isEqualTo(percent(basisPoints));
    }
  }

  @Test
  void raisingExposureIsMonotoneUpToAll() {
    List<Integer> seen = new ArrayList<>();
    for (int basisPoints : new int[] {100, 1_000, 5_000, Exposure.ALL}) {
      apply(percent(basisPoints));
      seen.add(current().basisPoints());
    }

    assertThat(seen).isSorted().containsExactly(100, 1_000, 5_000, Exposure.ALL);
  }

  @Test
  void noneRevertsToZeroFromAnyExposure() {
    apply(percent(2_500));
    apply(Exposure.NONE);
    assertThat(current()).isEqualTo(Exposure.NONE);

    apply(percent(Exposure.ALL));
    apply(Exposure.NONE);
    assertThat(current()).isEqualTo(Exposure.NONE);
  }

  @Test
  void applyingTheSameExposureTwiceIsHarmless() {
    apply(percent(2_500));
    apply(percent(2_500));
    assertThat(current()).isEqualTo(percent(2_500));

    apply(Exposure.NONE);
    apply(Exposure.NONE);
    assertThat(current()).isEqualTo(Exposure.NONE);
  }

  @Test
  void audiencesAreKeptWhereSupportedAndIgnoredElsewhere() {
    Exposure withAudience = new Exposure(500, Set.of(AUDIENCE));

    apply(withAudience);

    assertThat(current()).isEqualTo(supportsAudiences() ? withAudience : percent(500));
  }

  @Test
  void aFailingApplyThrowsActuationException() {
    breakIt();

    assertThatThrownBy(() -> apply(percent(500))).isExactlyInstanceOf(ActuationException.class);
  }

  private void apply(Exposure exposure) {
    actuator().apply(ROLLOUT_ID, target(), exposure);
  }

  private static Exposure percent(int basisPoints) {
    return new Exposure(basisPoints, Set.of());
  }
}

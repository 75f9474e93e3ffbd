package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BucketerTest {

  @Test
  void oneSharedBucketerGivesEveryThreadTheSameBuckets() throws Exception {
    Bucketer shared = Bucketer.of("checkout-v2", "2024-06-01");
    List<String> units = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      units.add(i % 3 == 0 ? "usér-" + i : i % 3 == 1 ? "user-" + i + "-🚀" : "u".repeat(i));
    }
    List<Integer> expected =
        units.stream().map(u -> Bucketer.bucket("checkout-v2", "2024-06-01", u)).toList();

    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> units.stream().map(shared::bucket).toList()));
      }
      for (Future<List<Integer>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    }
  }

  @Test
  void aHugeUnitIsHashedLikeAnyOther() {
    String huge = "日本🚀é".repeat(5_000);
    Bucketer bucketer = Bucketer.of("f", "s");

    assertThat(bucketer.bucket(huge)).isEqualTo(Bucketer.bucket("f", "s", huge));
    assertThat(bucketer.bucket("short")).isEqualTo(Bucketer.bucket("f", "s", "short"));
  }

  @Test
  void bucketsStayWithinRange() {
    assertThat(Bucketer.bucketOf(-1)).isEqualTo((int) (0xFFFF_FFFFL % 10_000));
    assertThat(Bucketer.bucketOf(Integer.MIN_VALUE)).isEqualTo((int) (0x8000_0000L % 10_000));
    assertThat(Bucketer.bucketOf(0)).isZero();
  }

  @Test
  void exposedMeansBelowTheBasisPoints() {
    assertThat(Bucketer.exposed(0, 0)).isFalse();
    assertThat(Bucketer.exposed(0, 1)).isTrue();
    assertThat(Bucketer.exposed(499, 500)).isTrue();
    assertThat(Bucketer.exposed(500, 500)).isFalse();
    assertThat(Bucketer.exposed(9_999, 10_000)).isTrue();
  }

  @Test
  void refusesMissingInputs() {
    assertThatNullPointerException()
        .isThrownBy(() -> Bucketer.of(null, "s"))
        .withMessage("flagKey");
    assertThatNullPointerException().isThrownBy(() -> Bucketer.of("f", null)).withMessage("salt");
    assertThatNullPointerException()
        .isThrownBy(() -> Bucketer.of("f", "s").bucket(null))
        .withMessage("unit");
  }
}

package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Buckets fill evenly: 100,000 units per flag, checked with a chi-square goodness-of-fit test
 * twice, over all 10,000 buckets (10 expected per bucket, 9,999 degrees of freedom) and over the
 * 100 groups of 100 buckets that make one percentage point each (1,000 expected, 99 degrees of
 * freedom), each against its 99.9 % critical value from Commons Statistics.
 *
 * <p>The seeds are fixed so the build is deterministic: a fair hash fails 0.1 % of such checks, so
 * fresh random flags on every run would make the build fail now and then for no reason.
 */
class UniformityPropertiesTest {
  private static final int UNITS = 100_000;

  @Property(tries = 4, seed = "20240601")
  void sequentialUnitsSpreadEvenly(
      @ForAll("flagKeys") String flagKey, @ForAll("unitPrefixes") String prefix) {
    assertUniform(flagKey, i -> prefix + i);
  }

  @Property(tries = 4, seed = "20240602")
  void randomUnitsSpreadEvenly(@ForAll("flagKeys") String flagKey, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    assertUniform(flagKey, i -> new UUID(random.nextLong(), random.nextLong()).toString());
  }

  @Example
  void theCheckCatchesABiasedSpread() {
    int[] buckets = new int[Bucketer.BUCKETS];
    for (int i = 0; i < UNITS; i++) {
      buckets[(i * 7) % 9_000]++; // the top 1,000 buckets never used
    }
    assertThat(ChiSquare.uniform(buckets).looksUniform()).isFalse();
    assertThat(ChiSquare.uniform(ChiSquare.perPercent(buckets)).looksUniform()).isFalse();
  }

  private static void assertUniform(String flagKey, IntFunction<String> unit) {
    Bucketer bucketer = Bucketer.of(flagKey, "2024-06-01");
    int[] buckets = new int[Bucketer.BUCKETS];
    for (int i = 0; i < UNITS; i++) {
      buckets[bucketer.bucket(unit.apply(i))]++;
    }
    ChiSquare all = ChiSquare.uniform(buckets);
    ChiSquare percents = ChiSquare.uniform(ChiSquare.perPercent(buckets));

    assertThat(all.looksUniform()).as("over 10,000 buckets: %s", all).isTrue();
    assertThat(percents.looksUniform()).as("over 100 percent groups: %s", percents).isTrue();
  }

  @Provide
  Arbitrary<String> flagKeys() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz-")
        .ofMinLength(3)
        .ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> unitPrefixes() {
    return Arbitraries.of("", "user-", "acct:", "u");
  }
}

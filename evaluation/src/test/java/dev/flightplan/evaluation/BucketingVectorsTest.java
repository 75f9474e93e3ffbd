package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every client must reproduce the shared vectors, which an independent implementation made. */
class BucketingVectorsTest {
  private static final List<BucketingVectors> VECTORS = BucketingVectors.load();

  static Stream<BucketingVectors> vectors() {
    return VECTORS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void bucketerMatchesTheVector(BucketingVectors v) {
    Bucketer bucketer = Bucketer.of(v.flagKey(), v.salt());

    assertThat(Integer.toUnsignedLong(bucketer.hash(v.unit()))).isEqualTo(v.hash());
    assertThat(bucketer.bucket(v.unit())).isEqualTo(v.bucket());
    assertThat(Bucketer.bucket(v.flagKey(), v.salt(), v.unit())).isEqualTo(v.bucket());
  }

  @Test
  void oneBucketerPerFlagStaysRightWhileItsBufferGrowsAndShrinksInUse() {
    // Long units first, then short ones: stale bytes in the reused buffer must never leak in.
    for (List<BucketingVectors> order : List.of(VECTORS, VECTORS.reversed())) {
      for (BucketingVectors v : order) {
        assertThat(Bucketer.of(v.flagKey(), v.salt()).bucket(v.unit()))
            .as(v.toString())
            .isEqualTo(v.bucket());
      }
    }
  }

  @Test
  void theVectorsCoverTheHardCases() {
    assertThat(VECTORS).hasSizeGreaterThanOrEqualTo(50);
    assertThat(VECTORS)
        .extracting(BucketingVectors::unit)
        .contains("", "é", "日本", "🚀")
        .anyMatch(u -> u.length() > 1000);
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDeprecatedHash32WouldPutNonAsciiUnitsInOtherBuckets() {
    // Why Bucketer uses hash32x86: hash32 sign-extends tail bytes >= 0x80 (CODEC-267).
    long disagreeing =
        VECTORS.stream()
            .filter(
                v -> {
                  byte[] b = input(v);
                  return Integer.toUnsignedLong(MurmurHash3.hash32(b, 0, b.length, 0)) != v.hash();
                })
            .count();
    assertThat(disagreeing).isPositive();
  }

  private static byte[] input(BucketingVectors v) {
    return (v.flagKey() + ":" + v.salt() + ":" + v.unit()).getBytes(StandardCharsets.UTF_8);
  }
}

package dev.flightplan.bench;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Audience.Match;
import dev.flightplan.evaluation.Bucketer;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagEvaluation;
import dev.flightplan.evaluation.FlagEvaluator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.MurmurHash3;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one flag evaluation (docs/design.md §6), the call every request of a flagged service
 * makes. Target: a bucket in at most 50 ns with no allocation; {@code scripts/bench} runs these
 * with {@code -prof gc} to show B/op. {@link #hashOnlyOfAsciiInput} and {@link #oneOffAsciiUnit}
 * are the baselines: murmur3 over the whole input, and the plain one-off call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class BucketingBenchmark {
  private static final String FLAG = "new-search-algorithm";
  private static final String SALT = "2024-06-01";

  // Fields, not constants, so the JIT cannot fold the inputs away.
  private String asciiUnit = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
  private String shortAsciiUnit = "user-12345";
  private String nonAsciiUnit = "usér-日本-🚀-42";
  private byte[] asciiInput =
      (FLAG + ":" + SALT + ":" + asciiUnit).getBytes(StandardCharsets.UTF_8);
  private Map<String, String> context = Map.of("email", "ana@example.org", "beta", "false");

  private final Bucketer bucketer = Bucketer.of(FLAG, SALT);
  private final FlagEvaluator evaluator = FlagEvaluator.of(FLAG, SALT);
  private final Exposure exposure = new Exposure(2_500, Set.of("employees", "beta"));
  private final Map<String, Audience> audiences = audiences();

  /** A UUID, the usual shape of a unit id. */
  @Benchmark
  public int asciiUnit() {
    return bucketer.bucket(asciiUnit);
  }

  /** A short id: 10 bytes after the prefix instead of 36. */
  @Benchmark
  public int shortAsciiUnit() {
    return bucketer.bucket(shortAsciiUnit);
  }

  /** Two-, three- and four-byte UTF-8 sequences, through the same allocation-free encoder. */
  @Benchmark
  public int nonAsciiUnit() {
    return bucketer.bucket(nonAsciiUnit);
  }

  /**
   * Murmur3 alone over the same 68 bytes as {@link #asciiUnit}. The bucketer beats it by hashing
   * the 32-byte {@code flagKey:salt:} prefix once.
   */
  @Benchmark
  public int hashOnlyOfAsciiInput() {
    return MurmurHash3.hash32x86(asciiInput, 0, asciiInput.length, 0);
  }

  /** The one-off form, which builds the joined string: the baseline the fast path beats. */
  @Benchmark
  public int oneOffAsciiUnit() {
    return Bucketer.bucket(FLAG, SALT, asciiUnit);
  }

  /** The whole evaluation: two audiences checked (no match), then the percentage. */
  @Benchmark
  public FlagEvaluation evaluate() {
    return evaluator.evaluate(exposure, audiences, asciiUnit, context);
  }

  private static Map<String, Audience> audiences() {
    Map<String, Audience> audiences = new LinkedHashMap<>();
    audiences.put("employees", new Audience("email", Match.ENDS_WITH, List.of("@example.com")));
    audiences.put("beta", new Audience("beta", Match.EQUALS, List.of("true")));
    return audiences;
  }
}

package dev.flightplan.bench.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scores of a JMH run, read from its JSON result file ({@code -rf json}): per benchmark method,
 * the average time per call and, when the run had {@code -prof gc}, the bytes allocated per call.
 */
public final class JmhScores {
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  /** A method's time per call in ns, with JMH's 99.9 % error, and its B/op (NaN without gc). */
  public record Score(double nanos, double error, double bytes) {}

  private final Map<String, Score> byMethod;
  private final String jvm;

  private JmhScores(Map<String, Score> byMethod, String jvm) {
    this.byMethod = byMethod;
    this.jvm = jvm;
  }

  public static JmhScores read(Path json) throws IOException {
    return parse(new ObjectMapper().readTree(json.toFile()));
  }

  static JmhScores parse(JsonNode results) {
    Map<String, Score> byMethod = new LinkedHashMap<>();
    String jvm = "";
    for (JsonNode result : results) {
      String benchmark = result.path("benchmark").asText();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      JsonNode primary = result.path("primaryMetric");
      double factor = nanosPer(primary.path("scoreUnit").asText());
      byMethod.put(
          method,
          new Score(
              primary.path("score").asDouble() * factor,
              primary.path("scoreError").asDouble(0) * factor,
              allocation(result.path("secondaryMetrics"))));
      jvm = result.path("vmName").asText() + " " + result.path("jdkVersion").asText();
    }
    return new JmhScores(byMethod, jvm.trim());
  }

  public Optional<Score> of(String method) {
    return Optional.ofNullable(byMethod.get(method));
  }

  /** The JVM that ran the benchmarks, as JMH reported it. */
  public String jvm() {
    return jvm;
  }

  private static double allocation(JsonNode secondary) {
    var names = secondary.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      // Older JMH versions put a middle dot before the profiler's metric names.
      if (name.endsWith(ALLOCATION)) {
        return secondary.path(name).path("score").asDouble();
      }
    }
    return Double.NaN;
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default -> throw new IllegalArgumentException("not an average time per call: " + unit);
    };
  }
}

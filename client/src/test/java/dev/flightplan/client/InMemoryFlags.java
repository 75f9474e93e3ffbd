package dev.flightplan.client;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flags table in memory and a real {@link FlagClient} over it, on a clock that moves only when
 * told: for tests of what is built on the client, such as the OpenFeature provider.
 */
public final class InMemoryFlags {
  private final FakeSource source = new FakeSource();
  private final TestClock clock = new TestClock(Instant.parse("2025-03-03T09:00:00Z"));

  /**
   * A flag of rollout {@code r1} exposing {@code basisPoints} and the named {@code audiences}, of
   * the two defined in plan order: {@code staff} (email ends with {@code @example.com}) and {@code
   * beta} (attribute {@code beta} is {@code true}).
   */
  public static FlagExposure flag(String key, int basisPoints, String... audiences) {
    Map<String, Audience> definitions = new LinkedHashMap<>();
    definitions.put(
        "staff", new Audience("email", Audience.Match.ENDS_WITH, List.of("@example.com")));
    definitions.put("beta", new Audience("beta", Audience.Match.EQUALS, List.of("true")));
    return new FlagExposure(
        key, "r1", "r1", new Exposure(basisPoints, Set.of(audiences)), definitions, Instant.EPOCH);
  }

  public InMemoryFlags put(FlagExposure flag) {
    source.put(flag);
    return this;
  }

  /** A client reading every 40 ms, stale after a minute; the caller closes it. */
  public FlagClient start() {
    return FlagClient.builder()
        .source(source)
        .pollInterval(Duration.ofMillis(40))
        .staleAfter(Duration.ofMinutes(1))
        .clock(clock)
        .build();
  }

  /** From now on every read fails, as when the table is throttled or gone. */
  public void failReads() {
    source.failWith(new IllegalStateException("throttled"));
  }

  /** How many reads were attempted so far, failed or not. */
  public int reads() {
    return source.reads();
  }

  public void advanceClock(Duration by) {
    clock.advance(by);
  }
}

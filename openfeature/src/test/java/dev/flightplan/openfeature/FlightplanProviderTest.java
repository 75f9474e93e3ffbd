package dev.flightplan.openfeature;

import static dev.flightplan.client.InMemoryFlags.flag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.client.InMemoryFlags;
import dev.flightplan.client.ThreadAllocations;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider's answers over an in-memory flags table: reused, unchanged, allocation-free. */
class FlightplanProviderTest {
  private final InMemoryFlags flags = new InMemoryFlags();
  private final OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
  private FlightplanProvider provider;

  @AfterEach
  void shutdown() {
    api.shutdown();
  }

  private Client start() {
    provider = new FlightplanProvider(flags.start());
    api.setProviderAndWait(provider);
    return api.getClient();
  }

  @Test
  void aWarmEvaluationAllocatesNothingOfTheProvidersOwn() {
    flags.put(flag("search", 2_500, "beta", "staff"));
    start();
    // MutableContext reads its attributes in place; ImmutableContext copies each value it returns.
    EvaluationContext[] contexts = new EvaluationContext[64];
    for (int i = 0; i < contexts.length; i++) {
      MutableContext context = new MutableContext(UUID.randomUUID().toString());
      contexts[i] = i % 4 == 0 ? context.add("email", "ana@example.com") : context;
      provider.getBooleanEvaluation("search", false, contexts[i]);
      provider.getStringEvaluation("search", "baseline", contexts[i]);
    }
    int[] candidates = new int[1];

    long allocated =
        ThreadAllocations.leastPerRound(
            5,
            () -> {
              for (int i = 0; i < 10_000; i++) {
                EvaluationContext context = contexts[i & 63];
                candidates[0] +=
                    provider.getBooleanEvaluation("search", false, context).getValue() ? 1 : 0;
                candidates[0] +=
                    provider.getStringEvaluation("search", "baseline", context).getValue().length();
              }
            });

    assertThat(allocated).isZero();
    assertThat(candidates[0]).isPositive();
  }

  @Test
  void aReusedAnswerIsNotChangedByEvaluationsThroughTheSdk() {
    flags.put(flag("search", 10_000));
    Client client = start();
    ProviderEvaluation<Boolean> answer =
        provider.getBooleanEvaluation("search", false, new ImmutableContext("u-1"));
    List<Object> before = fields(answer);
    client.addHooks(new FailingAfterHook());

    for (int i = 0; i < 100; i++) {
      ImmutableContext context = new ImmutableContext("u-" + i);
      FlagEvaluationDetails<Boolean> details = client.getBooleanDetails("search", false, context);
      assertThat(details.getReason()).isEqualTo("ERROR"); // the hook's failure, on the details
      client.getBooleanValue("nope", true, context);
      client.getIntegerValue("search", 7, context);
    }

    assertThat(fields(answer)).isEqualTo(before);
    assertThat(provider.getBooleanEvaluation("search", false, new ImmutableContext("u-2")))
        .isSameAs(answer);
  }

  @Test
  void answersAreSharedPerOutcomeAndRenewedWhenTheFlagChanges() {
    flags.put(flag("search", 10_000, "staff"));
    start();
    ProviderEvaluation<String> split =
        provider.getStringEvaluation("search", "baseline", new ImmutableContext("u-1"));
    ProviderEvaluation<String> staff =
        provider.getStringEvaluation(
            "search",
            "baseline",
            new ImmutableContext("u-1", Map.of("email", new Value("ana@example.com"))));

    assertThat(provider.getStringEvaluation("search", "baseline", new ImmutableContext("u-2")))
        .isSameAs(split);
    assertThat(staff).isNotSameAs(split).returns("TARGETING_MATCH", ProviderEvaluation::getReason);
    assertThat(staff.getFlagMetadata().getString("audience")).isEqualTo("staff");
    assertThat(split.getFlagMetadata().asUnmodifiableMap())
        .containsOnlyKeys("rolloutId", "basisPoints");

    flags.put(flag("search", 0));
    await(
        () ->
            provider
                .getStringEvaluation("search", "baseline", new ImmutableContext("u-1"))
                .getValue()
                .equals("baseline"));
    ProviderEvaluation<String> off =
        provider.getStringEvaluation("search", "baseline", new ImmutableContext("u-1"));
    assertThat(off.getReason()).isEqualTo("DISABLED");
    assertThat(off.getFlagMetadata().getInteger("basisPoints")).isZero();
  }

  @Test
  void aStaleSnapshotAnswersItsLastVariantsWithReasonStale() {
    flags.put(flag("search", 10_000, "staff"));
    start();
    ProviderEvaluation<Boolean> fresh =
        provider.getBooleanEvaluation("search", false, new ImmutableContext("u"));
    flags.failReads();
    int reads = flags.reads();
    await(() -> flags.reads() > reads + 1);

    flags.advanceClock(Duration.ofMinutes(2));

    ProviderEvaluation<Boolean> stale =
        provider.getBooleanEvaluation("search", false, new ImmutableContext("u"));
    assertThat(stale).isNotSameAs(fresh).returns(true, ProviderEvaluation::getValue);
    assertThat(stale.getReason()).isEqualTo("STALE");
    assertThat(
            provider.getStringEvaluation(
                "search",
                "baseline",
                new ImmutableContext("u", Map.of("email", new Value("ana@example.com")))))
        .returns("candidate", ProviderEvaluation::getValue)
        .returns("STALE", ProviderEvaluation::getReason);
  }

  /** Everything an answer says, its metadata copied. */
  private static List<Object> fields(ProviderEvaluation<?> answer) {
    return Arrays.asList(
        answer.getValue(),
        answer.getVariant(),
        answer.getReason(),
        answer.getErrorCode(),
        answer.getErrorMessage(),
        Map.copyOf(answer.getFlagMetadata().asUnmodifiableMap()));
  }

  /** Makes the SDK take its error path after the provider answered, writing to the details. */
  private static final class FailingAfterHook implements Hook<Boolean> {
    @Override
    public void after(
        HookContext<Boolean> ctx, FlagEvaluationDetails<Boolean> details, Map<String, Object> h) {
      throw new IllegalStateException("a hook failed");
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

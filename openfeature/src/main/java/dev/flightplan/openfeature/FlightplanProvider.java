package dev.flightplan.openfeature;

import dev.flightplan.client.FlagClient;
import dev.flightplan.client.FlagClientBuilder;
import dev.flightplan.client.FlagClientStatus;
import dev.flightplan.client.FlagOutcome;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.ProviderNotReadyError;
import java.util.Objects;

/**
 * An OpenFeature provider over a {@link FlagClient}: Flightplan flags evaluated in process.
 *
 * <ul>
 *   <li>Boolean flags answer whether the unit sees the candidate; string flags answer the variant,
 *       {@code candidate} or {@code baseline}.
 *   <li>The context's {@code targetingKey} is the unit; its string (and boolean) attributes are
 *       what audiences match.
 *   <li>Reasons: audience → {@code TARGETING_MATCH}, percentage or out of rollout → {@code SPLIT},
 *       off → {@code DISABLED}, a stale snapshot → {@code STALE}; an unknown flag, no unit, or no
 *       snapshot yet → {@code ERROR} with the caller's default.
 *   <li>Flag metadata: {@code rolloutId}, {@code basisPoints} and, when an audience exposes the
 *       unit, {@code audience}. Not the unit's bucket: answers are built once per outcome and
 *       reused, so an evaluation from a warm snapshot allocates nothing of the provider's own.
 *   <li>Events: READY on the first good read (and after STALE or ERROR), STALE, ERROR while there
 *       is no snapshot, CONFIGURATION_CHANGED with the keys of the flags that changed.
 * </ul>
 *
 * The provider owns its client: {@link #shutdown} closes it, which ends its refresh thread.
 */
public final class FlightplanProvider extends EventProvider {
  private static final Metadata METADATA = () -> "flightplan";

  private final FlagClientBuilder builder;
  private final Answers answers = new Answers();
  private volatile FlagClient client;

  /** A provider over a running client, which it takes over and closes on shutdown. */
  public FlightplanProvider(FlagClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.builder = null;
  }

  /** A provider that builds its client when the SDK initialises it. */
  public FlightplanProvider(FlagClientBuilder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  @Override
  public Metadata getMetadata() {
    return METADATA;
  }

  /**
   * Starts the client (for a builder, waiting at most its start timeout) and forwards its events.
   * Without a snapshot by then the provider starts in ERROR and turns READY on the first good read.
   */
  @Override
  public void initialize(EvaluationContext evaluationContext) {
    if (client == null) {
      client = builder.build();
    }
    // Listen first, then look: a read landing in between is seen by one or the other.
    client.addListener(new ProviderEvents(this, client, answers));
    FlagClientStatus status = client.status();
    if (status == FlagClientStatus.NOT_READY || status == FlagClientStatus.ERROR) {
      throw new ProviderNotReadyError("no flags read within the start timeout: status " + status);
    }
  }

  @Override
  public void shutdown() {
    FlagClient running = client;
    if (running != null) {
      running.close();
    }
    super.shutdown();
  }

  @Override
  public ProviderEvaluation<Boolean> getBooleanEvaluation(
      String key, Boolean defaultValue, EvaluationContext ctx) {
    FlagOutcome outcome = outcome(key, ctx);
    if (outcome == null) {
      return Evaluations.noUnit(defaultValue);
    }
    return Evaluations.isError(outcome)
        ? Evaluations.error(outcome, defaultValue, client)
        : answers.enabled(outcome);
  }

  @Override
  public ProviderEvaluation<String> getStringEvaluation(
      String key, String defaultValue, EvaluationContext ctx) {
    FlagOutcome outcome = outcome(key, ctx);
    if (outcome == null) {
      return Evaluations.noUnit(defaultValue);
    }
    return Evaluations.isError(outcome)
        ? Evaluations.error(outcome, defaultValue, client)
        : answers.variant(outcome);
  }

  @Override
  public ProviderEvaluation<Integer> getIntegerEvaluation(
      String key, Integer defaultValue, EvaluationContext ctx) {
    return Evaluations.typeMismatch(defaultValue);
  }

  @Override
  public ProviderEvaluation<Double> getDoubleEvaluation(
      String key, Double defaultValue, EvaluationContext ctx) {
    return Evaluations.typeMismatch(defaultValue);
  }

  @Override
  public ProviderEvaluation<Value> getObjectEvaluation(
      String key, Value defaultValue, EvaluationContext ctx) {
    return Evaluations.typeMismatch(defaultValue);
  }

  /** The client's answer; null when the context has no targeting key. */
  private FlagOutcome outcome(String key, EvaluationContext ctx) {
    String unit = ctx == null ? null : ctx.getTargetingKey();
    if (unit == null || unit.isEmpty()) {
      return null;
    }
    FlagClient running = client;
    if (running == null) {
      throw new ProviderNotReadyError("the provider is not initialised");
    }
    return running.outcome(key, unit, ContextAttributes.of(ctx));
  }
}

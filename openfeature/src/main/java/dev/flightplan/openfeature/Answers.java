package dev.flightplan.openfeature;

import dev.flightplan.client.FlagOutcome;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's answers, built once per {@link FlagOutcome} of the client and then handed out
 * again, so that an evaluation from a warm snapshot allocates nothing of the provider's own.
 *
 * <p>Handing one instance to every caller is safe because nothing writes to it after it is built:
 * the OpenFeature SDK (checked in dev.openfeature:sdk 1.22.0) only reads a {@link
 * ProviderEvaluation} — {@code FlagEvaluationDetails.from} copies its fields into details of its
 * own, the one object it then sets error fields on — and {@link ImmutableMetadata} has no setter.
 * An application calling the provider directly must not call its setters either.
 *
 * <p>Outcomes compare by identity and a changed flag comes with new ones, so {@link #forget} on
 * every change keeps only the current flags' answers (and the few an evaluation racing the change
 * may add back, until the next one).
 */
final class Answers {
  private final ConcurrentHashMap<FlagOutcome, Answer> byOutcome = new ConcurrentHashMap<>();

  /** For a boolean flag: whether the unit sees the candidate. */
  ProviderEvaluation<Boolean> enabled(FlagOutcome outcome) {
    return answer(outcome).enabled();
  }

  /** For a string flag: the variant, {@code candidate} or {@code baseline}. */
  ProviderEvaluation<String> variant(FlagOutcome outcome) {
    return answer(outcome).variant();
  }

  /** Drops every answer: the client has new outcomes for the flags that changed. */
  void forget() {
    byOutcome.clear();
  }

  private Answer answer(FlagOutcome outcome) {
    Answer answer = byOutcome.get(outcome);
    if (answer == null) {
      answer = Answer.of(outcome);
      byOutcome.put(outcome, answer);
    }
    return answer;
  }

  private record Answer(ProviderEvaluation<Boolean> enabled, ProviderEvaluation<String> variant) {
    static Answer of(FlagOutcome outcome) {
      ImmutableMetadata metadata = Evaluations.metadata(outcome);
      return new Answer(
          Evaluations.of(outcome, outcome.enabled(), metadata),
          Evaluations.of(outcome, outcome.variant().wireName(), metadata));
    }
  }
}

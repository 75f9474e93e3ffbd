package dev.flightplan.client;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.FlagEvaluation;
import dev.flightplan.evaluation.FlagEvaluator;
import dev.flightplan.evaluation.FlagExposure;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One flag of a snapshot, ready to evaluate: its exposure with the flag's {@link FlagEvaluator}
 * (which keeps the hashed {@code flagKey:salt:} prefix), metadata and every {@link FlagOutcome}
 * built once. An entry whose item never read has no exposure and answers ERROR.
 */
final class SnapshotEntry {
  private final String flagKey;
  private final FlagExposure flag;
  private final FlagEvaluator evaluator;
  private final FlagMetadata metadata;
  private final List<Map.Entry<String, Audience>> exposedAudiences;
  private final FlagOutcome[] outcomes;
  private final FlagOutcome[] staleOutcomes;

  private SnapshotEntry(String flagKey, FlagExposure flag) {
    this.flagKey = flagKey;
    this.flag = flag;
    this.evaluator = flag == null ? null : FlagEvaluator.of(flag.flagKey(), flag.salt());
    this.metadata =
        flag == null
            ? FlagMetadata.NONE
            : new FlagMetadata(
                flag.rolloutId(),
                flag.exposure().basisPoints(),
                flag.exposure().audiences(),
                flag.updatedAt());
    this.exposedAudiences =
        flag == null
            ? List.of()
            : FlagEvaluator.exposedAudiences(flag.exposure(), flag.audiences());
    this.outcomes = FlagOutcome.allOf(exposedAudiences, metadata, false);
    this.staleOutcomes = FlagOutcome.allOf(exposedAudiences, metadata, true);
  }

  static SnapshotEntry of(FlagExposure flag) {
    return new SnapshotEntry(flag.flagKey(), flag);
  }

  /** A flag whose item exists but has never been read. */
  static SnapshotEntry unreadable(String flagKey) {
    return new SnapshotEntry(flagKey, null);
  }

  String flagKey() {
    return flagKey;
  }

  boolean readable() {
    return flag != null;
  }

  /** The flag as read; null when unreadable. */
  FlagExposure flag() {
    return flag;
  }

  FlagMetadata metadata() {
    return metadata;
  }

  boolean isEnabled(String unit, Map<String, String> attributes) {
    return evaluator.isEnabled(flag.exposure(), flag.audiences(), unit, attributes);
  }

  FlagEvaluation evaluate(String unit, Map<String, String> attributes) {
    return evaluator.evaluate(flag.exposure(), flag.audiences(), unit, attributes);
  }

  /** One of the outcomes built with the entry: nothing is allocated. */
  FlagOutcome outcome(String unit, Map<String, String> attributes, boolean stale) {
    int code = evaluator.outcome(flag.exposure(), exposedAudiences, unit, attributes);
    return stale ? staleOutcomes[code] : outcomes[code];
  }

  /** Same flag, same exposure: nothing for a listener to hear about. */
  boolean sameAs(SnapshotEntry other) {
    return other != null && flagKey.equals(other.flagKey) && Objects.equals(flag, other.flag);
  }
}

package dev.flightplan.openfeature;

import dev.flightplan.client.FlagClient;
import dev.flightplan.client.FlagClientStatus;
import dev.flightplan.client.FlagOutcome;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;

/** Turns the client's answers into OpenFeature's. */
final class Evaluations {
  static final String STALE = "STALE";

  private Evaluations() {}

  /** Whether the client had no value to serve: the caller's default applies. */
  static boolean isError(FlagOutcome outcome) {
    return switch (outcome.reason()) {
      case UNKNOWN_FLAG, ERROR -> true;
      default -> false;
    };
  }

  /** The caller's default for an outcome that {@link #isError}. */
  static <T> ProviderEvaluation<T> error(FlagOutcome outcome, T defaultValue, FlagClient client) {
    return switch (outcome.reason()) {
      case UNKNOWN_FLAG -> error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "no such flag");
      default ->
          error(
              defaultValue, errorCode(client), "no flag value to serve: status " + client.status());
    };
  }

  static <T> ProviderEvaluation<T> of(FlagOutcome outcome, T value, ImmutableMetadata metadata) {
    return ProviderEvaluation.<T>builder()
        .value(value)
        .variant(outcome.variant().wireName())
        .reason(reason(outcome))
        .flagMetadata(metadata)
        .build();
  }

  /**
   * The flag's metadata: the same for every unit given the outcome, so built once with it. The
   * unit's bucket is not part of it (it would make every answer a new one); {@code
   * FlagClient.evaluate} has it.
   */
  static ImmutableMetadata metadata(FlagOutcome outcome) {
    ImmutableMetadata.ImmutableMetadataBuilder metadata =
        ImmutableMetadata.builder()
            .addString("rolloutId", outcome.metadata().rolloutId())
            .addInteger("basisPoints", outcome.metadata().basisPoints());
    if (outcome.audience() != null) {
      metadata.addString("audience", outcome.audience());
    }
    return metadata.build();
  }

  static <T> ProviderEvaluation<T> noUnit(T defaultValue) {
    return error(
        defaultValue, ErrorCode.TARGETING_KEY_MISSING, "a targetingKey (the unit) is required");
  }

  static <T> ProviderEvaluation<T> typeMismatch(T defaultValue) {
    return error(
        defaultValue, ErrorCode.TYPE_MISMATCH, "Flightplan flags are boolean or string (variant)");
  }

  private static String reason(FlagOutcome outcome) {
    return switch (outcome.reason()) {
      case AUDIENCE -> Reason.TARGETING_MATCH.name();
      case PERCENTAGE, OUT_OF_ROLLOUT -> Reason.SPLIT.name();
      case OFF -> Reason.DISABLED.name();
      case STALE -> STALE;
      case UNKNOWN_FLAG, ERROR -> Reason.ERROR.name();
    };
  }

  private static ErrorCode errorCode(FlagClient client) {
    FlagClientStatus status = client.status();
    return status == FlagClientStatus.NOT_READY || status == FlagClientStatus.ERROR
        ? ErrorCode.PROVIDER_NOT_READY
        : ErrorCode.GENERAL;
  }

  private static <T> ProviderEvaluation<T> error(T defaultValue, ErrorCode code, String message) {
    return ProviderEvaluation.<T>builder()
        .value(defaultValue)
        .reason(Reason.ERROR.name())
        .errorCode(code)
        .errorMessage(message)
        .build();
  }
}

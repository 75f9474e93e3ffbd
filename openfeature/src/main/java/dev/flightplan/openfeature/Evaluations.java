package dev.flightplan.openfeature;

import dev.flightplan.client.FlagClient;
import dev.flightplan.client.FlagClientStatus;
import dev.flightplan.client.FlagResult;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;

/** Turns the client's answers into OpenFeature's. */
final class Evaluations {
  static final String STALE = "STALE";

  private Evaluations() {}

  static <T> ProviderEvaluation<T> of(
      FlagResult result, T value, T defaultValue, FlagClient client) {
    return switch (result.reason()) {
      case UNKNOWN_FLAG -> error(defaultValue, ErrorCode.FLAG_NOT_FOUND, "no such flag");
      case ERROR ->
          error(
              defaultValue, errorCode(client), "no flag value to serve: status " + client.status());
      default ->
          ProviderEvaluation.<T>builder()
              .value(value)
              .variant(result.variant().wireName())
              .reason(reason(result))
              .flagMetadata(metadata(result))
              .build();
    };
  }

  static <T> ProviderEvaluation<T> noUnit(T defaultValue) {
    return error(
        defaultValue, ErrorCode.TARGETING_KEY_MISSING, "a targetingKey (the unit) is required");
  }

  static <T> ProviderEvaluation<T> typeMismatch(T defaultValue) {
    return error(
        defaultValue, ErrorCode.TYPE_MISMATCH, "Flightplan flags are boolean or string (variant)");
  }

  private static String reason(FlagResult result) {
    return switch (result.reason()) {
      case AUDIENCE -> Reason.TARGETING_MATCH.name();
      case PERCENTAGE, OUT_OF_ROLLOUT -> Reason.SPLIT.name();
      case OFF -> Reason.DISABLED.name();
      case STALE -> STALE;
      case UNKNOWN_FLAG, ERROR -> Reason.ERROR.name();
    };
  }

  private static ImmutableMetadata metadata(FlagResult result) {
    ImmutableMetadata.ImmutableMetadataBuilder metadata =
        ImmutableMetadata.builder()
            .addString("rolloutId", result.metadata().rolloutId())
            .addInteger("basisPoints", result.metadata().basisPoints())
            .addInteger("bucket", result.bucket());
    if (result.audience() != null) {
      metadata.addString("audience", result.audience());
    }
    return metadata.build();
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

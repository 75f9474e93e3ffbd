package dev.flightplan.infra.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reads why a transaction whose first action is the rollout item was cancelled. */
final class Cancellation {
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String CONFLICT = "TransactionConflict";

  private Cancellation() {}

  /** The rollout's own condition failed (stale version, or the id is taken on create). */
  static boolean rolloutFailed(TransactionCanceledException e) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return !reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code());
  }

  /** Another transaction was writing the rollout item at the same moment. */
  static boolean rolloutRaced(TransactionCanceledException e) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return !reasons.isEmpty() && CONFLICT.equals(reasons.get(0).code());
  }

  /** The rollout as stored when the condition failed; empty when there is none. */
  static Map<String, AttributeValue> rolloutItem(TransactionCanceledException e) {
    CancellationReason reason = e.cancellationReasons().get(0);
    return reason.hasItem() ? reason.item() : Map.of();
  }

  /**
   * Any other cancellation: a history seq written before, binding items out of step, or a
   * concurrent transaction on the same items. The caller sees an error, and stored data is
   * unchanged.
   */
  static IllegalStateException unexpected(String id, TransactionCanceledException e) {
    List<String> codes = e.cancellationReasons().stream().map(r -> r.code() + describe(r)).toList();
    return new IllegalStateException("write of rollout " + id + " was cancelled: " + codes, e);
  }

  private static String describe(CancellationReason reason) {
    return reason.message() == null ? "" : " (" + reason.message() + ")";
  }
}

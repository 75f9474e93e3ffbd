package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.progress.Eta;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import dev.flightplan.functions.http.Json;
import java.time.Instant;

/**
 * The {@code eta} member of the API's rollouts: in full for one rollout, its two times in a list;
 * null once a rollout has ended, and for one whose stored plan cannot be read.
 */
final class EtaJson {
  private EtaJson() {}

  /** Sets {@code eta} on the body of {@code GET /rollouts/{id}}. */
  static ObjectNode full(ObjectNode node, StoredRollout stored, Instant now) {
    Eta eta = of(stored, now);
    if (eta == null) {
      return node.putNull("eta");
    }
    ObjectNode json = times(eta).put("nextStep", eta.nextStep());
    ArrayNode waitsFor = json.putArray("waitsFor");
    eta.waitsFor().forEach(waitsFor::add);
    json.put("assumes", eta.assumes());
    node.set("eta", json);
    return node;
  }

  /** Sets {@code eta: {nextStepAt, completesAt}} on an item of {@code GET /rollouts}. */
  static ObjectNode brief(ObjectNode node, StoredRollout stored, Instant now) {
    Eta eta = of(stored, now);
    node.set("eta", eta == null ? null : times(eta));
    return node;
  }

  private static ObjectNode times(Eta eta) {
    ObjectNode json = Json.object();
    json.put("nextStepAt", eta.nextStepAt() == null ? null : eta.nextStepAt().toString());
    json.put("completesAt", eta.completesAt() == null ? null : eta.completesAt().toString());
    return json;
  }

  private static Eta of(StoredRollout stored, Instant now) {
    return switch (stored) {
      case Rollout rollout -> Eta.of(rollout.plan(), rollout.state(), now).orElse(null);
      case UnreadableRollout unreadable -> null;
    };
  }
}

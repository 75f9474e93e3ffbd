package dev.flightplan.infra.sns;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The notifier contract on a FIFO topic, where the rollout id is the message group: one rollout's
 * notifications reach a FIFO subscriber in the order they were sent.
 */
class SnsFifoNotifierContractIT extends SnsNotifierContractIT {
  @Override
  String createTopic(SnsClient client) {
    return client
        .createTopic(
            r ->
                r.name("flightplan.fifo")
                    .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false")))
        .topicArn();
  }

  @Override
  protected Optional<String> orderNotKeptBecause() {
    return Optional.empty();
  }
}

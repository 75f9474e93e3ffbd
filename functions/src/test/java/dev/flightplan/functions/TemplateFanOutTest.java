package dev.flightplan.functions;

import static dev.flightplan.functions.TemplateYaml.getAtt;
import static dev.flightplan.functions.TemplateYaml.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.core.service.ShardWorker;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fan-out in {@code template.yaml} (docs/design.md §1.4): absent by default, and with {@code
 * TickFanOut: queue} a bounded worker on a queue whose retries stay within the fresh minutes, each
 * role allowed its side of the queue only.
 */
class TemplateFanOutTest {
  private static final List<String> FAN_OUT_RESOURCES =
      List.of(
          "ShardQueue",
          "ShardBacklogAlarm",
          "ShardDeadLetterQueue",
          "ShardDeadLettersAlarm",
          "TickWorkerFunction",
          "TickWorkerFunctionLogGroup",
          "TickWorkerFunctionRole");

  private final TemplateYaml inline = TemplateYaml.read();
  private final TemplateYaml queue = inline.withParameter("TickFanOut", "queue");
  private final TemplatePolicies policies = new TemplatePolicies(queue);

  @Test
  void theTickRunsInlineByDefaultAndNoFanOutResourceIsCreated() {
    assertThat(inline.root().at("/Parameters/TickFanOut/Default").asText()).isEqualTo("inline");
    assertThat(inline.condition("FanOutToQueue")).isFalse();
    assertThat(queue.condition("FanOutToQueue")).isTrue();
    for (String id : FAN_OUT_RESOURCES) {
      assertThat(inline.resource(id).path("Condition").asText()).as(id).isEqualTo("FanOutToQueue");
    }
  }

  @Test
  void theWorkerTakesOneShardAtATimeReportsFailuresAloneAndIsBounded() {
    JsonNode worker = queue.resource("TickWorkerFunction").path("Properties");
    JsonNode source = worker.at("/Events/Shards/Properties");

    assertThat(worker.at("/Events/Shards/Type").asText()).isEqualTo("SQS");
    assertThat(source.path("Queue")).isEqualTo(getAtt("ShardQueue", "Arn"));
    assertThat(source.path("BatchSize").asInt()).isEqualTo(1);
    assertThat(source.path("FunctionResponseTypes").toString())
        .isEqualTo("[\"ReportBatchItemFailures\"]");
    assertThat(source.at("/ScalingConfig/MaximumConcurrency"))
        .isEqualTo(ref("TickWorkerConcurrency"));
    assertThat(worker.path("ReservedConcurrentExecutions")).isEqualTo(ref("TickWorkerConcurrency"));
    JsonNode concurrency = queue.root().at("/Parameters/TickWorkerConcurrency");
    assertThat(concurrency.path("MinValue").asInt()).isEqualTo(2); // the mapping's own bounds
    assertThat(concurrency.path("MaxValue").asInt()).isEqualTo(1000);
  }

  @Test
  void failedShardsAreRetriedWhileFreshThenParkedInTheDeadLetterQueue() {
    JsonNode shardQueue = queue.resource("ShardQueue").path("Properties");
    int visibility = shardQueue.path("VisibilityTimeout").asInt();
    int receives = shardQueue.at("/RedrivePolicy/maxReceiveCount").asInt();
    int workerTimeout = queue.resource("TickWorkerFunction").at("/Properties/Timeout").asInt();

    assertThat(visibility).isGreaterThanOrEqualTo(workerTimeout); // Lambda refuses less
    assertThat(receives).isEqualTo(3);
    assertThat((receives - 1) * visibility).isLessThan((int) ShardWorker.MAX_AGE.toSeconds());
    assertThat(shardQueue.path("MessageRetentionPeriod").asInt())
        .isGreaterThan((int) ShardWorker.MAX_AGE.toSeconds());
    assertThat(shardQueue.at("/RedrivePolicy/deadLetterTargetArn"))
        .isEqualTo(getAtt("ShardDeadLetterQueue", "Arn"));
  }

  @Test
  void everyFunctionUsesTheSameDueShardCountTheStoreDefaultsTo() {
    JsonNode globals = inline.root().at("/Globals/Function/Environment/Variables");

    assertThat(globals.path(FanOutSettings.DUE_SHARDS)).isEqualTo(ref("DueShardCount"));
    assertThat(inline.withDefaults(ref("DueShardCount")).asInt())
        .isEqualTo(DynamoDbRolloutStore.DEFAULT_DUE_SHARDS);
    inline
        .resources("AWS::Serverless::Function")
        .forEach(
            (id, function) ->
                assertThat(
                        function
                            .at("/Properties/Environment/Variables")
                            .has(FanOutSettings.DUE_SHARDS))
                    .as(id)
                    .isFalse());
  }

  @Test
  void theControllerIsToldWhereToSendTheShards() {
    JsonNode variables =
        queue.resource("ControllerFunction").at("/Properties/Environment/Variables");

    assertThat(queue.withDefaults(variables.path(FanOutSettings.FAN_OUT)).asText())
        .isEqualTo("queue");
    assertThat(queue.withDefaults(variables.path(FanOutSettings.SHARD_QUEUE_URL)))
        .isEqualTo(ref("ShardQueue"));
    assertThat(inline.withDefaults(variables.path(FanOutSettings.SHARD_QUEUE_URL)).isMissingNode())
        .isTrue();
  }

  @Test
  void theControllerMaySendShardsAndTheWorkerMayOnlyReceiveThem() {
    JsonNode shardQueue = getAtt("ShardQueue", "Arn");

    assertThat(policies.allows("ControllerFunctionRole", "sqs:SendMessage", shardQueue)).isTrue();
    assertThat(policies.allows("ControllerFunctionRole", "sqs:ReceiveMessage", shardQueue))
        .isFalse();
    for (String action :
        List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")) {
      assertThat(policies.allows("TickWorkerFunctionRole", action, shardQueue)).as(action).isTrue();
    }
    assertThat(policies.allows("TickWorkerFunctionRole", "sqs:SendMessage", shardQueue)).isFalse();
    assertThat(
            new TemplatePolicies(inline)
                .allows("ControllerFunctionRole", "sqs:SendMessage", shardQueue))
        .isFalse();
  }
}

package dev.flightplan.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.port.ShardTick;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.functions.FanOutSettings;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.sqs.ShardMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The fanned-out tick runs from the Lambda package (docs/design.md §1.4): with {@code
 * FLIGHTPLAN_TICK_FAN_OUT=queue}, the package's controller, in a fresh JVM on the unpacked zip,
 * sends one message per due shard to a queue in moto, and the package's shard worker, in another,
 * runs each shard from an SQS event built of a message received from that queue (one message per
 * event, as the workers' event source mapping delivers them), so the rollout due in the bed is
 * evaluated. What the shrunk SQS client lacks would fail here.
 */
class LambdaPackageFanOutIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NO_FAILURES =
      Pattern.compile("^worker=\\{\"batchItemFailures\":\\[]}$", Pattern.MULTILINE);

  private static PackageBed bed;
  private static Rollout before;
  private static String controllerOutput;
  private static List<Message> messages;
  private static String workerOutput;

  @BeforeAll
  static void runTheFanOutFromThePackage() throws Exception {
    bed = PackageBed.deploy("package-fan-out-fn", "live");
    before = bed.store().get(PackageBed.DUE_ROLLOUT).orElseThrow();
    SqsClient sqs = bed.sqs();
    String queue = sqs.createQueue(r -> r.queueName("package-fan-out-shards")).queueUrl();
    Map<String, String> env = new HashMap<>(bed.environment());
    env.put(FanOutSettings.FAN_OUT, FanOutSettings.QUEUE);
    env.put(FanOutSettings.SHARD_QUEUE_URL, queue);
    Path work = Files.createTempDirectory("lambda-package-fan-out");
    PackageJvm jvm = PackageJvm.unpack(work);

    controllerOutput = jvm.run(env, PackagedFanOut.class, List.of("controller"));
    messages = receiveAll(sqs, queue);
    List<String> args = new ArrayList<>(List.of("worker"));
    for (Message message : messages) {
      args.add(writeEvent(work, message).toString());
    }
    workerOutput = jvm.run(env, PackagedFanOut.class, args);
  }

  @AfterAll
  static void tearDown() {
    bed.close();
  }

  @Test
  void theControllerSendsOneMessagePerDueShardToTheQueue() {
    int shards = DynamoDbRolloutStore.DEFAULT_DUE_SHARDS;
    assertThat(controllerOutput).contains("dispatched=" + shards).doesNotContain("priming skipped");
    assertThat(messages.stream().map(m -> ShardMessages.parse(m.body()).shard()))
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, shards).boxed().toList());
  }

  @Test
  void theWorkerRunsEveryShardAndAnswersWithNoBatchItemFailures() {
    assertThat(workerOutput).doesNotContain("priming skipped");
    assertThat(NO_FAILURES.matcher(workerOutput).results().count())
        .as("answers with no failures in:%n%s", workerOutput)
        .isEqualTo(messages.size());
    for (Message message : messages) {
      ShardTick tick = ShardMessages.parse(message.body());
      assertThat(bed.store().isProcessed("tick:" + tick.minute() + ":" + tick.shard()))
          .as("shard %s", tick.shard())
          .isTrue();
    }
  }

  @Test
  void theWorkersEvaluateTheDueRollout() {
    Rollout after = bed.store().get(PackageBed.DUE_ROLLOUT).orElseThrow();
    Instant minute = ShardMessages.parse(messages.get(0).body()).minute();
    assertThat(after.version())
        .as("before: %s%nafter: %s", before, after)
        .isGreaterThan(before.version());
    // Looked at in this minute, so not due again before the next.
    assertThat(after.state().nextEvaluationAt()).isAfter(minute);
  }

  private static List<Message> receiveAll(SqsClient sqs, String queue) {
    List<Message> all = new ArrayList<>();
    List<Message> batch;
    do {
      batch =
          sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      all.addAll(batch);
    } while (!batch.isEmpty());
    return all;
  }

  /** The repository's SQS event fixture, carrying {@code message} as its one record. */
  private static Path writeEvent(Path work, Message message) throws Exception {
    ObjectNode event =
        (ObjectNode)
            JSON.readTree(
                LambdaPackageRunIT.eventsDir().resolve("worker/sqs-shard-message.json").toFile());
    ObjectNode record = (ObjectNode) event.withArray("Records").get(0);
    record.put("messageId", message.messageId());
    record.put("receiptHandle", message.receiptHandle());
    record.put("body", message.body());
    record.put("md5OfBody", message.md5OfBody());
    Path file = work.resolve("event-" + message.messageId() + ".json");
    JSON.writeValue(file.toFile(), event);
    return file;
  }
}

package dev.flightplan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.service.DigestPlans;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.service.Tick;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.aws.CallCounter;
import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsNotifier;
import dev.flightplan.infra.sns.SnsTopics;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What digests add to a tick, through the real adapters (DynamoDB Local, SNS on moto), every call
 * counted: for N rollouts with a daily digest on one topic and M without, the tick that sends the
 * digest adds one GetItem, N history queries, one Publish and one PutItem; the next tick adds one
 * GetItem in a new process and nothing in the same one.
 */
class DigestCallCountIT {
  private static final int WITH_DIGEST = 5;
  private static final int WITHOUT = 20;
  private static final CallCounter COUNTER = new CallCounter();
  private static AwsClients clients;

  @BeforeAll
  static void clients() {
    LocalAws.get().resetMoto();
    clients = AwsClients.withInterceptors(COUNTER);
  }

  @AfterAll
  static void close() {
    clients.close();
  }

  @Test
  void aDigestCostsItsGroupAFewCallsOncePerPeriodAndTheOtherRolloutsNothing() {
    TestClock clock = new TestClock(Instant.parse("2025-03-03T09:00:00Z"));
    Tables tables = new Tables("fp-digest-" + System.nanoTime() % 100_000 + "-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    DynamoDbRolloutStore store = new DynamoDbRolloutStore(clients.dynamoDb(), tables, clock);
    String topic = clients.sns().createTopic(r -> r.name("digests")).topicArn();
    SnsNotifier notifier = new SnsNotifier(clients.sns(), SnsTopics.of(topic));
    InMemoryMetricsSource metrics = new InMemoryMetricsSource();
    InMemoryActuator actuator = new InMemoryActuator();
    RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
    for (int i = 0; i < WITH_DIGEST + WITHOUT; i++) {
      String id = "r" + i;
      Notify notify = i < WITH_DIGEST ? new Notify("default", Notify.Digest.DAILY) : Notify.DEFAULT;
      commands.create(DigestPlans.slow(id, notify), "arn:aws:iam::123456789012:user/ana");
      metrics.set(id, TestPlans.ERROR_RATE, TestPlans.healthy());
      commands.start(id, "arn:aws:iam::123456789012:user/ana");
    }
    Tick tick = new Tick(store, metrics, actuator, notifier, clock);
    clock.set(Instant.parse("2025-03-03T23:59:00Z"));
    tick.run(); // settles what the starts left pending
    clock.set(Instant.parse("2025-03-04T00:00:30Z"));
    COUNTER.reset();

    tick.run();

    CallCounter.Snapshot sending = COUNTER.snapshot();
    assertThat(sending.calls("Sns.Publish")).isEqualTo(1);
    assertThat(sending.calls("DynamoDb.GetItem")).isEqualTo(1);
    // one due page per shard, and the histories
    assertThat(sending.calls("DynamoDb.Query")).isEqualTo(store.dueShards() + WITH_DIGEST);
    assertThat(sending.calls("DynamoDb.PutItem")).isEqualTo(2); // tick key + digest key
    System.out.printf(
        "Digest tick, %d rollouts with a digest and %d without: %s%n",
        WITH_DIGEST, WITHOUT, sending.calls());

    COUNTER.reset();
    clock.advance(Duration.ofMinutes(1));
    tick.run();
    CallCounter.Snapshot warm = COUNTER.snapshot();
    COUNTER.reset();
    clock.advance(Duration.ofMinutes(1));
    new Tick(store, metrics, actuator, notifier, clock).run();
    CallCounter.Snapshot cold = COUNTER.snapshot();

    assertThat(warm.calls("DynamoDb.GetItem")).isZero();
    assertThat(warm.calls("Sns.Publish")).isZero();
    assertThat(warm.calls("DynamoDb.Query")).isEqualTo(store.dueShards());
    assertThat(cold.calls("DynamoDb.GetItem")).isEqualTo(1);
    assertThat(cold.calls("Sns.Publish")).isZero();
    System.out.printf("Next tick, same process: %s; new process: %s%n", warm.calls(), cold.calls());
  }
}

package dev.flightplan.functions.snapstart;

import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.sns.SnsTopics;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Warms the SDK clients for the snapshot: one call of each kind the functions make, built, signed
 * and stopped by {@link PrimingGuard} before it is sent. Each carries throw-away static
 * credentials, so the credential chain is not resolved before the snapshot (a deployed function's
 * real credentials are resolved after restore, on the first real call) and no connection is open
 * when the snapshot is taken. A call that cannot be primed is logged and skipped: priming only
 * saves time, it must never fail a deployment.
 */
public final class SdkPrimer implements Primer {
  private static final Logger LOG = LoggerFactory.getLogger(SdkPrimer.class);
  private static final AwsRequestOverrideConfiguration OFFLINE =
      AwsRequestOverrideConfiguration.builder()
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
          .build();
  private static final String ID = "snapstart-priming";

  private final AwsClients clients;
  private final Tables tables;
  private final SnsTopics topics;

  public SdkPrimer(AwsClients clients, Tables tables, SnsTopics topics) {
    this.clients = clients;
    this.tables = tables;
    this.topics = topics;
  }

  @Override
  public void prime() {
    Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(ID));
    run(
        "DynamoDb.GetItem",
        () ->
            clients
                .dynamoDb()
                .getItem(
                    r ->
                        r.tableName(tables.rollouts())
                            .key(key)
                            .consistentRead(true)
                            .overrideConfiguration(OFFLINE)));
    run(
        "DynamoDb.Query",
        () ->
            clients
                .dynamoDb()
                .query(
                    r ->
                        r.tableName(tables.rollouts())
                            .indexName(Tables.DUE_INDEX)
                            .keyConditionExpression("dueShard = :s")
                            .expressionAttributeValues(
                                Map.of(":s", AttributeValue.fromS(Tables.SHARD)))
                            .overrideConfiguration(OFFLINE)));
    run(
        "DynamoDb.TransactWriteItems",
        () ->
            clients
                .dynamoDb()
                .transactWriteItems(
                    r ->
                        r.transactItems(
                                t ->
                                    t.put(
                                        p ->
                                            p.tableName(tables.events())
                                                .item(
                                                    Map.of("eventKey", AttributeValue.fromS(ID)))))
                            .overrideConfiguration(OFFLINE)));
    run(
        "CloudWatch.GetMetricData",
        () ->
            clients
                .cloudWatch()
                .getMetricData(
                    r ->
                        r.startTime(Instant.EPOCH)
                            .endTime(Instant.EPOCH.plusSeconds(60))
                            .metricDataQueries(
                                MetricDataQuery.builder().id("q0").expression("1").build())
                            .overrideConfiguration(OFFLINE)));
    run(
        "Sns.Publish",
        () ->
            clients
                .sns()
                .publish(
                    r ->
                        r.topicArn(topics.arnFor(SnsTopics.DEFAULT))
                            .subject(ID)
                            .message("{}")
                            .overrideConfiguration(OFFLINE)));
    run(
        "Lambda.GetAlias",
        () ->
            clients
                .lambda()
                .getAlias(r -> r.functionName(ID).name("live").overrideConfiguration(OFFLINE)));
  }

  private static void run(String call, Supplier<?> request) {
    try {
      PrimingGuard.dryRun(request);
    } catch (RuntimeException e) {
      LOG.warn("SnapStart priming skipped {}", call, e);
    }
  }
}

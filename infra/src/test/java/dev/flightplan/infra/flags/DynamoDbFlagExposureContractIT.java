package dev.flightplan.infra.flags;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.ActuatorContract;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The core's actuator contract for flag exposure on DynamoDB Local, read back the way the
 * evaluation endpoint reads it ({@link DynamoDbFlagSource}).
 */
class DynamoDbFlagExposureContractIT extends ActuatorContract {
  private static final String FLAG = "contract-flag";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Map<String, Audience> PLAN_AUDIENCES =
      Map.of(AUDIENCE, new Audience("country", Audience.Match.IN, List.of("NL", "BE")));

  private DynamoDbClient client;
  private Tables tables;
  private DynamoDbFlagExposure actuator;
  private DynamoDbFlagSource flags;

  @BeforeEach
  void freshTables() {
    client = LocalAws.get().clients().dynamoDb();
    tables =
        new Tables(
            "fp-flag-contract-"
                + System.nanoTime() % 100_000
                + "-"
                + COUNTER.incrementAndGet()
                + "-");
    TableCreator.createTables(client, tables);
    actuator = new DynamoDbFlagExposure(client, tables, id -> PLAN_AUDIENCES, Clock.systemUTC());
    flags = new DynamoDbFlagSource(client, tables);
  }

  @Override
  protected Actuator actuator() {
    return actuator;
  }

  @Override
  protected Target target() {
    return new Target.Flag(FLAG);
  }

  /** A flag no rollout ever set evaluates to off: no exposure. */
  @Override
  protected Exposure current() {
    return flags.find(FLAG).map(FlagExposure::exposure).orElse(Exposure.NONE);
  }

  @Override
  protected boolean supportsAudiences() {
    return true;
  }

  /** Writes to a deleted table fail with ResourceNotFound. */
  @Override
  protected void breakIt() {
    client.deleteTable(r -> r.tableName(tables.flags()));
  }
}

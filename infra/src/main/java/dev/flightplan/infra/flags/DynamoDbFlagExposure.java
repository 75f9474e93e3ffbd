package dev.flightplan.infra.flags;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.infra.dynamodb.Tables;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link Actuator} of {@link Target.Flag}: writes the flag's exposure to the {@code flags}
 * table, then reads it back (strongly consistent) to verify it. {@link Exposure#NONE} is written
 * too, so the flag evaluates to off rather than unknown. The put is not conditional: actuations of
 * one rollout are already serialised by its version, and the last one is the one that should hold.
 */
public final class DynamoDbFlagExposure implements Actuator {
  private final DynamoDbTable<FlagExposure> table;
  private final PlanAudiences planAudiences;
  private final Clock clock;

  public DynamoDbFlagExposure(
      DynamoDbClient client, Tables tables, PlanAudiences planAudiences, Clock clock) {
    this.table = table(client, tables);
    this.planAudiences = planAudiences;
    this.clock = clock;
  }

  static DynamoDbTable<FlagExposure> table(DynamoDbClient client, Tables tables) {
    return DynamoDbEnhancedClient.builder()
        .dynamoDbClient(client)
        .build()
        .table(tables.flags(), FlagSchema.SCHEMA);
  }

  @Override
  public void apply(String rolloutId, Target target, Exposure exposure) {
    if (!(target instanceof Target.Flag flag)) {
      throw new ActuationException("flag exposure cannot apply to " + target, null);
    }
    FlagExposure wanted =
        new FlagExposure(
            flag.flag(),
            rolloutId,
            rolloutId,
            exposure,
            audiences(rolloutId, exposure),
            clock.instant());
    Optional<FlagExposure> stored;
    try {
      table.putItem(wanted);
      stored =
          Optional.ofNullable(
              table.getItem(r -> r.key(k -> k.partitionValue(flag.flag())).consistentRead(true)));
    } catch (SdkException e) {
      throw new ActuationException(
          "flag " + flag.flag() + ": exposure not written: " + e.getMessage(), e);
    }
    if (!stored.equals(Optional.of(wanted))) {
      throw new ActuationException(
          "flag " + flag.flag() + ": read back " + stored.orElse(null) + " after writing " + wanted,
          null);
    }
  }

  /** The definitions of the exposed audiences, in plan order; the plan is read only if needed. */
  private Map<String, Audience> audiences(String rolloutId, Exposure exposure) {
    Map<String, Audience> exposed = new LinkedHashMap<>();
    if (exposure.audiences().isEmpty()) {
      return exposed;
    }
    planAudiences
        .of(rolloutId)
        .forEach(
            (name, a) -> {
              if (exposure.audiences().contains(name)) {
                exposed.put(name, a);
              }
            });
    return exposed;
  }
}

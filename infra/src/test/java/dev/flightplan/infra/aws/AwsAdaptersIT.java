package dev.flightplan.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapters composed on DynamoDB Local: what one writes, the others read. */
class AwsAdaptersIT {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final String ID = "search-1";
  private static final String FLAG = "new-search";

  private AwsAdapters aws;

  @BeforeEach
  void freshTables() {
    AwsClients clients = LocalAws.get().clients();
    Tables tables = new Tables("fp-adapters-" + System.nanoTime() % 1_000_000 + "-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    aws = new AwsAdapters(clients, tables, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void flagExposureIsWrittenWithTheStoredPlansAudiencesAndReadByTheFlagSource() {
    aws.store().create(new Rollout(plan(), RolloutState.draft(NOW), 0), List.of());

    aws.actuator().apply(ID, new Target.Flag(FLAG), new Exposure(500, Set.of("staff")));

    FlagExposure read = aws.flags().find(FLAG).orElseThrow();
    assertThat(read.exposure()).isEqualTo(new Exposure(500, Set.of("staff")));
    assertThat(read.audiences()).isEqualTo(plan().audiences());
    assertThat(read.salt()).isEqualTo(ID);
    assertThat(read.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void aliasTargetsGoWhereTheCallerSends() {
    InMemoryActuator aliases = new InMemoryActuator();
    Target alias = new Target.LambdaAlias("search-api", "live", "41", "42");

    aws.actuator(aliases).apply(ID, alias, new Exposure(1_000, Set.of()));

    assertThat(aliases.applied())
        .containsExactly(new InMemoryActuator.Applied(ID, alias, new Exposure(1_000, Set.of())));
    assertThat(aws.flags().find(FLAG)).isEmpty();
  }

  private static Plan plan() {
    return PlanReader.read(
        """
        rollout: %s
        target: { type: flag, flag: %s }
        audiences:
          staff: { attribute: email, endsWith: "@example.com" }
        phases:
          - { name: internal, audiences: [staff], bake: 1h }
          - { name: five, percent: 5, bake: 1h }
          - { name: all, percent: 100 }
        alarms: [search-5xx]
        """
            .formatted(ID, FLAG));
  }
}

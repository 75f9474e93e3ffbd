package dev.flightplan.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;

/**
 * The Lambda package runs: a fresh JVM on the unpacked zip alone (as the Java runtime builds its
 * class path) runs every handler's SnapStart priming, creates and starts a rollout of a Lambda
 * alias through the API handler, ticks the controller and rolls the rollout back with an alarm,
 * against DynamoDB Local and moto (Lambda, CloudWatch, SNS). What the package's shrunk libraries
 * lack would fail here, in a call, where {@link LambdaPackageIT} only reads class names.
 */
class LambdaPackageRunIT {
  private static final String ID = "package-run";
  private static final String FUNCTION = "package-run-fn";
  private static final String ALIAS = "live";

  private static PackageBed bed;
  private static String output;

  @BeforeAll
  static void runThePackage() throws Exception {
    bed = PackageBed.deploy(FUNCTION, ALIAS);
    Path work = Files.createTempDirectory("lambda-package-run");
    Path plan = work.resolve("plan.yaml");
    Files.writeString(plan, plan(), StandardCharsets.UTF_8);
    output =
        PackageJvm.unpack(work)
            .run(
                bed.environment(),
                PackagedHandlers.class,
                List.of(eventsDir().toString(), ID, plan.toString()));
  }

  @AfterAll
  static void tearDown() {
    bed.close();
  }

  @Test
  void everyHandlersSnapStartPrimingRunsWithoutASkippedCall() {
    assertThat(output).contains("primed=3").doesNotContain("priming skipped", "step failed");
  }

  @Test
  void theApiCreatesAndStartsARolloutOfALambdaAlias() {
    assertThat(output).contains("create=201", "start=200");
  }

  @Test
  void theControllerEvaluatesTheDueRollout() {
    assertThat(output).contains("tick=evaluated:1,failed:0");
  }

  @Test
  void theAlarmRollsTheAliasBackAndTheTopicHearsOfIt() {
    assertThat(output).containsPattern("get=.*\"ROLLED_BACK\"");
    AliasConfiguration alias = bed.alias();
    assertThat(alias.functionVersion()).isEqualTo(PackageBed.STABLE);
    Map<String, Double> weights =
        alias.routingConfig() == null ? Map.of() : alias.routingConfig().additionalVersionWeights();
    assertThat(weights.getOrDefault(PackageBed.CANDIDATE, 0.0)).isZero();
    assertThat(bed.notifications()).anyMatch(m -> m.contains(ID) && m.contains("ROLLBACK"));
  }

  private static String plan() {
    return """
        rollout: %s
        description: the Lambda package on the local servers
        target: { type: lambda-alias, function: %s, alias: %s, stable: "%s", candidate: "%s" }
        phases:
          - { name: canary, percent: 5, bake: 2m }
          - { name: all, percent: 100 }
        metrics:
          error_rate:
            namespace: PackageRun
            ratio: { numerator: Errors, denominator: Invocations }
            dimensions: { Service: %s, Variant: "${variant}" }
        gates:
          - { metric: error_rate, op: ">", threshold: 5%%, action: rollback }
        alarms: [search-5xx-critical]
        """
        .formatted(ID, FUNCTION, ALIAS, PackageBed.STABLE, PackageBed.CANDIDATE, ID);
  }

  /** The repository's event fixtures, which the build copies to the test class path. */
  static Path eventsDir() throws Exception {
    return Path.of(LambdaPackageRunIT.class.getResource("/events/api/start-rollout.json").toURI())
        .getParent()
        .getParent();
  }
}

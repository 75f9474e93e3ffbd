package dev.flightplan.infra.lambda;

import static dev.flightplan.infra.lambda.MotoLambda.CANDIDATE;
import static dev.flightplan.infra.lambda.MotoLambda.STABLE;

import dev.flightplan.core.plan.Target;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.testbed.LocalAws;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A function with two published versions and an alias on moto, shared by the alias actuator's
 * tests: every test starts with the alias on the stable version and an empty operation record.
 */
abstract class AliasOnMoto {
  static final String FUNCTION = "search-api";
  static final String ALIAS = "live";
  static final Target.LambdaAlias TARGET =
      new Target.LambdaAlias(FUNCTION, ALIAS, STABLE, CANDIDATE);

  static final OperationRecorder recorder = new OperationRecorder();
  static AwsClients clients;
  static LambdaClient lambda;
  static LambdaAliasActuator actuator;

  @BeforeAll
  static void createFunction() {
    LocalAws.get();
    clients = AwsClients.withInterceptors(recorder);
    lambda = clients.lambda();
    MotoLambda.create(lambda, FUNCTION, ALIAS);
    actuator = new LambdaAliasActuator(lambda);
  }

  @AfterAll
  static void closeClients() {
    clients.close();
  }

  @BeforeEach
  void aliasOnStable() {
    recorder.clear();
    lambda.updateAlias(
        r ->
            r.functionName(FUNCTION)
                .name(ALIAS)
                .functionVersion(STABLE)
                .routingConfig(c -> c.additionalVersionWeights(Map.of())));
    recorder.clear();
  }
}

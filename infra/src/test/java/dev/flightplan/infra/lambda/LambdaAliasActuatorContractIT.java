package dev.flightplan.infra.lambda;

import static dev.flightplan.infra.lambda.MotoLambda.CANDIDATE;
import static dev.flightplan.infra.lambda.MotoLambda.STABLE;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.ActuatorContract;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.infra.testbed.LocalAws;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/**
 * The core's actuator contract for Lambda alias weights on moto, read back with GetAlias: the
 * candidate's weight in basis points, all of it when the alias points at the candidate. Each test
 * gets a new alias on the stable version.
 */
class LambdaAliasActuatorContractIT extends ActuatorContract {
  private static final String FUNCTION = "contract-api";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static LambdaClient lambda;

  private Target.LambdaAlias target;

  @BeforeAll
  static void createFunction() {
    lambda = LocalAws.get().clients().lambda();
    MotoLambda.create(lambda, FUNCTION, "live");
  }

  @BeforeEach
  void aliasOnStable() {
    String alias = "contract-" + COUNTER.incrementAndGet();
    lambda.createAlias(r -> r.functionName(FUNCTION).name(alias).functionVersion(STABLE));
    target = new Target.LambdaAlias(FUNCTION, alias, STABLE, CANDIDATE);
  }

  @Override
  protected Actuator actuator() {
    return new LambdaAliasActuator(lambda);
  }

  @Override
  protected Target target() {
    return target;
  }

  @Override
  protected Exposure current() {
    GetAliasResponse alias = lambda.getAlias(r -> r.functionName(FUNCTION).name(target.alias()));
    Map<String, Double> weights =
        alias.routingConfig() == null ? Map.of() : alias.routingConfig().additionalVersionWeights();
    if (alias.functionVersion().equals(CANDIDATE) && weights.isEmpty()) {
      return new Exposure(Exposure.ALL, Set.of());
    }
    if (!alias.functionVersion().equals(STABLE)
        || !Set.of(CANDIDATE).containsAll(weights.keySet())) {
      throw new AssertionError("alias routes to neither stable nor candidate: " + alias);
    }
    double weight = weights.getOrDefault(CANDIDATE, 0.0);
    return new Exposure((int) Math.round(weight * Exposure.ALL), Set.of());
  }

  /** Lambda routes by weight alone, so audiences are ignored. */
  @Override
  protected boolean supportsAudiences() {
    return false;
  }

  /** A deleted alias makes GetAlias fail with ResourceNotFound. */
  @Override
  protected void breakIt() {
    lambda.deleteAlias(r -> r.functionName(FUNCTION).name(target.alias()));
  }
}

package dev.flightplan.infra.lambda;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.evaluation.Exposure;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Moves a Lambda alias's traffic between the stable and the candidate version: exposure in basis
 * points becomes the candidate's routing weight, all of it switches the alias to the candidate
 * (blue-green), and none points it back at stable with no weights (the instant revert). Audiences
 * do not apply: Lambda routes by weight alone.
 *
 * <p>Set, then verify: the routing is validated before any call, the versions it names must exist
 * as published versions of the function, {@code UpdateAlias} carries the {@code RevisionId} read
 * just before, and {@code GetAlias} afterwards must show the routing asked for. When the alias
 * changed in between, a step forward fails (the caller decides again on fresh state) while a revert
 * reads again and retries: a rollback wins every race. An alias that already routes as asked is
 * left alone, so a repeated tick costs one read.
 */
public final class LambdaAliasActuator implements Actuator {
  /** Reads and writes a revert tries before giving up; a revert normally needs one. */
  static final int REVERT_ATTEMPTS = 3;

  private final LambdaClient lambda;

  public LambdaAliasActuator(LambdaClient lambda) {
    this.lambda = lambda;
  }

  @Override
  public void apply(String rolloutId, Target target, Exposure exposure) {
    if (!(target instanceof Target.LambdaAlias alias)) {
      throw new ActuationException(rolloutId + ": not a Lambda alias target: " + target, null);
    }
    AliasRouting wanted = AliasRouting.forExposure(alias, exposure);
    // A revert must win a race with any other writer; a step forward yields and is decided again.
    int attempts = exposure.basisPoints() == 0 ? REVERT_ATTEMPTS : 1;
    PreconditionFailedException conflict = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      GetAliasResponse current = getAlias(alias);
      if (AliasRouting.of(current).sameAs(wanted)) {
        return;
      }
      if (attempt == 1) {
        requirePublished(alias, wanted);
      }
      try {
        update(alias, wanted, current.revisionId());
        verify(alias, wanted);
        return;
      } catch (PreconditionFailedException e) {
        conflict = e;
      }
    }
    throw new ActuationException(
        name(alias) + ": the alias changed since it was read (RevisionId); decide again", conflict);
  }

  private GetAliasResponse getAlias(Target.LambdaAlias alias) {
    try {
      return lambda.getAlias(r -> r.functionName(alias.function()).name(alias.alias()));
    } catch (ResourceNotFoundException e) {
      throw new ActuationException(
          name(alias) + ": GetAlias: no such function or alias (" + e.getMessage() + ")", e);
    } catch (SdkException e) {
      throw failed(alias, "GetAlias", e);
    }
  }

  private void requirePublished(Target.LambdaAlias alias, AliasRouting routing) {
    requirePublished(alias, routing.version());
    routing.weights().keySet().forEach(version -> requirePublished(alias, version));
  }

  private void requirePublished(Target.LambdaAlias alias, String version) {
    try {
      lambda.getFunctionConfiguration(r -> r.functionName(alias.function()).qualifier(version));
    } catch (ResourceNotFoundException e) {
      throw new ActuationException(
          name(alias) + ": version " + version + " of " + alias.function() + " does not exist", e);
    } catch (SdkException e) {
      throw failed(alias, "GetFunctionConfiguration", e);
    }
  }

  private void update(Target.LambdaAlias alias, AliasRouting wanted, String revisionId) {
    try {
      lambda.updateAlias(
          r ->
              r.functionName(alias.function())
                  .name(alias.alias())
                  .functionVersion(wanted.version())
                  .routingConfig(wanted.toSdk())
                  .revisionId(revisionId));
    } catch (PreconditionFailedException e) {
      throw e;
    } catch (SdkException e) {
      throw failed(alias, "UpdateAlias", e);
    }
  }

  private void verify(Target.LambdaAlias alias, AliasRouting wanted) {
    AliasRouting now = AliasRouting.of(getAlias(alias));
    if (!now.sameAs(wanted)) {
      throw new ActuationException(
          name(alias) + ": after UpdateAlias it routes to " + now + ", not " + wanted, null);
    }
  }

  private static ActuationException failed(
      Target.LambdaAlias alias, String operation, SdkException e) {
    String why =
        e instanceof AwsServiceException service && service.awsErrorDetails() != null
            ? service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")"
            : e.getMessage();
    return new ActuationException(name(alias) + ": " + operation + " failed: " + why, e);
  }

  private static String name(Target.LambdaAlias alias) {
    return "Lambda alias " + alias.function() + ":" + alias.alias();
  }
}

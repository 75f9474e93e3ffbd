package dev.flightplan.infra.lambda;

import dev.flightplan.core.plan.Target;
import dev.flightplan.core.port.ActuationException;
import dev.flightplan.evaluation.Exposure;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/**
 * Where a Lambda alias sends traffic: its primary version and, for a canary, one additional version
 * with a weight. What Flightplan sends is checked against what Lambda accepts ({@link #checked()}),
 * because moto accepts anything: published numeric versions only (weighted aliases cannot use
 * {@code $LATEST}), two different versions, weights within [0, 1] with at most five decimals.
 *
 * @param version the alias's {@code FunctionVersion}
 * @param weights {@code AdditionalVersionWeights}; empty when all traffic goes to {@code version}
 */
public record AliasRouting(String version, Map<String, Double> weights) {
  /** Differences below this are rounding: Lambda keeps five decimals. */
  private static final double TOLERANCE = 1e-6;

  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,9}");
  private static final int MAX_DECIMALS = 5;

  public AliasRouting {
    weights = Collections.unmodifiableMap(new TreeMap<>(weights));
  }

  /**
   * The routing for an exposure: none → all on stable (the instant revert), all → all on candidate
   * (the blue-green switch), between → stable plus candidate at {@code basisPoints / 10000}.
   * Audiences do not apply to an alias (Lambda routes by weight alone) and are ignored.
   */
  public static AliasRouting forExposure(Target.LambdaAlias target, Exposure exposure) {
    checkTarget(target);
    int basisPoints = exposure.basisPoints();
    if (basisPoints == 0) {
      return new AliasRouting(target.stable(), Map.of()).checked();
    }
    if (basisPoints >= Exposure.ALL) {
      return new AliasRouting(target.candidate(), Map.of()).checked();
    }
    double weight = BigDecimal.valueOf(basisPoints).movePointLeft(4).doubleValue();
    return new AliasRouting(target.stable(), Map.of(target.candidate(), weight)).checked();
  }

  /**
   * This routing if Lambda would accept it; otherwise an {@link ActuationException} that says why.
   * What an alias routes to now is read without this check: it may be anything, {@code $LATEST}
   * included, and a revert must still replace it.
   */
  public AliasRouting checked() {
    checkVersion("version", version);
    if (weights.size() > 1) {
      throw invalid("an alias routes to at most one additional version, not " + weights.keySet());
    }
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      checkVersion("weighted version", weight.getKey());
      if (weight.getKey().equals(version)) {
        throw invalid("version " + version + " cannot also be the weighted version");
      }
      checkWeight(weight.getValue());
    }
    return this;
  }

  /** What an alias routes to now, as {@code GetAlias} tells it. */
  static AliasRouting of(GetAliasResponse alias) {
    AliasRoutingConfiguration routing = alias.routingConfig();
    Map<String, Double> weights =
        routing == null || !routing.hasAdditionalVersionWeights()
            ? Map.of()
            : routing.additionalVersionWeights();
    return new AliasRouting(alias.functionVersion(), weights);
  }

  /** Empty weights are sent explicitly: leaving the routing out keeps the old weights. */
  AliasRoutingConfiguration toSdk() {
    return AliasRoutingConfiguration.builder().additionalVersionWeights(weights).build();
  }

  boolean sameAs(AliasRouting other) {
    if (!version.equals(other.version) || !weights.keySet().equals(other.weights.keySet())) {
      return false;
    }
    return weights.entrySet().stream()
        .allMatch(w -> Math.abs(w.getValue() - other.weights.get(w.getKey())) < TOLERANCE);
  }

  @Override
  public String toString() {
    return weights.isEmpty() ? "version " + version : "version " + version + " + " + weights;
  }

  private static void checkTarget(Target.LambdaAlias target) {
    if (target.function() == null || target.function().isBlank()) {
      throw invalid("the target names no function");
    }
    if (target.alias() == null || target.alias().isBlank()) {
      throw invalid("the target names no alias of " + target.function());
    }
    checkVersion("stable version", target.stable());
    checkVersion("candidate version", target.candidate());
    if (target.stable().equals(target.candidate())) {
      throw invalid("stable and candidate are both version " + target.stable());
    }
  }

  private static void checkVersion(String role, String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      throw invalid(
          role + " '" + version + "' is not a published version number ($LATEST cannot be routed)");
    }
  }

  private static void checkWeight(Double weight) {
    if (weight == null || weight.isNaN() || weight < 0 || weight > 1) {
      throw invalid("weight " + weight + " is outside [0, 1]");
    }
    if (BigDecimal.valueOf(weight).stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw invalid("weight " + weight + " has more than " + MAX_DECIMALS + " decimals");
    }
  }

  private static ActuationException invalid(String why) {
    return new ActuationException("invalid Lambda alias routing: " + why, null);
  }
}

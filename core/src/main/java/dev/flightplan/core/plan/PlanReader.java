package dev.flightplan.core.plan;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Optional;

/**
 * Reads a rollout plan (docs/design.md §2) from YAML or JSON into the immutable {@link Plan},
 * checking every rule on the way. All problems are collected and thrown together as a {@link
 * PlanException} whose {@link FieldError}s name paths like {@code phases[2].percent}, {@code
 * gates[0].metric} or {@code metrics.error_rate.ratio.numerator}; syntax errors name the line and
 * column.
 *
 * <p>The schema, field by field (defaults in brackets):
 *
 * <pre>
 * rollout      id, [a-z0-9][a-z0-9._-]{0,62}                          (required)
 * description  free text
 * risk         low | medium | high                                       [medium]
 * strategy     canary | percentage | ring | blue-green   [ring if phases use audiences, else
 *                                                          percentage]
 * target       {type: flag, flag: KEY}                                   [flag = rollout id]
 *              {type: lambda-alias, function, alias, stable, candidate}
 * audiences    NAME: {attribute: A, equals|startsWith|endsWith: V}  or  {attribute: A, in: [V…]}
 * phases       - {name [phase-N], percent?, audiences?, bake [0s], approval [false]}
 *              percent in (0, 100], ≤ 2 decimals, never decreasing, last phase 100;
 *              omitted → filled by {@link Presets} from strategy and risk
 * metrics      NAME: {namespace, metric, stat [Average], dimensions?, unit?, period [1m],
 *                     lookback [10m]}
 *              NAME: {namespace, ratio: {numerator, denominator}, dimensions?, unit?, …}
 *              unit: percent | ratio | count | ms | s | none  [ratio for ratios, else none]
 * gates        - {name [METRIC-ACTION], metric, op: &gt; | &gt;= | &lt; | &lt;=,
 *                 threshold: 5% | 0.85 | 250   or   relative: 2x | +0.5pp | +20 | -20,
 *                 for [0s], action: rollback | pause | require, minSamples [100],
 *                 missingData: hold | breach [hold], errorLimit [4], confidence [0.95]}
 * alarms       - NAME-OR-ARN   or   - {name, insufficientData: rollback | ignore [ignore]}
 * window       {days [all], from [00:00], to [00:00], zone [UTC], blackout: [YYYY-MM-DD…]}
 * notify       {topic [default], digest: none | hourly | daily [none]}
 * checklist    - ITEM
 * </pre>
 *
 * Durations are {@code 90s}, {@code 10m}, {@code 48h}, {@code 2d} or ISO-8601 (see {@link
 * Durations}). A plan needs a way back: a {@code rollback} gate or an alarm.
 *
 * <p>Only what can be stored and read back is accepted: every length, count, duration and number
 * has a bound ({@link PlanLimits}), free text holds no control characters ({@link PlanText}),
 * numbers are judged before they are expanded ({@link PlanNumbers}), and YAML is read strictly
 * ({@link YamlTree}: one document, no tags, anchors or aliases, YAML 1.2 core scalars).
 */
public final class PlanReader {
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNumberLength(PlanLimits.NUMBER_CHARS)
                          .maxNameLength(PlanLimits.KEY_CHARS)
                          .maxNestingDepth(PlanLimits.DEPTH)
                          .build())
                  .errorReportConfiguration(
                      ErrorReportConfiguration.builder()
                          .maxErrorTokenLength(PlanText.EXCERPT)
                          .maxRawContentLength(0)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private PlanReader() {}

  /** Reads a plan, guessing the format with {@link PlanFormat#sniff}. */
  public static Plan read(String text) {
    return read(text, PlanFormat.sniff(text));
  }

  public static Plan read(String text, PlanFormat format) {
    return read(tree(text, format));
  }

  /** Reads a plan already parsed into a tree (e.g. part of a larger JSON document). */
  public static Plan read(JsonNode tree) {
    return PlanParser.parse(tree);
  }

  /**
   * The target of a stored plan's JSON, read on its own and leniently: the rest of the plan may not
   * read. Empty when the target does not read either.
   */
  public static Optional<Target> targetOf(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      FieldErrors problems = new FieldErrors();
      JsonNode id = tree.path("rollout");
      Target target =
          TargetReader.read(
              Node.root(tree.path("target"), problems), id.isTextual() ? id.asText() : null);
      return problems.count() == 0 ? Optional.ofNullable(target) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses text into a tree; syntax errors and texts over {@link PlanLimits#TEXT_CHARS} become a
   * {@link PlanException} (with line and column where there is one).
   */
  public static JsonNode tree(String text, PlanFormat format) {
    if (text.length() > PlanLimits.TEXT_CHARS) {
      throw new PlanException(
          List.of(
              new FieldError(
                  "",
                  "the plan is "
                      + text.length()
                      + " characters long; at most "
                      + PlanLimits.TEXT_CHARS,
                  "a plan this long cannot be stored; shorten it")));
    }
    if (format == PlanFormat.YAML) {
      return YamlTree.read(text);
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new PlanException(List.of(SyntaxErrors.of(e)));
    }
  }
}

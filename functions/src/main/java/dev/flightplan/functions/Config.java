package dev.flightplan.functions;

import dev.flightplan.core.service.Tick;
import dev.flightplan.infra.sns.SnsTopics;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The functions' settings, read once from environment variables. Every value is checked here, at
 * start-up, and a bad one names the key, the value and what is allowed.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>key</th><th>default</th><th>allowed</th></tr>
 *   <tr><td>{@code FLIGHTPLAN_TABLE_PREFIX}</td><td>{@code flightplan-}</td>
 *       <td>letters, digits, {@code _ . -}; at most 200 characters</td></tr>
 *   <tr><td>{@code FLIGHTPLAN_TOPIC_ARN}</td><td>required</td><td>an SNS topic ARN</td></tr>
 *   <tr><td>{@code FLIGHTPLAN_TOPIC_ALIASES}</td><td>none</td>
 *       <td>{@code alias=topicArn} pairs separated by commas</td></tr>
 *   <tr><td>{@code FLIGHTPLAN_TICK_PAGE_SIZE}</td><td>100</td><td>an integer from 1 to 1000</td></tr>
 *   <tr><td>{@code FLIGHTPLAN_METRICS_NAMESPACE}</td><td>{@code Flightplan}</td>
 *       <td>a CloudWatch namespace: 1 to 255 of letters, digits, {@code . - _ / # :} and space</td>
 *   </tr>
 *   <tr><td>{@code FLIGHTPLAN_PAGE_TOKEN_KEY}</td><td>a random key per process</td>
 *       <td>the secret that signs the API's page tokens: 32 to 1024 characters</td></tr>
 * </table>
 *
 * <p>The tick's fan-out has its own keys ({@link FanOutSettings}).
 *
 * @param topics the deployment's topic and the aliases plans may name in {@code notify.topic}
 * @param pageTokenKey signs the API's {@code nextToken}s, so every instance of the API function
 *     reads the others' tokens; null when unset, and then each process makes its own
 * @param fanOut the due index's shard count, and whether the controller hands the tick's shards to
 *     workers ({@link FanOutSettings})
 */
public record Config(
    String tablePrefix,
    SnsTopics topics,
    int tickPageSize,
    String namespace,
    String pageTokenKey,
    FanOutSettings fanOut) {
  public static final String TABLE_PREFIX = "FLIGHTPLAN_TABLE_PREFIX";
  public static final String TOPIC_ARN = "FLIGHTPLAN_TOPIC_ARN";
  public static final String TOPIC_ALIASES = "FLIGHTPLAN_TOPIC_ALIASES";
  public static final String TICK_PAGE_SIZE = "FLIGHTPLAN_TICK_PAGE_SIZE";
  public static final String METRICS_NAMESPACE = "FLIGHTPLAN_METRICS_NAMESPACE";
  public static final String PAGE_TOKEN_KEY = "FLIGHTPLAN_PAGE_TOKEN_KEY";

  public static final String DEFAULT_TABLE_PREFIX = "flightplan-";
  public static final String DEFAULT_NAMESPACE = "Flightplan";
  static final int MAX_PAGE_SIZE = 1_000;
  static final int MIN_KEY_LENGTH = 32;
  static final int MAX_KEY_LENGTH = 1_024;

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{0,200}");
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9.\\-_/#: ]{1,255}");

  /** The settings of this process. */
  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  /** The settings in {@code env}; unset and blank values take their defaults. */
  public static Config from(Map<String, String> env) {
    String prefix =
        matching(
            env,
            TABLE_PREFIX,
            DEFAULT_TABLE_PREFIX,
            PREFIX,
            "letters, digits," + " '_', '.' and '-', at most 200 characters");
    String namespace =
        matching(
            env,
            METRICS_NAMESPACE,
            DEFAULT_NAMESPACE,
            NAMESPACE,
            "1 to 255 of letters, digits, '.', '-', '_', '/', '#', ':' and space");
    return new Config(
        prefix, topics(env), pageSize(env), namespace, pageTokenKey(env), FanOutSettings.from(env));
  }

  /** Never prints the page-token key. */
  @Override
  public String toString() {
    return "Config[tablePrefix="
        + tablePrefix
        + ", topics="
        + topics
        + ", tickPageSize="
        + tickPageSize
        + ", namespace="
        + namespace
        + ", pageTokenKey="
        + (pageTokenKey == null ? "per process" : "set")
        + ", dueShards="
        + fanOut.dueShards()
        + ", fanOut="
        + (fanOut.toQueue() ? fanOut.queueUrl() : FanOutSettings.INLINE)
        + "]";
  }

  private static SnsTopics topics(Map<String, String> env) {
    String arn = value(env, TOPIC_ARN);
    if (arn == null) {
      throw new ConfigException(
          TOPIC_ARN,
          null,
          "an SNS topic ARN (arn:aws:sns:<region>:" + "<account>:<name>); it has no default");
    }
    try {
      SnsTopics.of(arn);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          TOPIC_ARN, arn, "an SNS topic ARN (arn:aws:sns:<region>:" + "<account>:<name>)");
    }
    String aliases = value(env, TOPIC_ALIASES);
    try {
      return SnsTopics.parse(arn, aliases);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          TOPIC_ALIASES,
          aliases,
          "alias=topicArn pairs separated by" + " commas (" + e.getMessage() + ")");
    }
  }

  private static int pageSize(Map<String, String> env) {
    String raw = value(env, TICK_PAGE_SIZE);
    if (raw == null) {
      return Tick.DEFAULT_PAGE_SIZE;
    }
    String allowed = "an integer from 1 to " + MAX_PAGE_SIZE;
    try {
      int size = Integer.parseInt(raw);
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new ConfigException(TICK_PAGE_SIZE, raw, allowed);
      }
      return size;
    } catch (NumberFormatException e) {
      throw new ConfigException(TICK_PAGE_SIZE, raw, allowed);
    }
  }

  private static String pageTokenKey(Map<String, String> env) {
    String key = value(env, PAGE_TOKEN_KEY);
    if (key != null && (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH)) {
      // The value is a secret: it is not repeated in the message.
      throw new ConfigException(
          PAGE_TOKEN_KEY,
          "(" + key.length() + " characters)",
          MIN_KEY_LENGTH + " to " + MAX_KEY_LENGTH + " characters");
    }
    return key;
  }

  private static String matching(
      Map<String, String> env, String key, String fallback, Pattern pattern, String allowed) {
    String raw = env.get(key);
    if (raw == null) {
      return fallback;
    }
    if (!pattern.matcher(raw).matches()) {
      throw new ConfigException(key, raw, allowed);
    }
    return raw;
  }

  private static String value(Map<String, String> env, String key) {
    String raw = env.get(key);
    return raw == null || raw.isBlank() ? null : raw.trim();
  }
}

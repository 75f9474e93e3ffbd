package dev.flightplan.functions;

import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a tick is split (docs/design.md §1.4): the due index's shard count, the same for every
 * function, and whether the scheduled controller runs every shard itself ({@code inline}) or sends
 * one message per shard to the workers' queue ({@code queue}).
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>key</th><th>default</th><th>allowed</th></tr>
 *   <tr><td>{@code FLIGHTPLAN_TICK_FAN_OUT}</td><td>{@code inline}</td>
 *       <td>{@code inline} or {@code queue}</td></tr>
 *   <tr><td>{@code FLIGHTPLAN_SHARD_QUEUE_URL}</td><td>none; required for {@code queue}</td>
 *       <td>the workers' SQS queue URL</td></tr>
 *   <tr><td>{@code FLIGHTPLAN_DUE_SHARDS}</td><td>16</td><td>an integer from 1 to 1000; may be
 *       raised, never lowered (rollouts in the shards above would no longer be read)</td></tr>
 * </table>
 *
 * @param dueShards how many shards the due index has, so how many workers can share a tick
 * @param queueUrl the workers' queue; null when the tick runs inline
 */
public record FanOutSettings(int dueShards, String queueUrl) {
  public static final String FAN_OUT = "FLIGHTPLAN_TICK_FAN_OUT";
  public static final String SHARD_QUEUE_URL = "FLIGHTPLAN_SHARD_QUEUE_URL";
  public static final String DUE_SHARDS = "FLIGHTPLAN_DUE_SHARDS";
  static final int MAX_DUE_SHARDS = 1_000;
  public static final String INLINE = "inline";
  public static final String QUEUE = "queue";

  private static final Pattern QUEUE_URL = Pattern.compile("https?://[^\\s]{1,1000}");

  /** Whether shards go to the workers' queue. */
  public boolean toQueue() {
    return queueUrl != null;
  }

  /** The settings in {@code env}; unset and blank values take their defaults. */
  static FanOutSettings from(Map<String, String> env) {
    int shards = dueShards(env);
    String mode = blankToNull(env.get(FAN_OUT));
    if (mode == null || mode.equals(INLINE)) {
      return new FanOutSettings(shards, null);
    }
    if (!mode.equals(QUEUE)) {
      throw new ConfigException(FAN_OUT, mode, INLINE + " or " + QUEUE);
    }
    String url = blankToNull(env.get(SHARD_QUEUE_URL));
    if (url == null || !QUEUE_URL.matcher(url).matches()) {
      throw new ConfigException(
          SHARD_QUEUE_URL,
          url,
          "the workers' SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>)"
              + " when "
              + FAN_OUT
              + " is "
              + QUEUE);
    }
    return new FanOutSettings(shards, url);
  }

  private static int dueShards(Map<String, String> env) {
    String raw = blankToNull(env.get(DUE_SHARDS));
    if (raw == null) {
      return DynamoDbRolloutStore.DEFAULT_DUE_SHARDS;
    }
    String allowed =
        "an integer from 1 to "
            + MAX_DUE_SHARDS
            + ", never lower than it was (rollouts in the"
            + " shards above would no longer be read)";
    try {
      int shards = Integer.parseInt(raw);
      if (shards < 1 || shards > MAX_DUE_SHARDS) {
        throw new ConfigException(DUE_SHARDS, raw, allowed);
      }
      return shards;
    } catch (NumberFormatException e) {
      throw new ConfigException(DUE_SHARDS, raw, allowed);
    }
  }

  private static String blankToNull(String raw) {
    return raw == null || raw.isBlank() ? null : raw.trim();
  }
}

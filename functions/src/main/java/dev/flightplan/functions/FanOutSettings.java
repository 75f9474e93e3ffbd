package dev.flightplan.functions;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the scheduled controller runs a tick (docs/design.md §1.4): {@code inline}, every shard in
 * its own invocation, or {@code queue}, one message per shard to the workers' queue.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>key</th><th>default</th><th>allowed</th></tr>
 *   <tr><td>{@code FLIGHTPLAN_TICK_FAN_OUT}</td><td>{@code inline}</td>
 *       <td>{@code inline} or {@code queue}</td></tr>
 *   <tr><td>{@code FLIGHTPLAN_SHARD_QUEUE_URL}</td><td>none; required for {@code queue}</td>
 *       <td>the workers' SQS queue URL</td></tr>
 * </table>
 *
 * @param queueUrl the workers' queue; null when the tick runs inline
 */
public record FanOutSettings(String queueUrl) {
  public static final String FAN_OUT = "FLIGHTPLAN_TICK_FAN_OUT";
  public static final String SHARD_QUEUE_URL = "FLIGHTPLAN_SHARD_QUEUE_URL";
  public static final String INLINE = "inline";
  public static final String QUEUE = "queue";
  public static final FanOutSettings NONE = new FanOutSettings(null);

  private static final Pattern QUEUE_URL = Pattern.compile("https?://[^\\s]{1,1000}");

  /** Whether shards go to the workers' queue. */
  public boolean toQueue() {
    return queueUrl != null;
  }

  /** The settings in {@code env}; unset and blank values take their defaults. */
  static FanOutSettings from(Map<String, String> env) {
    String mode = blankToNull(env.get(FAN_OUT));
    if (mode == null || mode.equals(INLINE)) {
      return NONE;
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
    return new FanOutSettings(url);
  }

  private static String blankToNull(String raw) {
    return raw == null || raw.isBlank() ? null : raw.trim();
  }
}

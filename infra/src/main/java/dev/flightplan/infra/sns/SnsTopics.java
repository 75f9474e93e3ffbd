package dev.flightplan.infra.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topics a plan's {@code notify.topic} may name: {@code default} is the deployment's topic, and
 * further aliases map to other topic ARNs (e.g. {@code payments-oncall}). An alias the deployment
 * does not know falls back to the default topic, so a notification is never stuck in the outbox
 * because of a plan typo.
 */
public final class SnsTopics {
  public static final String DEFAULT = "default";

  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

  private final Map<String, String> arns;

  private SnsTopics(Map<String, String> arns) {
    this.arns = Map.copyOf(arns);
  }

  /** Only the deployment's topic. */
  public static SnsTopics of(String defaultArn) {
    return of(defaultArn, Map.of());
  }

  /** The deployment's topic plus named ones; every ARN is checked here, at start-up. */
  public static SnsTopics of(String defaultArn, Map<String, String> aliases) {
    Map<String, String> all = new LinkedHashMap<>(aliases);
    all.put(DEFAULT, Objects.requireNonNull(defaultArn, "defaultArn"));
    all.forEach(SnsTopics::checkArn);
    return new SnsTopics(all);
  }

  /**
   * Parses {@code alias=arn} pairs separated by commas, as one environment variable holds them:
   * {@code payments=arn:aws:sns:eu-west-1:123456789012:payments,ops=arn:...}. Blank means none.
   */
  public static SnsTopics parse(String defaultArn, String aliases) {
    Map<String, String> map = new LinkedHashMap<>();
    if (aliases != null && !aliases.isBlank()) {
      for (String pair : aliases.split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "topic alias entry '" + pair.trim() + "' is not alias=arn");
        }
        map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return of(defaultArn, map);
  }

  /** The ARN for a plan's {@code notify.topic}; unknown or missing aliases get the default. */
  public String arnFor(String alias) {
    return alias == null ? arns.get(DEFAULT) : arns.getOrDefault(alias, arns.get(DEFAULT));
  }

  public boolean knows(String alias) {
    return arns.containsKey(alias);
  }

  /** FIFO topics need a message group and a deduplication id on every Publish. */
  static boolean isFifo(String arn) {
    return arn.endsWith(".fifo");
  }

  private static void checkArn(String alias, String arn) {
    if (arn == null || !TOPIC_ARN.matcher(arn).matches()) {
      throw new IllegalArgumentException(
          "topic alias '"
              + alias
              + "' has '"
              + arn
              + "', which is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");
    }
  }
}

package dev.flightplan.core.plan;

/** Where notifications go: a topic alias ({@code default} is the deployment's topic). */
public record Notify(String topic, Digest digest) {
  public static final Notify DEFAULT = new Notify("default", Digest.NONE);

  /** Whether routine events are also summarised; rollbacks and pauses are always sent at once. */
  public enum Digest {
    NONE,
    HOURLY,
    DAILY;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

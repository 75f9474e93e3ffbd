package dev.flightplan.core.digest;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.progress.Eta;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.evaluation.Exposure;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The words of a digest: one notification per topic and period, one section per rollout. */
public final class DigestWording {
  /** Changes listed per rollout; the rest are counted. */
  static final int LISTED_CHANGES = 10;

  private static final String NO_BREACH = "no breach";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private DigestWording() {}

  /**
   * The most text a digest lists rollouts in: SNS takes at most 256 KB per message, and the text
   * goes out several times in one (the JSON contract and the chat fields, per protocol). Rollouts
   * past it are counted, not listed.
   */
  static final int TEXT_BUDGET = 32 * 1024;

  /** The digest of {@code rollouts} (at least one) on {@code topic} for {@code period}. */
  public static Notification digest(
      String topic, DigestPeriod period, List<RolloutDigest> rollouts) {
    return digest(topic, period, rollouts.size(), rollouts.stream());
  }

  /**
   * The digest of {@code total} rollouts (at least one), listed from {@code rollouts} until the
   * text budget is spent: a lazy stream summarises only the rollouts listed.
   */
  public static Notification digest(
      String topic, DigestPeriod period, int total, Stream<RolloutDigest> rollouts) {
    String count = total + (total == 1 ? " active rollout" : " active rollouts");
    String subject =
        "[" + NotificationEvents.DIGEST + "] " + topic + " " + name(period) + ": " + count;
    StringBuilder text = new StringBuilder();
    text.append(capitalised(period.cadence().wireName()))
        .append(" digest for topic ")
        .append(topic)
        .append(": ")
        .append(period.start())
        .append(" to ")
        .append(period.end())
        .append('\n')
        .append(count)
        .append('\n');
    int listed = 0;
    for (Iterator<RolloutDigest> next = rollouts.iterator(); next.hasNext(); listed++) {
      String section = section(next.next());
      if (listed > 0 && text.length() + section.length() > TEXT_BUDGET) {
        break;
      }
      text.append('\n').append(section);
    }
    if (listed < total) {
      text.append("\n... and ")
          .append(total - listed)
          .append(" more, not listed to keep the message within SNS's size limit;")
          .append(" `flightplan list` shows every rollout\n");
    }
    return new Notification(
        period.key(topic),
        null,
        NotificationEvents.DIGEST,
        Notification.Severity.INFO,
        subject,
        text.toString(),
        Map.of(),
        period.end());
  }

  /** One rollout's part of a digest; every line about a rollout is composed here. */
  public static String section(RolloutDigest digest) {
    Rollout rollout = digest.rollout();
    RolloutState state = rollout.state();
    StringBuilder text = new StringBuilder();
    text.append(rollout.id()).append(": ").append(state.status());
    text.append(", ").append(phase(rollout.plan(), state.phase())).append('\n');
    text.append("  Exposure: ").append(exposure(rollout.desiredExposure())).append('\n');
    if (state.view() != null && state.view().holding() != null) {
      text.append("  Holding: ").append(state.view().holding().reason()).append('\n');
    }
    if (!rollout.plan().gates().isEmpty()) {
      text.append("  Gates: ").append(gates(rollout.plan(), state)).append('\n');
    }
    if (state.lastDecision() != null) {
      RolloutState.LastDecision last = state.lastDecision();
      text.append("  Last decision: ").append(last.kind()).append(" at ").append(last.at());
      text.append(last.reason() == null ? "" : ": " + last.reason()).append('\n');
    }
    Eta.of(rollout.plan(), state, digest.at())
        .ifPresent(
            eta -> text.append("  ").append(eta.line(rollout.plan().window().zone())).append('\n'));
    changes(text, digest.changes());
    return text.toString();
  }

  /** "phase 3 of 5: standard-5", or "no phase exposed" before start and after a rollback. */
  static String phase(Plan plan, int index) {
    if (index < 0) {
      return "no phase exposed";
    }
    return "phase "
        + (index + 1)
        + " of "
        + plan.phases().size()
        + ": "
        + plan.phases().get(index).name();
  }

  static String exposure(Exposure exposure) {
    String text = percent(exposure.basisPoints());
    return exposure.audiences().isEmpty()
        ? text
        : text + " + " + String.join(", ", exposure.audiences());
  }

  /**
   * Each gate's latest recorded verdict and message, with its breach streak; the streak alone when
   * nothing has been recorded yet.
   */
  private static String gates(Plan plan, RolloutState state) {
    return plan.gates().stream()
        .map(g -> g.name() + " " + gate(g, state))
        .collect(Collectors.joining("; "));
  }

  private static String gate(Gate gate, RolloutState state) {
    String streak = streak(gate, state.gates().get(gate.name()));
    GateView view = state.view() == null ? null : state.view().gate(gate.name());
    if (view == null || view.verdict() == null) {
      return streak;
    }
    String seen = view.verdict() + " (" + view.message() + ")";
    return streak.equals(NO_BREACH) ? seen : seen + ", " + streak;
  }

  private static String streak(Gate gate, GateStreak streak) {
    if (streak == null || streak.equals(GateStreak.CLEAR)) {
      return NO_BREACH;
    }
    if (streak.breachingSince() != null) {
      return "breaching since "
          + streak.breachingSince()
          + " ("
          + streak.consecutiveBreaches()
          + " in a row, "
          + gate.action().name().toLowerCase(java.util.Locale.ROOT)
          + " gate)";
    }
    return streak.consecutiveErrors() + " read errors in a row";
  }

  private static void changes(StringBuilder text, List<HistoryEntry> changes) {
    if (changes.isEmpty()) {
      text.append("  Since the last digest: no changes\n");
      return;
    }
    text.append("  Since the last digest: ")
        .append(changes.size())
        .append(changes.size() == 1 ? " change\n" : " changes\n");
    changes.stream()
        .limit(LISTED_CHANGES)
        .forEach(
            e ->
                text.append("    ")
                    .append(e.at())
                    .append(' ')
                    .append(e.action())
                    // Reasons of people's actions already name them ("paused by ana: ...").
                    .append(e.reason() == null ? " by " + e.actor() : ": " + e.reason())
                    .append('\n'));
    if (changes.size() > LISTED_CHANGES) {
      text.append("    ... and ").append(changes.size() - LISTED_CHANGES).append(" more\n");
    }
  }

  private static String name(DigestPeriod period) {
    return period.cadence() == Notify.Digest.HOURLY
        ? HOUR.format(period.start())
        : DAY.format(period.start().atOffset(ZoneOffset.UTC));
  }

  private static String percent(int basisPoints) {
    String text = String.valueOf(basisPoints / 100.0);
    return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}

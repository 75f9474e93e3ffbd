package dev.flightplan.functions.events;

import dev.flightplan.core.state.AlarmState;

/**
 * One alarm state change, whichever way it arrived.
 *
 * @param alarm the alarm's ARN when the payload carries it, else its name
 * @param eventId unique per delivery route and state change; a redelivery carries the same one
 * @param route how it arrived: {@code eventbridge}, {@code sns} or {@code lambda-action}
 * @param changedAt the state's timestamp as CloudWatch wrote it (for logs), or null
 */
public record AlarmChange(
    String alarm, AlarmState state, String eventId, String route, String changedAt) {}

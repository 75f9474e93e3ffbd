package dev.flightplan.functions;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.functions.events.AlarmChange;
import dev.flightplan.functions.events.AlarmEvents;
import dev.flightplan.functions.events.AlarmSamples;
import dev.flightplan.functions.events.UnrecognizedEventException;
import dev.flightplan.functions.observe.HandlerMetrics;
import dev.flightplan.functions.snapstart.JsonPrimer;
import dev.flightplan.functions.snapstart.SnapStartPriming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * An alarm changed state (docs/design.md §1.3, §4.3): on {@code ALARM} every active rollout bound
 * to it rolls back at once and is notified; {@code INSUFFICIENT_DATA} does so where the plan's
 * binding says; other states are recorded. A duplicate delivery changes nothing. A payload that is
 * not an alarm state change, or a rollback that could not be stored, fails the invocation, so
 * Lambda retries it and then hands it to the dead-letter queue.
 */
public final class AlarmHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(AlarmHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Wiring wiring;
  private final SnapStartPriming priming;

  /** Used by Lambda: the process's AWS wiring. */
  public AlarmHandler() {
    this(Wiring.fromEnvironment());
  }

  public AlarmHandler(Wiring wiring) {
    this.wiring = wiring;
    this.priming =
        SnapStartPriming.register(
            new JsonPrimer(AlarmSamples.ALL, AlarmEvents::parse), wiring.primer());
  }

  /** The SnapStart hook of this handler. */
  public SnapStartPriming priming() {
    return priming;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  private Map<String, Object> handle(Map<String, Object> event) {
    List<AlarmChange> changes;
    try {
      changes = AlarmEvents.parse(MAPPER.valueToTree(event));
    } catch (UnrecognizedEventException e) {
      LOG.error("alarm handler invoked with an unknown event; failing: {}", e.getMessage());
      throw e;
    }
    List<Map<String, Object>> results = new ArrayList<>();
    int rolledBack = 0;
    for (AlarmChange change : changes) {
      List<String> ids = handle(change);
      rolledBack += ids.size();
      results.add(result(change, ids));
    }
    HandlerMetrics.alarm(wiring.metrics(), changes.size(), rolledBack);
    return Map.of("changes", results);
  }

  private List<String> handle(AlarmChange change) {
    List<String> ids =
        wiring
            .alarms()
            .handle(change.alarm(), change.state(), change.eventId(), wiring.clock().instant())
            .stream()
            .map(StoredRollout::id)
            .toList();
    LOG.info(
        "alarm {} entered {}: {} rollout(s) rolled back",
        change.alarm(),
        change.state(),
        ids.size(),
        entry("alarm", result(change, ids)));
    return ids;
  }

  private static Map<String, Object> result(AlarmChange change, List<String> rolledBack) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("alarm", change.alarm());
    result.put("state", change.state().name());
    result.put("eventId", change.eventId());
    result.put("route", change.route());
    result.put("changedAt", change.changedAt());
    result.put("rolledBack", rolledBack);
    return result;
  }
}

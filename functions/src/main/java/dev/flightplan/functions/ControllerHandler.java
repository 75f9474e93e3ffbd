package dev.flightplan.functions;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.service.TickDispatch;
import dev.flightplan.core.service.TickReport;
import dev.flightplan.functions.events.ScheduleEvents;
import dev.flightplan.functions.events.UnrecognizedEventException;
import dev.flightplan.functions.observe.HandlerMetrics;
import dev.flightplan.functions.snapstart.JsonPrimer;
import dev.flightplan.functions.snapstart.SnapStartPriming;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The controller (docs/design.md §1.3): invoked every minute by EventBridge Scheduler (or a classic
 * scheduled rule), it runs one tick for the scheduled minute, logs what the tick did as JSON and
 * emits it as EMF metrics. The event is read as a map, so both trigger shapes arrive the same way.
 * When the tick fans out (docs/design.md §1.4), it hands the minute's shards to the workers ({@link
 * ShardWorkerHandler}) and sends the digests instead.
 */
public final class ControllerHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Wiring wiring;
  private final SnapStartPriming priming;

  /** Used by Lambda: the process's AWS wiring. */
  public ControllerHandler() {
    this(Wiring.fromEnvironment());
  }

  public ControllerHandler(Wiring wiring) {
    this.wiring = wiring;
    this.priming =
        SnapStartPriming.register(
            new JsonPrimer(List.of(ScheduleEvents.SAMPLE), ScheduleEvents::scheduledAt),
            wiring.primer());
  }

  /** The SnapStart hook of this handler. */
  public SnapStartPriming priming() {
    return priming;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> tick(event));
  }

  private Map<String, Object> tick(Map<String, Object> event) {
    Instant scheduledAt;
    try {
      scheduledAt = ScheduleEvents.scheduledAt(MAPPER.valueToTree(event));
    } catch (UnrecognizedEventException e) {
      LOG.error("controller invoked with an unknown event; failing: {}", e.getMessage());
      throw e;
    }
    if (wiring.fansOut()) {
      return dispatch(scheduledAt);
    }
    TickReport report = wiring.tick().run(scheduledAt);
    HandlerMetrics.tick(wiring.metrics(), report);
    Map<String, Object> summary = summary(report);
    LOG.info("tick for {} done", report.minute(), entry("tick", summary));
    return summary;
  }

  private Map<String, Object> dispatch(Instant scheduledAt) {
    TickDispatch.Report report =
        new TickDispatch(wiring.tick(), wiring.shardDispatcher(), wiring.clock())
            .dispatch(scheduledAt);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("minute", report.minute().toString());
    summary.put("shardsDispatched", report.shards());
    summary.put("digestsSent", report.digests());
    summary.put("durationMs", report.duration().toMillis());
    LOG.info("tick for {} handed to the workers", report.minute(), entry("dispatch", summary));
    return summary;
  }

  /** The report as the invocation's result: plain JSON types, which any serializer writes. */
  static Map<String, Object> summary(TickReport report) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("minute", report.minute().toString());
    summary.put("duplicate", report.duplicate());
    summary.put("evaluated", report.evaluated());
    summary.put("advanced", report.advanced());
    summary.put("paused", report.paused());
    summary.put("awaitingApproval", report.awaitingApproval());
    summary.put("rolledBack", report.rolledBack());
    summary.put("completed", report.completed());
    summary.put("held", report.held());
    summary.put("failed", report.failed());
    summary.put("quarantined", report.quarantined());
    summary.put("durationMs", report.duration().toMillis());
    return summary;
  }
}

package dev.flightplan.functions;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.core.port.ShardTick;
import dev.flightplan.core.service.ShardWorker;
import dev.flightplan.core.service.TickReport;
import dev.flightplan.functions.events.ShardEvents;
import dev.flightplan.functions.events.UnrecognizedEventException;
import dev.flightplan.functions.observe.HandlerMetrics;
import dev.flightplan.functions.snapstart.JsonPrimer;
import dev.flightplan.functions.snapstart.SnapStartPriming;
import dev.flightplan.infra.sqs.ShardMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * A worker of the fanned-out tick (docs/design.md §1.4): the workers' queue invokes it with shard
 * messages {@code {minute, shard}}, and it runs each shard of that minute ({@link ShardWorker}). It
 * answers with a partial batch response: a message whose body does not read or whose shard fails is
 * named in {@code batchItemFailures}, so SQS retries it alone and, after the queue's receive limit,
 * parks it in the dead-letter queue. A stale minute is dropped with a log line.
 */
public final class ShardWorkerHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(ShardWorkerHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Wiring wiring;
  private final ShardWorker worker;
  private final SnapStartPriming priming;

  /** Used by Lambda: the process's AWS wiring. */
  public ShardWorkerHandler() {
    this(Wiring.fromEnvironment());
  }

  public ShardWorkerHandler(Wiring wiring) {
    this.wiring = wiring;
    this.worker = new ShardWorker(wiring.tick(), wiring.clock());
    this.priming =
        SnapStartPriming.register(
            new JsonPrimer(
                List.of(ShardEvents.SAMPLE),
                event -> ShardEvents.messages(event).forEach(m -> ShardMessages.parse(m.body()))),
            wiring.primer());
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
    List<ShardEvents.Message> messages;
    try {
      messages = ShardEvents.messages(MAPPER.valueToTree(event));
    } catch (UnrecognizedEventException e) {
      LOG.error("worker invoked with an unknown event; failing: {}", e.getMessage());
      throw e;
    }
    List<Map<String, Object>> failures = new ArrayList<>();
    for (ShardEvents.Message message : messages) {
      if (!handled(message)) {
        failures.add(Map.of("itemIdentifier", message.messageId()));
      }
    }
    return Map.of("batchItemFailures", failures);
  }

  /** Whether the message is done with: run, found run already, or stale. */
  private boolean handled(ShardEvents.Message message) {
    try {
      ShardTick work = ShardMessages.parse(message.body());
      Optional<TickReport> report = worker.run(work);
      if (report.isEmpty()) {
        LOG.warn(
            "shard {} of {} dropped: older than {}; the next tick covers it",
            work.shard(),
            work.minute(),
            ShardWorker.MAX_AGE);
        return true;
      }
      HandlerMetrics.tick(wiring.metrics(), report.get());
      Map<String, Object> summary = ControllerHandler.summary(report.get());
      summary.put("shard", work.shard());
      LOG.info("shard {} of {} done", work.shard(), work.minute(), entry("tick", summary));
      return true;
    } catch (RuntimeException e) {
      LOG.error("shard message {} failed; SQS retries it", message.messageId(), e);
      return false;
    }
  }
}

package dev.flightplan.functions.snapstart;

import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SnapStart hook of one handler: before the snapshot it runs the handler's primers (JSON of its
 * events and plans, the SDK's request path), so a restored function does not pay for class loading
 * and first-use caches on its first invocation.
 *
 * <p>{@link #afterRestore} re-creates nothing: priming resolves no credentials (it signs with
 * throw-away static ones), opens no connection and draws no random state of our own, so nothing in
 * the snapshot is stale or shared between restored copies. The SDK resolves the real credentials on
 * the first call after restore.
 *
 * <p>The CRaC context holds resources weakly: the handler keeps this object in a field.
 */
public final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
  private final List<Primer> primers;

  private SnapStartPriming(List<Primer> primers) {
    this.primers = List.copyOf(primers);
  }

  /** A hook running {@code primers} in order, registered with the global CRaC context. */
  public static SnapStartPriming register(Primer... primers) {
    SnapStartPriming priming = new SnapStartPriming(List.of(primers));
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to re-create: see the class comment.
  }

  /** Runs every primer; one that fails is logged and the others still run. */
  public void prime() {
    long started = System.nanoTime();
    for (Primer primer : primers) {
      try {
        primer.prime();
      } catch (RuntimeException e) {
        LOG.warn("SnapStart priming step failed; the snapshot is taken without it", e);
      }
    }
    LOG.info("SnapStart priming took {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}

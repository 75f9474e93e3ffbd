package dev.flightplan.functions.snapstart;

import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Stops an SDK call just before it would be sent, on the thread that is priming: the request has
 * been validated, its endpoint resolved, marshalled and signed, so the classes and caches of that
 * path are loaded and warm, and nothing left the process. Other threads' calls pass untouched.
 */
public final class PrimingGuard implements ExecutionInterceptor {
  public static final PrimingGuard INSTANCE = new PrimingGuard();

  private static final ThreadLocal<Boolean> PRIMING = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<Integer> STOPPED = ThreadLocal.withInitial(() -> 0);

  private PrimingGuard() {}

  /** Thrown in place of sending; the caller of {@link #dryRun} swallows it. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped before transmission: SnapStart priming", null, false, false);
    }
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    if (PRIMING.get()) {
      STOPPED.set(STOPPED.get() + 1);
      throw new Stopped();
    }
  }

  /**
   * Runs {@code call} with the guard up on this thread.
   *
   * @return how many requests the guard stopped (1 for a call that reached transmission once)
   * @throws IllegalStateException when the call ended any other way: it must never reach AWS
   */
  public static int dryRun(Supplier<?> call) {
    PRIMING.set(true);
    STOPPED.set(0);
    RuntimeException failure = null;
    try {
      call.get();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      PRIMING.set(false);
    }
    if (failure == null) {
      throw new IllegalStateException("a priming call completed: it was not stopped");
    }
    if (!stoppedHere(failure)) {
      throw new IllegalStateException("a priming call failed before transmission", failure);
    }
    return STOPPED.get();
  }

  private static boolean stoppedHere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Stopped) {
        return true;
      }
    }
    return false;
  }
}

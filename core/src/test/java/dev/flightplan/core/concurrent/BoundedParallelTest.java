package dev.flightplan.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedParallelTest {
  private final List<Integer> items = IntStream.range(0, 40).boxed().toList();

  @Test
  void resultsComeInTheItemsOrder() {
    assertThat(BoundedParallel.map(items, 4, i -> i * 2))
        .containsExactlyElementsOf(items.stream().map(i -> i * 2).toList());
  }

  @Test
  void neverMoreThanTheBoundRunAtOnceAndTheBoundIsReached() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch fourRunning = new CountDownLatch(4);

    BoundedParallel.map(
        items,
        4,
        i -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          fourRunning.countDown();
          await(fourRunning);
          running.decrementAndGet();
          return i;
        });

    assertThat(most.get()).isEqualTo(4);
  }

  @Test
  void oneFailureFailsTheCallAfterEveryItemRan() {
    AtomicInteger ran = new AtomicInteger();

    assertThatThrownBy(
            () ->
                BoundedParallel.map(
                    items,
                    4,
                    i -> {
                      ran.incrementAndGet();
                      if (i == 7 || i == 30) {
                        throw new IllegalStateException("item " + i);
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("item 7");
    assertThat(ran.get()).isEqualTo(items.size());
  }

  @Test
  void aBoundOfOneRunsInTheCallersThread() {
    Thread caller = Thread.currentThread();

    assertThat(BoundedParallel.map(items, 1, i -> Thread.currentThread() == caller))
        .containsOnly(true);
    assertThatThrownBy(() -> BoundedParallel.map(items, 0, i -> i))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}

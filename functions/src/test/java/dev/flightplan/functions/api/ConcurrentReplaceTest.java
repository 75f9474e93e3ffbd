package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.InMemoryWiring;
import dev.flightplan.functions.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code If-Match} under concurrent writers (RFC 9110 §13.1.1): {@code *} matches whatever version
 * is current when the write lands, so racing {@code *} writers all succeed; a named tag is checked
 * against the version the write meets.
 */
class ConcurrentReplaceTest {
  private final InterferingStore store = new InterferingStore();
  private final Api api =
      new Api(
          InMemoryWiring.over(
              new TestClock(Api.T0), store, new InMemoryActuator(), new RecordingNotifier()));

  @Test
  void starWritesAgainWhenAnotherWriterGetsThereFirst() {
    api.createdAndStarted();
    store.interfereWithNextUpdate();

    api.send("update-rollout", header("If-Match", "*")).expect(200);

    Rollout stored = store.get(ID).orElseThrow();
    assertThat(stored.state().revision()).isEqualTo(2);
    assertThat(store.interfered).isTrue();
  }

  @Test
  void aListNamingTheNewVersionWritesAgainToo() {
    String etag = api.createdAndStarted().header("ETag");
    long version = store.get(ID).orElseThrow().version();
    store.interfereWithNextUpdate();

    api.send("update-rollout", header("If-Match", etag + ", \"v" + (version + 1) + "\""))
        .expect(200);
  }

  @Test
  void aNamedTagOvertakenByAnotherWriterIs412WithTheNewTag() {
    String etag = api.createdAndStarted().header("ETag");
    store.interfereWithNextUpdate();

    Reply reply = api.send("update-rollout", header("If-Match", etag));

    reply.problem(412);
    assertThat(reply.header("ETag"))
        .isEqualTo(EntityTags.of(store.get(ID).orElseThrow().version()));
    assertThat(store.get(ID).orElseThrow().state().revision()).isEqualTo(1);
  }

  @Test
  void fiftyRacingStarWritersAllSucceed() throws Exception {
    api.createdAndStarted();
    int writers = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();

    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        // Each writer's plan differs (its description), so every write is a new revision.
        String writer = "writer " + i;
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.send(
                          "update-rollout",
                          e ->
                              header("If-Match", "*")
                                  .apply(
                                      e.withBody(
                                          e.getBody()
                                              .replace(
                                                  "beta ring bakes longer",
                                                  "beta ring bakes longer, " + writer))))
                      .status();
                }));
      }
      start.countDown();
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    }
    assertThat(store.get(ID).orElseThrow().state().revision()).isEqualTo(1 + writers);
  }

  /** Lets one other write land between a writer's read and its write, as a racing writer would. */
  private static final class InterferingStore extends InMemoryRolloutStore {
    private boolean armed;
    boolean interfered;

    synchronized void interfereWithNextUpdate() {
      armed = true;
    }

    @Override
    public synchronized Rollout update(Rollout rollout, List<HistoryEntry> history) {
      if (armed) {
        armed = false;
        interfered = true;
        Rollout current = get(rollout.id()).orElseThrow();
        super.update(current, List.of());
      }
      return super.update(rollout, history);
    }
  }
}

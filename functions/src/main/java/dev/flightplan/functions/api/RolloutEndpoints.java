package dev.flightplan.functions.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.port.Page;
import dev.flightplan.core.port.RolloutStore;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.RolloutNotFoundException;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.functions.http.ApiRequest;
import dev.flightplan.functions.http.ApiResponse;
import dev.flightplan.functions.http.Json;
import dev.flightplan.functions.http.ProblemResponses;
import dev.flightplan.functions.http.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Creating, reading, listing and replacing rollouts, and their history. */
final class RolloutEndpoints {
  private static final Comparator<StoredRollout> NEWEST_FIRST =
      Comparator.comparing(
              (StoredRollout r) -> r.state().createdAt(),
              Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(StoredRollout::id);

  private final RolloutStore store;
  private final RolloutCommands commands;
  private final PlanReplacement replacement;
  private final SignedPageTokens pageTokens;
  private final Clock clock;

  RolloutEndpoints(
      RolloutStore store, RolloutCommands commands, SignedPageTokens pageTokens, Clock clock) {
    this.store = store;
    this.commands = commands;
    this.replacement = new PlanReplacement(store, commands);
    this.pageTokens = pageTokens;
    this.clock = clock;
  }

  /** {@code POST /rollouts}: 201 with the new rollout, where it lives and its tag. */
  ApiResponse create(ApiRequest request) {
    Plan plan = PlanBodies.read(request);
    Rollout created = commands.create(plan, request.actor());
    return withTag(ApiResponse.json(201, RolloutJson.view(created, clock.instant())), created)
        .withHeader("Location", request.basePath() + "/rollouts/" + created.id());
  }

  /** {@code GET /rollouts}: newest first, a page at a time. */
  ApiResponse list(ApiRequest request) {
    ListQuery query = ListQuery.of(request, pageTokens);
    Page<Rollout> page;
    try {
      page = store.list(query.status(), query.storeToken(), query.limit());
    } catch (IllegalArgumentException e) {
      // The stores reject tokens they did not issue this way.
      throw SignedPageTokens.refused();
    }
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    Instant now = clock.instant();
    newestFirst(page).forEach(r -> items.add(RolloutJson.summary(r, now)));
    return ApiResponse.ok(body.put("nextToken", pageTokens.seal(query.scope(), page.nextToken())));
  }

  /** {@code GET /rollouts/{id}}; one whose stored plan cannot be read shows its state. */
  ApiResponse get(ApiRequest request) {
    return ok(findAny(request.pathParam("id")), clock);
  }

  /** {@code PUT /rollouts/{id}}: a new plan revision, only for a caller who saw the latest. */
  ApiResponse replace(ApiRequest request) {
    String id = request.pathParam("id");
    String ifMatch = request.header("If-Match");
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemResponses.of(
          ProblemType.VERSION_REQUIRED,
          "send If-Match with the ETag of GET /rollouts/" + id + ", so no change is overwritten");
    }
    Plan plan = PlanBodies.read(request);
    return ok(
        replacement.replace(id, plan, EntityTags.parseIfMatch(ifMatch), request.actor()), clock);
  }

  /** {@code GET /rollouts/{id}/history}: oldest first. */
  ApiResponse history(ApiRequest request) {
    String id = request.pathParam("id");
    findAny(id);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("items");
    for (HistoryEntry entry : store.history(id)) {
      items.add(RolloutJson.history(entry));
    }
    return ApiResponse.ok(body);
  }

  static ApiResponse ok(StoredRollout rollout, Clock clock) {
    return withTag(ApiResponse.ok(RolloutJson.view(rollout, clock.instant())), rollout);
  }

  private static ApiResponse withTag(ApiResponse response, StoredRollout rollout) {
    return response.withHeader("ETag", EntityTags.of(rollout.version()));
  }

  private Rollout find(String id) {
    return store.get(id).orElseThrow(() -> new RolloutNotFoundException(id));
  }

  private StoredRollout findAny(String id) {
    try {
      return find(id);
    } catch (UnreadableRolloutException e) {
      return e.rollout();
    }
  }

  /** The page's rollouts, those whose plan cannot be read among them, newest first. */
  private static List<StoredRollout> newestFirst(Page<Rollout> page) {
    List<StoredRollout> all = new ArrayList<>(page.items());
    all.addAll(page.unreadable());
    all.sort(NEWEST_FIRST);
    return all;
  }
}

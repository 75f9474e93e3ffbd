package dev.flightplan.functions.api;

import dev.flightplan.core.series.MetricSeriesReader;
import dev.flightplan.functions.Wiring;
import dev.flightplan.functions.http.ParameterRule;
import dev.flightplan.functions.http.Router;

/** The routes of docs/design.md §5; {@code functions/openapi.yaml} describes exactly these. */
public final class ApiRoutes {
  private ApiRoutes() {}

  public static Router router(Wiring wiring) {
    RolloutEndpoints rollouts =
        new RolloutEndpoints(
            wiring.store(), wiring.commands(), wiring.pageTokens(), wiring.clock());
    CommandEndpoints commands = new CommandEndpoints(wiring.commands(), wiring.clock());
    FlagEndpoints flags = new FlagEndpoints(wiring.flags());
    MetricEndpoints metrics =
        new MetricEndpoints(
            wiring.store(), new MetricSeriesReader(wiring.metricsSource(), wiring.clock()));
    return new Router()
        .parameter("id", PathParameters.ROLLOUT_ID)
        .parameter("action", ParameterRule.oneOf(CommandEndpoints.ACTIONS))
        .parameter("item", PathParameters.CHECKLIST_ITEM)
        .parameter("key", PathParameters.FLAG_KEY)
        .add("POST", "/rollouts", rollouts::create)
        .add("GET", "/rollouts", rollouts::list)
        .add("GET", "/rollouts/{id}", rollouts::get)
        .add("PUT", "/rollouts/{id}", rollouts::replace)
        .add("POST", "/rollouts/{id}/{action}", commands::action)
        .add("POST", "/rollouts/{id}/checklist/{item}", commands::checklist)
        .add("GET", "/rollouts/{id}/history", rollouts::history)
        .add("GET", "/rollouts/{id}/metrics", metrics::series)
        .add("GET", "/flags/{key}/evaluate", flags::evaluate);
  }
}

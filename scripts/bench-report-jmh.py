"""Turns a JMH JSON result (-rf json) of PlanUpdateBenchmark and DecideBenchmark into the report's
lines (scripts/bench-report): figure<TAB>measured<TAB>goal<TAB>anchor."""

import json
import sys


def ms(value):
    return f"{value:.1f} ms"


def lines(results):
    for result in results:
        name = result["benchmark"].rsplit(".", 2)
        metric = result["primaryMetric"]
        if name[-2] == "PlanUpdateBenchmark":
            status = result.get("params", {}).get("status", "")
            percentiles = metric["scorePercentiles"]
            figure = f"API PUT /rollouts/{{id}}, {status} rollout"
            yield f"{figure}, p50", ms(percentiles["50.0"]), "-", "-"
            yield f"{figure}, p95", ms(percentiles["95.0"]), "≤ 15 ms", "-"
            yield f"{figure}, p99", ms(percentiles["99.0"]), "-", "-"
        elif name[-2] == "DecideBenchmark" and name[-1] == "healthyAdvance":
            yield "decide one rollout (4 gates, in memory)", f"{metric['score'] / 1000:.2f} µs", "-", "-"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as source:
        found = list(lines(json.load(source)))
    # The API figures first: they carry the goal.
    for line in sorted(found, key=lambda figure: not figure[0].startswith("API")):
        print("\t".join(line))

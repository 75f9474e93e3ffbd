package dev.flightplan.bench.scale;

import dev.flightplan.infra.dynamodb.DynamoDbRolloutStore;
import java.nio.file.Path;

/** The scale test's arguments: {@code --rollouts R --workers W [--shards S] [--report file]}. */
record ScaleOptions(int rollouts, int workers, int shards, int intervalSeconds, Path report) {
  static ScaleOptions parse(String[] args) {
    int rollouts = 5_000;
    int workers = 4;
    int shards = DynamoDbRolloutStore.DEFAULT_DUE_SHARDS;
    Path report = Path.of("target", "bench-report", "scale.tsv");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rollouts" -> rollouts = Integer.parseInt(args[i + 1]);
        case "--workers" -> workers = Integer.parseInt(args[i + 1]);
        case "--shards" -> shards = Integer.parseInt(args[i + 1]);
        case "--report" -> report = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in pairs: --name value");
    }
    return new ScaleOptions(rollouts, workers, shards, 60, report);
  }
}

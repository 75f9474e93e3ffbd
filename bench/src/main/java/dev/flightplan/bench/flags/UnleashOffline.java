package dev.flightplan.bench.flags;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.util.UnleashConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Unleash client as an application would run it without a server: toggles from a bootstrap JSON
 * ({@code unleash-features.json}: {@link #FLAG} with a {@code flexibleRollout} strategy at {@link
 * #ROLLOUT_PERCENT} % by user id), polling and metrics off, and a backup file that does not exist,
 * so the bootstrap is what it reads. The API address is never called.
 */
public final class UnleashOffline {
  public static final String FLAG = "new-search-algorithm";
  public static final int ROLLOUT_PERCENT = 25;
  private static final String FEATURES = "unleash-features.json";

  private UnleashOffline() {}

  public static Unleash start() {
    String features = features();
    UnleashConfig config =
        UnleashConfig.builder()
            .appName("flightplan-bench")
            .instanceId("bench-" + ProcessHandle.current().pid() + "-" + System.nanoTime())
            .unleashAPI("http://127.0.0.1:4242/api/")
            .disablePolling()
            .disableMetrics()
            .synchronousFetchOnInitialisation(false)
            .backupFile(missingBackupFile())
            .toggleBootstrapProvider(() -> Optional.of(features))
            .build();
    return new DefaultUnleash(config);
  }

  static String features() {
    try (InputStream in = UnleashOffline.class.getResourceAsStream(FEATURES)) {
      if (in == null) {
        throw new IllegalStateException(FEATURES + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path in a fresh temporary directory, so no backup of an earlier run is read instead. */
  private static String missingBackupFile() {
    try {
      Path directory = Files.createTempDirectory("unleash-backup");
      directory.toFile().deleteOnExit();
      return directory.resolve("none.json").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.flightplan.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where {@code flightplan local --state-dir} keeps what a restart needs: DynamoDB Local's file and
 * the simulated time reached, so that time goes on from there rather than from the wall clock
 * (which a fast tick leaves far behind, with every bake still ahead).
 */
final class StateDirectory {
  private static final String SIMULATED_TIME = "simulated-time";
  private final Path path;

  private StateDirectory(Path path) {
    this.path = path;
  }

  /** The directory, created when missing. */
  static StateDirectory open(Path path) {
    try {
      return new StateDirectory(Files.createDirectories(path.toAbsolutePath().normalize()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use " + path + " as the state directory", e);
    }
  }

  Path path() {
    return path;
  }

  /** Where simulated time starts: the time reached before, when later than {@code now}. */
  Instant resume(Instant now) {
    Path file = path.resolve(SIMULATED_TIME);
    try {
      Instant reached = Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
      return reached.isAfter(now) ? reached : now;
    } catch (IOException | DateTimeParseException none) {
      return now;
    }
  }

  /** Records the simulated time reached; a restart resumes from it. */
  void remember(Instant reached) {
    Path file = path.resolve(SIMULATED_TIME);
    try {
      Path partial = Files.createTempFile(path, SIMULATED_TIME, ".partial");
      try {
        Files.writeString(partial, reached.toString(), StandardCharsets.UTF_8);
        Files.move(
            partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the simulated time in " + file, e);
    }
  }
}

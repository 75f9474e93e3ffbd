package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryCacheTest {
  @TempDir Path cache;

  @Test
  void theLibraryIsWrittenOnceAndReused() throws Exception {
    Path directory = SqliteLibraryCache.prepare(cache).orElseThrow();
    Path library = onlyFile(directory);
    Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

    Path again = SqliteLibraryCache.prepare(cache).orElseThrow();

    assertThat(again).isEqualTo(directory).startsWith(cache);
    assertThat(Files.getLastModifiedTime(onlyFile(again)).toInstant())
        .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(library.getFileName().toString()).contains("sqlite4java");
  }

  @Test
  void aDamagedCopyIsReplacedWhole() throws Exception {
    Path directory = SqliteLibraryCache.prepare(cache).orElseThrow();
    Path library = onlyFile(directory);
    byte[] good = Files.readAllBytes(library);
    Files.write(library, new byte[] {1, 2, 3});

    SqliteLibraryCache.prepare(cache).orElseThrow();

    assertThat(Files.readAllBytes(library)).isEqualTo(good);
    assertThat(onlyFile(directory)).isEqualTo(library);
  }

  @Test
  void anUnwritableCacheLeavesDynamoDbLocalToItsOwnWay() throws Exception {
    Path notADirectory = Files.writeString(cache.resolve("file"), "x");

    assertThat(SqliteLibraryCache.prepare(notADirectory)).isEmpty();
  }

  @Test
  void theCacheFollowsXdgElseTheHomeDirectory() {
    assertThat(SqliteLibraryCache.cacheHome(Map.of("XDG_CACHE_HOME", "/c")))
        .hasValue(Path.of("/c", "flightplan"));
    assertThat(SqliteLibraryCache.cacheHome(Map.of()))
        .hasValue(Path.of(System.getProperty("user.home"), ".cache", "flightplan"));
  }

  private static Path onlyFile(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .reduce(
              (a, b) -> {
                throw new AssertionError(
                    "more than one file in " + directory + ": " + a + ", " + b);
              })
          .orElseThrow();
    }
  }
}

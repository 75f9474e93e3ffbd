package dev.flightplan.cli.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteLibraryLoader;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteLibraryLoaderUtil;

/**
 * DynamoDB Local's native SQLite library, kept once per user in a cache directory. Left to itself,
 * DynamoDB Local copies the library into the temporary directory under a new name at every start
 * and deletes it only when the JVM exits normally, so every killed run leaves a copy behind. Told
 * where a copy is ({@code org.sqlite.lib.path}), it loads that one and writes nothing.
 */
final class SqliteLibraryCache {
  static final String LIBRARY_PATH = "org.sqlite.lib.path";

  private SqliteLibraryCache() {}

  /**
   * Points DynamoDB Local at the cached copy, made or repaired first; when that cannot be done (no
   * home, a read-only disk), DynamoDB Local keeps its own way.
   */
  static void use(Map<String, String> env) {
    if (System.getProperty(LIBRARY_PATH) != null) {
      return;
    }
    cacheHome(env)
        .flatMap(SqliteLibraryCache::prepare)
        .ifPresent(directory -> System.setProperty(LIBRARY_PATH, directory.toString()));
  }

  /** {@code $XDG_CACHE_HOME/flightplan}, else {@code ~/.cache/flightplan}. */
  static Optional<Path> cacheHome(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "flightplan"));
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(home, ".cache", "flightplan"));
  }

  /**
   * The directory holding a copy identical to the one in DynamoDB Local's jar, written there when
   * missing or different; named by the copy's hash, so versions never mix.
   */
  static Optional<Path> prepare(Path cacheHome) {
    String name = SQLiteLibraryLoaderUtil.getNativeLibName();
    byte[] library = bundled(name);
    if (library == null) {
      return Optional.empty();
    }
    Path directory = cacheHome.resolve("sqlite4java").resolve(sha256(library).substring(0, 16));
    Path file = directory.resolve(name);
    try {
      if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), library)) {
        Files.createDirectories(directory);
        // Written aside and moved in whole: a run starting meanwhile never loads half a file.
        Path partial = Files.createTempFile(directory, name, ".partial");
        try {
          Files.write(partial, library);
          Files.move(
              partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
      }
      return Optional.of(directory);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** The library for this OS and architecture from DynamoDB Local's jar; null when it has none. */
  private static byte[] bundled(String name) {
    String resource =
        "/"
            + SQLiteLibraryLoader.class.getPackageName().replace('.', '/')
            + "/native/"
            + SQLiteLibraryLoaderUtil.getNativeLibFolderPathForCurrentOS()
            + "/"
            + name;
    try (InputStream in = SQLiteLibraryLoader.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

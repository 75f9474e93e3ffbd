package dev.flightplan.bench.flags;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an application adds to its package with a library module: the module's own jar and the jars
 * of its runtime class path, with their sizes, largest first. {@code scripts/bench-flags} writes
 * each module's class path with the dependency plugin ({@code build-classpath}, runtime scope) to
 * {@code target/runtime-classpath.txt} and runs this on the module directories.
 */
public final class DependencySizes {
  static final String CLASS_PATH_FILE = "runtime-classpath.txt";

  /** One jar and its size in bytes. */
  record Jar(String name, long bytes) {}

  private DependencySizes() {}

  public static void main(String[] args) throws IOException {
    for (String module : args) {
      for (String line : lines(Path.of(module))) {
        System.out.println(line);
      }
      System.out.println();
    }
  }

  static List<String> lines(Path module) throws IOException {
    Jar own = ownJar(module.resolve("target"));
    List<Jar> dependencies = dependencies(module.resolve("target").resolve(CLASS_PATH_FILE));
    long total = own.bytes() + dependencies.stream().mapToLong(Jar::bytes).sum();
    List<String> lines = new ArrayList<>();
    lines.add("| `" + own.name() + "` and its runtime dependencies | size |");
    lines.add("|---|---:|");
    lines.add("| **" + own.name() + "** | " + Quantities.size(own.bytes()) + " |");
    for (Jar jar : dependencies) {
      lines.add("| " + jar.name() + " | " + Quantities.size(jar.bytes()) + " |");
    }
    String jars = dependencies.isEmpty() ? "1 jar" : (dependencies.size() + 1) + " jars";
    lines.add("| total: " + jars + " | **" + Quantities.size(total) + "** |");
    return lines;
  }

  /** The module's jar: not its sources, tests, Javadoc or the shade plugin's original. */
  static Jar ownJar(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(p -> !p.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))
          .filter(p -> !p.getFileName().toString().startsWith("original-"))
          .map(DependencySizes::jar)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no jar in " + target + ": package first"));
    }
  }

  static List<Jar> dependencies(Path classPathFile) throws IOException {
    String classPath = Files.readString(classPathFile).trim();
    if (classPath.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(classPath.split(File.pathSeparator))
        .map(Path::of)
        .map(DependencySizes::jar)
        .sorted(Comparator.comparingLong(Jar::bytes).reversed().thenComparing(Jar::name))
        .toList();
  }

  private static Jar jar(Path file) {
    try {
      return new Jar(file.getFileName().toString(), Files.size(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the size of " + file, e);
    }
  }
}

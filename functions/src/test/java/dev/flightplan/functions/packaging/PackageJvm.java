package dev.flightplan.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Fresh JVMs on the unpacked Lambda package alone (as the Java runtime builds its class path) and
 * the drivers of this package ({@link PackagedHandlers}, {@link PackagedFanOut}): only their own
 * class files, so nothing else from the test class path shadows the package.
 */
final class PackageJvm {
  private static final List<Class<?>> DRIVERS =
      List.of(PackagedHandlers.class, PackagedFanOut.class, RunContext.class);

  private final String classPath;

  private PackageJvm(String classPath) {
    this.classPath = classPath;
  }

  /** Unpacks the package and copies the drivers under {@code work}. */
  static PackageJvm unpack(Path work) throws IOException {
    Path unpacked = unpack(packagePath(), work.resolve("package"));
    Path driver = copyDrivers(work.resolve("driver"));
    return new PackageJvm(
        String.join(
            File.pathSeparator,
            unpacked.toString(),
            unpacked.resolve("lib").resolve("*").toString(),
            driver.toString()));
  }

  /** Runs {@code driver} with {@code env} added to this JVM's; its output, once it ended well. */
  String run(Map<String, String> env, Class<?> driver, List<String> args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, driver.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = process.waitFor(2, TimeUnit.MINUTES);
    assertThat(done && process.exitValue() == 0)
        .as("the package's JVM ended well:%n%s", out)
        .isTrue();
    return out;
  }

  private static Path unpack(Path zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the package: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
    return into;
  }

  private static Path packagePath() {
    return Path.of(
        System.getProperty("flightplan.lambda.package", "target/flightplan-functions-lambda.zip"));
  }

  /** Each driver's class file and those of its nested and anonymous classes. */
  private static Path copyDrivers(Path driver) throws IOException {
    Path compiled = compiledPackage();
    Path target = driver.resolve(PackageJvm.class.getPackageName().replace('.', '/'));
    Files.createDirectories(target);
    for (Class<?> type : DRIVERS) {
      String name = type.getSimpleName();
      try (Stream<Path> files = Files.list(compiled)) {
        for (Path file : files.filter(f -> isClassOf(f, name)).toList()) {
          try (InputStream in = Files.newInputStream(file)) {
            Files.copy(in, target.resolve(file.getFileName()));
          }
        }
      }
    }
    return driver;
  }

  private static boolean isClassOf(Path file, String name) {
    String fileName = file.getFileName().toString();
    return fileName.equals(name + ".class") || fileName.startsWith(name + "$");
  }

  private static Path compiledPackage() throws IOException {
    try {
      return Path.of(PackageJvm.class.getResource("PackageJvm.class").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}

package dev.flightplan.functions.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The classes in the Lambda deployment zip, as the Java runtime sees them: those at the root and
 * those in every {@code lib/*.jar}. Names are internal names ({@code dev/flightplan/Foo$Bar}).
 *
 * @param classes every class in the package
 * @param ours the bytes of each of our own classes ({@code dev/flightplan/...})
 */
record LambdaPackage(Set<String> classes, Map<String, byte[]> ours) {
  private static final String OURS = "dev/flightplan/";
  private static final Pattern REFERENCE = Pattern.compile("dev/flightplan/[A-Za-z0-9_/$]+");

  static LambdaPackage read(Path zip) {
    Set<String> classes = new TreeSet<>();
    Map<String, byte[]> ours = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      collect(in, classes, ours, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LambdaPackage(
        Collections.unmodifiableSet(classes), Collections.unmodifiableMap(ours));
  }

  private static void collect(
      ZipInputStream in, Set<String> classes, Map<String, byte[]> ours, boolean root)
      throws IOException {
    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
      String name = entry.getName();
      if (root && name.startsWith("lib/") && name.endsWith(".jar")) {
        // Not closed: closing it would close the outer stream too.
        collect(new ZipInputStream(in), classes, ours, false);
      } else if (name.endsWith(".class")) {
        String className = name.substring(0, name.length() - ".class".length());
        classes.add(className);
        if (className.startsWith(OURS)) {
          ours.put(className, in.readAllBytes());
        }
      }
    }
  }

  /**
   * The classes of ours that {@code classFile} names in its constant pool (as a class, in a
   * descriptor or in a signature). Resource paths ({@code dev/flightplan/.../plan.schema.json}) are
   * left out.
   */
  static Set<String> referencedBy(byte[] classFile) {
    String text = new String(classFile, StandardCharsets.ISO_8859_1);
    Set<String> names = new TreeSet<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      boolean resource = m.end() < text.length() && text.charAt(m.end()) == '.';
      if (!resource) {
        names.add(m.group());
      }
    }
    return names;
  }

  /** The classes in a class-path entry: a directory of classes or a jar. */
  static Set<String> classesIn(Path entry) {
    Set<String> names = new TreeSet<>();
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.walk(entry)) {
        files
            .map(entry::relativize)
            .map(p -> p.toString().replace('\\', '/'))
            .filter(p -> p.endsWith(".class"))
            .forEach(p -> names.add(p.substring(0, p.length() - ".class".length())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      try (InputStream file = Files.newInputStream(entry);
          ZipInputStream in = new ZipInputStream(file)) {
        collect(in, names, new TreeMap<>(), false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }
}

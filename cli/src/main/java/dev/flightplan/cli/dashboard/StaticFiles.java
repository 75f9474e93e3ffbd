package dev.flightplan.cli.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The dashboard's files, read from the class path once. The list is fixed, so no request can name a
 * file outside it. Chart.js and its licence come from its WebJar.
 */
final class StaticFiles {
  /** One file: its bytes and what it is. */
  record File(byte[] bytes, String contentType) {}

  private static final String JS = "text/javascript; charset=utf-8";
  private static final String OWN = "dashboard/";
  private static final String[] MODULES = {
    "app.js", "api.js", "format.js", "list.js", "rollout.js", "charts.js", "dialog.js", "actions.js"
  };
  private static final String CHART_JS = "META-INF/resources/webjars/chart.js/";
  private static final String CHART_JS_POM =
      "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

  private final Map<String, File> files = new LinkedHashMap<>();

  private StaticFiles() {
    File index = read(OWN + "index.html", "text/html; charset=utf-8");
    files.put("/", index);
    files.put("/index.html", index);
    files.put("/style.css", read(OWN + "style.css", "text/css; charset=utf-8"));
    for (String module : MODULES) {
      files.put("/" + module, read(OWN + module, JS));
    }
    String chartJs = CHART_JS + chartJsVersion() + "/";
    files.put("/vendor/chart.umd.min.js", read(chartJs + "dist/chart.umd.min.js", JS));
    files.put(
        "/vendor/chart.js-LICENSE.md",
        read(chartJs + "LICENSE.md", "text/markdown; charset=utf-8"));
  }

  static StaticFiles load() {
    return new StaticFiles();
  }

  /** The file at {@code path} (e.g. {@code /app.js}); empty for any other path. */
  Optional<File> find(String path) {
    return Optional.ofNullable(files.get(path));
  }

  private static String chartJsVersion() {
    Properties pom = new Properties();
    try (InputStream in = resource(CHART_JS_POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static File read(String name, String contentType) {
    try (InputStream in = resource(name)) {
      return new File(in.readAllBytes(), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's " + name, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the dashboard's " + name + " is not on the class path");
    }
    return in;
  }
}

package dev.flightplan.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Lambda deployment zip holds, read after {@code package} built it: the handlers and what
 * they reach, and nothing that only tests, the CLI or local mode use.
 */
class LambdaPackageIT {
  /** Set by the build; the default serves a run from the module directory. */
  private static final String ZIP_PROPERTY = "flightplan.lambda.package";

  /** Only tests, benchmarks, the CLI or local mode use these; the Lambda package must not. */
  private static final List<String> NOT_FOR_LAMBDA =
      List.of(
          "dev/flightplan/core/port/memory/",
          "dev/flightplan/core/simulate/",
          "dev/flightplan/infra/aws/CallCounter",
          "dev/flightplan/infra/testbed/",
          "dev/flightplan/functions/InMemoryWiring");

  /**
   * Libraries that come with our dependencies but that no handler reaches: the plan simulator's
   * CSV, Joda (of event types we do not take), Powertools' JSON utilities and their JMESPath.
   */
  private static final List<String> UNUSED_LIBRARIES =
      List.of(
          "com/fasterxml/jackson/dataformat/csv/",
          "org/joda/",
          "com/fasterxml/jackson/datatype/joda/",
          "software/amazon/lambda/powertools/utilities/",
          "io/burt/jmespath/");

  /**
   * The package's ceiling: it was 21.1 MB with the libraries above in it, 19.9 MB without them and
   * with the SDK's service clients whole (the SQS client of the tick's fan-out, docs/design.md
   * §1.4, is shrunk with the others).
   */
  private static final long MAX_BYTES = 15_000_000;

  /**
   * A whole SDK service client brings its asynchronous client, which the functions never build: one
   * in the package is a service client that missed the shrinking (lambda.shrunk.libraries).
   */
  private static final Pattern WHOLE_SERVICE_CLIENT =
      Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/Default\\w+AsyncClient");

  private static Path path;
  private static LambdaPackage zip;

  @BeforeAll
  static void read() {
    path = Path.of(System.getProperty(ZIP_PROPERTY, "target/flightplan-functions-lambda.zip"));
    assertThat(Files.isRegularFile(path))
        .as("%s is built by `./mvnw -pl functions -am package`; run the *IT after it", path)
        .isTrue();
    zip = LambdaPackage.read(path);
  }

  @Test
  void theHandlersAndTheCoreAreInIt() {
    assertThat(zip.classes())
        .contains(
            "dev/flightplan/functions/ApiHandler",
            "dev/flightplan/functions/ControllerHandler",
            "dev/flightplan/functions/AlarmHandler",
            "dev/flightplan/core/decide/Decider",
            "dev/flightplan/core/port/FlagSource",
            "dev/flightplan/infra/aws/AwsAdapters");
  }

  @Test
  void nothingOnlyTestsOrTheCliUseIsInIt() {
    List<String> found =
        zip.classes().stream()
            .filter(c -> NOT_FOR_LAMBDA.stream().anyMatch(c::startsWith))
            .toList();

    assertThat(found).as("test-only or CLI-only classes in the Lambda package").isEmpty();
  }

  @Test
  void librariesNoHandlerReachesAreLeftOut() {
    List<String> found =
        zip.classes().stream()
            .filter(c -> UNUSED_LIBRARIES.stream().anyMatch(c::startsWith))
            .toList();

    assertThat(found).as("classes of libraries the functions do not use").isEmpty();
  }

  @Test
  void everySdkServiceClientInItIsShrunk() {
    List<String> whole =
        zip.classes().stream().filter(c -> WHOLE_SERVICE_CLIENT.matcher(c).matches()).toList();

    assertThat(whole).as("asynchronous clients of unshrunk SDK service jars").isEmpty();
    assertThat(zip.classes())
        .contains(
            "software/amazon/awssdk/services/dynamodb/DefaultDynamoDbClient",
            "software/amazon/awssdk/services/lambda/model/UpdateAliasRequest")
        .doesNotContain("software/amazon/awssdk/services/lambda/model/AddPermissionResponse");
  }

  @Test
  void itStaysUnderItsCeiling() throws Exception {
    assertThat(Files.size(path)).as("bytes of %s", path).isLessThanOrEqualTo(MAX_BYTES);
  }

  @Test
  void noClassCompiledFromTestSourcesIsInIt() {
    Set<String> testClasses = new TreeSet<>();
    List<Path> testOutputs = testOutputsOnTheClassPath();
    testOutputs.forEach(entry -> testClasses.addAll(LambdaPackage.classesIn(entry)));
    // The test classes of this module and of the core's and infra's test-jars at least.
    assertThat(testOutputs).as("test outputs on the class path").hasSizeGreaterThanOrEqualTo(3);
    assertThat(testClasses).contains(LambdaPackageIT.class.getName().replace('.', '/'));

    testClasses.retainAll(zip.classes());

    assertThat(testClasses).as("classes from test sources in the Lambda package").isEmpty();
  }

  @Test
  void everyClassOfOursFindsTheClassesItNamesInIt() {
    Map<String, Set<String>> missing = new TreeMap<>();
    zip.ours()
        .forEach(
            (name, bytes) -> {
              Set<String> absent = new TreeSet<>(LambdaPackage.referencedBy(bytes));
              absent.removeIf(ref -> zip.classes().contains(ref) || isPackage(ref));
              if (!absent.isEmpty()) {
                missing.put(name, absent);
              }
            });

    assertThat(missing).as("classes named by our classes but left out of the package").isEmpty();
  }

  private static boolean isPackage(String name) {
    String prefix = name.endsWith("/") ? name : name + "/";
    return zip.classes().stream().anyMatch(c -> c.startsWith(prefix));
  }

  /**
   * This module's test classes and the test-jars it uses, in a reactor build or from a repository.
   */
  private static List<Path> testOutputsOnTheClassPath() {
    List<Path> outputs = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName() == null ? "" : path.getFileName().toString();
      if ((name.equals("test-classes") && Files.isDirectory(path))
          || (name.endsWith("-tests.jar") && name.startsWith("flightplan-"))) {
        outputs.add(path);
      }
    }
    return outputs;
  }
}

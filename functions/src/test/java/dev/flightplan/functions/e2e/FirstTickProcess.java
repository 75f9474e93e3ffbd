package dev.flightplan.functions.e2e;

import dev.flightplan.functions.Config;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import dev.flightplan.infra.testbed.LocalAws;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts {@link FirstTick} in a fresh JVM on its own tables and reads the time it reports. */
final class FirstTickProcess {
  private FirstTickProcess() {}

  static long run(DeployedBed bed) throws Exception {
    String prefix = bed.prefix + "first-";
    TableCreator.createTables(bed.clients.dynamoDb(), new Tables(prefix));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), FirstTick.class.getName())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put(Config.TOPIC_ARN, bed.topicArn);
    env.put(Config.TABLE_PREFIX, prefix);
    env.put("AWS_REGION", LocalAws.REGION);
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_ENDPOINT_URL", bed.aws.awsEndpoint().toString());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", bed.aws.dynamoDbEndpoint().toString());
    Process process = builder.start();
    String found = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith(FirstTick.MARKER)) {
          found = line;
        }
      }
    }
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || found == null) {
      throw new AssertionError("the first-tick JVM failed:\n" + output);
    }
    if (!found.endsWith("duplicate=false")) {
      throw new AssertionError("the first tick was a duplicate: " + found);
    }
    String millis = found.substring(FirstTick.MARKER.length(), found.indexOf(' '));
    return Long.parseLong(millis);
  }
}

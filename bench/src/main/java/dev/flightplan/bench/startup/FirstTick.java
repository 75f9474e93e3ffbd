package dev.flightplan.bench.startup;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.flightplan.functions.ControllerHandler;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Runs in a fresh JVM on the Lambda package's class path alone (and this class): builds the
 * controller as Lambda does, runs one tick, and prints the wall-clock time when it completed and
 * how many rollouts it evaluated. It uses nothing outside the package, so {@link ControllerStartup}
 * copies just this class next to the unpacked zip.
 */
public final class FirstTick {
  private FirstTick() {}

  public static void main(String[] args) {
    ControllerHandler handler = new ControllerHandler();
    Map<String, Object> event =
        Map.of(
            "source",
            "flightplan.schedule",
            "scheduledTime",
            Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
    Map<String, Object> summary = handler.handleRequest(event, new BenchContext());
    long done = System.currentTimeMillis();
    System.out.println("first-tick " + done + " evaluated=" + summary.get("evaluated"));
    System.exit(0);
  }

  /** The little of a Lambda context the handler reads. */
  private static final class BenchContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "startup-bench";
    }

    @Override
    public String getLogGroupName() {
      return "startup-bench";
    }

    @Override
    public String getLogStreamName() {
      return "startup-bench";
    }

    @Override
    public String getFunctionName() {
      return "ControllerFunction";
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:ControllerFunction:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 60_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
      };
    }
  }
}

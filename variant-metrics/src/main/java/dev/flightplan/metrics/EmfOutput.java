package dev.flightplan.metrics;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Where EMF documents go, one JSON document per call: standard output (Lambda, where the runtime
 * sends it to CloudWatch Logs), the CloudWatch agent's EMF endpoint, or any consumer. Called from
 * the flushing thread only, never from the request path; a failing output loses that document and
 * nothing else.
 */
public interface EmfOutput extends Consumer<String>, AutoCloseable {
  /** Where the CloudWatch agent listens for EMF by default, as AWS's EMF libraries assume. */
  String DEFAULT_AGENT_ENDPOINT = "tcp://127.0.0.1:25888";

  /** The variable the CloudWatch agent and AWS's EMF libraries read the endpoint from. */
  String AGENT_ENDPOINT_VARIABLE = "AWS_EMF_AGENT_ENDPOINT";

  @Override
  default void close() {}

  /** One line per document on standard output. */
  static EmfOutput stdout() {
    return document -> System.out.println(document);
  }

  /**
   * The CloudWatch agent (or {@code flightplan local}) at {@code endpoint}: {@code
   * tcp://host:port}, one document per line on one kept connection, or {@code udp://host:port}, one
   * datagram per document.
   */
  static EmfOutput agent(String endpoint) {
    return AgentOutput.of(AgentEndpoint.parse(endpoint));
  }

  /** Any consumer, e.g. a logger or a test's list. */
  static EmfOutput of(Consumer<String> consumer) {
    return consumer::accept;
  }

  /** Chosen as AWS's EMF libraries choose it: see {@link #fromEnvironment(Map)}. */
  static EmfOutput fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * {@code AWS_EMF_AGENT_ENDPOINT} when set; standard output in Lambda ({@code
   * AWS_LAMBDA_FUNCTION_NAME}) or when {@code AWS_EMF_ENVIRONMENT} is {@code Lambda} or {@code
   * Local}; otherwise the agent's default endpoint, {@value #DEFAULT_AGENT_ENDPOINT}.
   */
  static EmfOutput fromEnvironment(Map<String, String> env) {
    String endpoint = env.get(AGENT_ENDPOINT_VARIABLE);
    if (endpoint != null && !endpoint.isBlank()) {
      return agent(endpoint.strip());
    }
    String environment = env.getOrDefault("AWS_EMF_ENVIRONMENT", "");
    if (environment.equalsIgnoreCase("Lambda")
        || environment.equalsIgnoreCase("Local")
        || (environment.isBlank() && env.containsKey("AWS_LAMBDA_FUNCTION_NAME"))) {
      return stdout();
    }
    return agent(DEFAULT_AGENT_ENDPOINT);
  }
}

package dev.flightplan.cli.options;

import dev.flightplan.cli.api.ApiClient;
import picocli.CommandLine.Option;

/** Where the API is and whether to sign requests: shared by every command that calls it. */
public final class ApiOptions {
  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      defaultValue = "${env:FLIGHTPLAN_ENDPOINT}",
      description =
          "The plans API: the invoke URL of the deployed API, or http://127.0.0.1:PORT in local"
              + " mode. Default: $FLIGHTPLAN_ENDPOINT.")
  private String endpoint;

  @Option(
      names = "--no-sign",
      description = "Send requests unsigned (loopback http endpoints are never signed).")
  private boolean noSign;

  public String endpoint() {
    return endpoint;
  }

  public boolean noSign() {
    return noSign;
  }

  public ApiClient client() {
    return ApiClient.forEndpoint(endpoint, noSign);
  }
}

package dev.flightplan.metrics;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** {@code tcp://host:port} or {@code udp://host:port}, as the CloudWatch agent's EMF endpoint. */
record AgentEndpoint(boolean udp, String host, int port) {

  static AgentEndpoint parse(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw invalid(endpoint);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("tcp") || scheme.equals("udp"))
        || uri.getHost() == null
        || uri.getPort() <= 0) {
      throw invalid(endpoint);
    }
    return new AgentEndpoint(scheme.equals("udp"), uri.getHost(), uri.getPort());
  }

  InetSocketAddress address() {
    return new InetSocketAddress(host, port);
  }

  private static IllegalArgumentException invalid(String endpoint) {
    return new IllegalArgumentException(
        "EMF agent endpoint `"
            + endpoint
            + "` is not tcp://host:port or udp://host:port (e.g. "
            + EmfOutput.DEFAULT_AGENT_ENDPOINT
            + ")");
  }

  @Override
  public String toString() {
    return (udp ? "udp" : "tcp") + "://" + host + ":" + port;
  }
}

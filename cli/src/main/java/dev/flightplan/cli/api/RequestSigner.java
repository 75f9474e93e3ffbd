package dev.flightplan.cli.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Adds authentication headers to a request before it is sent. */
public interface RequestSigner {
  /** Sends requests as they are: for local mode on 127.0.0.1. */
  RequestSigner NONE = (method, uri, headers, body) -> headers;

  /**
   * The headers to send: the given ones plus whatever authenticates the request.
   *
   * @param body the exact bytes that will be sent (signed by SigV4)
   */
  Map<String, List<String>> sign(
      String method, URI uri, Map<String, List<String>> headers, byte[] body);
}

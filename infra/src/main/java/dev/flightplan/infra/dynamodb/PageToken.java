package dev.flightplan.infra.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An opaque page token: the key of the last item returned, as base64url JSON, with the query it
 * belongs to, so a token of one query is refused by another instead of paging it wrongly.
 */
final class PageToken {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PageToken() {}

  static String encode(String query, Map<String, AttributeValue> key) {
    ObjectNode root = JSON.createObjectNode().put("q", query);
    ObjectNode keys = root.putObject("k");
    key.forEach(
        (name, value) -> {
          if (value.s() != null) {
            keys.putObject(name).put("S", value.s());
          } else {
            keys.putObject(name).put("N", value.n());
          }
        });
    byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
  }

  /** The key to start after; null for a null token. */
  static Map<String, AttributeValue> decode(String query, String token) {
    if (token == null) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(Base64.getUrlDecoder().decode(token));
      if (!query.equals(root.path("q").asText())) {
        throw refused(token, null);
      }
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      root.path("k").properties().forEach(e -> key.put(e.getKey(), value(e.getValue())));
      if (key.isEmpty()) {
        throw refused(token, null);
      }
      return key;
    } catch (IOException | IllegalArgumentException e) {
      throw refused(token, e);
    }
  }

  private static AttributeValue value(JsonNode node) {
    if (node.has("S")) {
      return AttributeValue.fromS(node.get("S").asText());
    }
    if (node.has("N")) {
      return AttributeValue.fromN(node.get("N").asText());
    }
    throw new IllegalArgumentException("key value without S or N");
  }

  private static IllegalArgumentException refused(String token, Exception cause) {
    return new IllegalArgumentException("not a page token of this query: " + token, cause);
  }
}

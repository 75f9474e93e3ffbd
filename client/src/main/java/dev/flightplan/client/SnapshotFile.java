package dev.flightplan.client;

import dev.flightplan.evaluation.Audience;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.evaluation.FlagExposure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * The bootstrap file: a JSON snapshot of the flags, read at start so an application can evaluate
 * before (or without) its first read of the table. The format mirrors the flag item:
 *
 * <pre>{@code
 * {"format": "flightplan-flags/1", "fetchedAt": "2025-03-03T09:00:00Z",
 *  "flags": [{"flagKey": "new-search", "salt": "r1", "rolloutId": "r1", "basisPoints": 500,
 *             "exposedAudiences": ["beta"],
 *             "audiences": [{"name": "beta", "attribute": "country", "match": "in",
 *                            "values": ["NL", "BE"]}],
 *             "updatedAt": "2025-03-03T08:59:00Z"}]}
 * }</pre>
 *
 * {@code fetchedAt} is when the flags were read from the table, so a file's age counts towards
 * staleness. Unknown fields are ignored. Read with the SDK's own JSON parser; written by hand.
 */
final class SnapshotFile {
  static final String FORMAT = "flightplan-flags/1";

  private SnapshotFile() {}

  static FlagSnapshot read(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = JsonNodeParser.create().parse(in);
    }
    Map<String, JsonNode> fields = root.asObject();
    String format = text(fields, "format");
    if (!FORMAT.equals(format)) {
      throw new IOException(file + ": format is " + format + ", expected " + FORMAT);
    }
    List<FlagExposure> flags = new ArrayList<>();
    for (JsonNode flag : fields.get("flags").asArray()) {
      flags.add(flag(flag.asObject()));
    }
    return FlagSnapshot.of(flags, Instant.parse(text(fields, "fetchedAt")));
  }

  /** Writes the snapshot's readable flags, atomically: a reader never sees half a file. */
  static void write(FlagSnapshot snapshot, Path file) throws IOException {
    StringBuilder json = new StringBuilder();
    json.append("{\"format\": ").append(quoted(FORMAT));
    json.append(", \"fetchedAt\": ").append(quoted(snapshot.fetchedAt().toString()));
    json.append(",\n \"flags\": [");
    String separator = "\n  ";
    for (String key : new TreeSet<>(snapshot.entries().keySet())) {
      SnapshotEntry entry = snapshot.entry(key);
      if (entry.readable()) {
        json.append(separator);
        appendFlag(json, entry.flag());
        separator = ",\n  ";
      }
    }
    json.append("]}\n");
    Path absolute = file.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".tmp");
    Files.writeString(temp, json, StandardCharsets.UTF_8);
    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static FlagExposure flag(Map<String, JsonNode> f) {
    String rolloutId = text(f, "rolloutId");
    String salt = text(f, "salt");
    Map<String, Audience> audiences = new LinkedHashMap<>();
    for (JsonNode node : array(f, "audiences")) {
      Map<String, JsonNode> a = node.asObject();
      audiences.put(
          text(a, "name"),
          new Audience(
              text(a, "attribute"), FlagItems.match(text(a, "match")), strings(a, "values")));
    }
    JsonNode basisPoints = f.get("basisPoints");
    String updatedAt = text(f, "updatedAt");
    return new FlagExposure(
        text(f, "flagKey"),
        salt == null ? rolloutId : salt,
        rolloutId,
        new Exposure(
            basisPoints == null ? 0 : Integer.parseInt(basisPoints.asNumber()),
            new HashSet<>(strings(f, "exposedAudiences"))),
        audiences,
        updatedAt == null ? null : Instant.parse(updatedAt));
  }

  private static void appendFlag(StringBuilder json, FlagExposure flag) {
    json.append("{\"flagKey\": ").append(quoted(flag.flagKey()));
    json.append(", \"salt\": ").append(quoted(flag.salt()));
    json.append(", \"rolloutId\": ").append(quoted(flag.rolloutId()));
    json.append(", \"basisPoints\": ").append(flag.exposure().basisPoints());
    json.append(", \"exposedAudiences\": ");
    appendStrings(json, new TreeSet<>(flag.exposure().audiences()));
    json.append(", \"audiences\": [");
    String separator = "";
    for (Map.Entry<String, Audience> a : flag.audiences().entrySet()) {
      json.append(separator).append("{\"name\": ").append(quoted(a.getKey()));
      json.append(", \"attribute\": ").append(quoted(a.getValue().attribute()));
      json.append(", \"match\": ").append(quoted(a.getValue().match().wireName()));
      json.append(", \"values\": ");
      appendStrings(json, a.getValue().values());
      json.append('}');
      separator = ", ";
    }
    json.append("], \"updatedAt\": ");
    json.append(flag.updatedAt() == null ? "null" : quoted(flag.updatedAt().toString()));
    json.append('}');
  }

  private static void appendStrings(StringBuilder json, Iterable<String> values) {
    json.append('[');
    String separator = "";
    for (String value : values) {
      json.append(separator).append(quoted(value));
      separator = ", ";
    }
    json.append(']');
  }

  static String quoted(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String text(Map<String, JsonNode> fields, String name) {
    JsonNode node = fields.get(name);
    return node == null || node.isNull() ? null : node.asString();
  }

  private static List<JsonNode> array(Map<String, JsonNode> fields, String name) {
    JsonNode node = fields.get(name);
    return node == null || node.isNull() ? List.of() : node.asArray();
  }

  private static List<String> strings(Map<String, JsonNode> fields, String name) {
    return array(fields, name).stream().map(JsonNode::asString).toList();
  }
}

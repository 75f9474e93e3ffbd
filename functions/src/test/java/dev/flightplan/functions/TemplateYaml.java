package dev.flightplan.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code template.yaml} read as plain YAML (it writes intrinsic functions in long form), with the
 * few look-ups the template tests share: resources by type, references between resources, and a
 * value as CloudFormation sees it when every parameter keeps its default.
 */
final class TemplateYaml {
  private static final Path TEMPLATE = Path.of("..", "template.yaml");

  private final JsonNode root;

  private TemplateYaml(JsonNode root) {
    this.root = root;
  }

  static TemplateYaml read() {
    try {
      return new TemplateYaml(new YAMLMapper().readTree(TEMPLATE.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TEMPLATE.toAbsolutePath(), e);
    }
  }

  /** The same template with {@code parameter} defaulting to {@code value}. */
  TemplateYaml withParameter(String parameter, String value) {
    JsonNode copy = root.deepCopy();
    JsonNode declared = copy.path("Parameters").path(parameter);
    if (!(declared instanceof ObjectNode node)) {
      throw new IllegalArgumentException("no parameter " + parameter);
    }
    node.put("Default", value);
    return new TemplateYaml(copy);
  }

  /** The whole template. */
  JsonNode root() {
    return root;
  }

  Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> found = new TreeMap<>();
    root.get("Resources")
        .properties()
        .forEach(
            resource -> {
              if (resource.getValue().path("Type").asText().equals(type)) {
                found.put(resource.getKey(), resource.getValue());
              }
            });
    return found;
  }

  Map<String, JsonNode> resources() {
    Map<String, JsonNode> all = new TreeMap<>();
    root.get("Resources").properties().forEach(entry -> all.put(entry.getKey(), entry.getValue()));
    return all;
  }

  JsonNode resource(String logicalId) {
    return root.path("Resources").path(logicalId);
  }

  /**
   * The resource a {@code Ref} or {@code Fn::GetAtt} names ({@code Ref: Fn.Alias} names {@code
   * Fn}); empty when the value is neither.
   */
  static String target(JsonNode value) {
    if (value.has("Ref")) {
      return value.get("Ref").asText().replaceFirst("\\.Alias$", "");
    }
    if (value.has("Fn::GetAtt")) {
      return value.get("Fn::GetAtt").get(0).asText();
    }
    return "";
  }

  static JsonNode ref(String logicalId) {
    return object().put("Ref", logicalId);
  }

  static JsonNode getAtt(String logicalId, String attribute) {
    ObjectNode node = object();
    node.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return node;
  }

  /**
   * The value with every parameter at its default: {@code Fn::If} takes its branch, {@code Ref} of
   * a parameter gives the default, and {@code AWS::NoValue} gives a missing node.
   */
  JsonNode withDefaults(JsonNode value) {
    if (value.has("Fn::If")) {
      JsonNode arguments = value.get("Fn::If");
      return withDefaults(arguments.get(condition(arguments.get(0).asText()) ? 1 : 2));
    }
    if (value.has("Ref")) {
      String name = value.get("Ref").asText();
      if (name.equals("AWS::NoValue")) {
        return MissingNode.getInstance();
      }
      JsonNode parameter = root.path("Parameters").path(name);
      return parameter.isMissingNode() ? value : parameter.path("Default");
    }
    return value;
  }

  boolean condition(String name) {
    JsonNode condition = root.path("Conditions").path(name);
    if (condition.isMissingNode()) {
      throw new IllegalArgumentException("no condition " + name);
    }
    return evaluate(condition);
  }

  private boolean evaluate(JsonNode condition) {
    if (condition.has("Fn::Not")) {
      return !evaluate(condition.get("Fn::Not").get(0));
    }
    if (condition.has("Fn::Equals")) {
      JsonNode operands = condition.get("Fn::Equals");
      return text(operands.get(0)).equals(text(operands.get(1)));
    }
    if (condition.has("Condition")) {
      return condition(condition.get("Condition").asText());
    }
    throw new IllegalArgumentException("cannot evaluate the condition " + condition);
  }

  private String text(JsonNode value) {
    if (value.has("Fn::Join")) {
      JsonNode arguments = value.get("Fn::Join");
      return String.join(arguments.get(0).asText(), texts(withDefaults(arguments.get(1))));
    }
    return withDefaults(value).asText();
  }

  /** A list, or a comma-delimited list parameter's default. */
  private static List<String> texts(JsonNode list) {
    List<String> texts = new ArrayList<>();
    if (list.isArray()) {
      list.forEach(element -> texts.add(element.asText()));
    } else if (!list.asText().isEmpty()) {
      texts.addAll(List.of(list.asText().split(",", -1)));
    }
    return texts;
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}

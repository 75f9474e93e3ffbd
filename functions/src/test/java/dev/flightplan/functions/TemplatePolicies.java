package dev.flightplan.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The inline IAM policies of the roles in {@code template.yaml}, at default parameters. */
final class TemplatePolicies {
  private final TemplateYaml template;

  TemplatePolicies(TemplateYaml template) {
    this.template = template;
  }

  /** Whether a statement of the role allows the action on exactly this resource. */
  boolean allows(String role, String action, JsonNode resource) {
    for (JsonNode policy : template.resource(role).at("/Properties/Policies")) {
      for (JsonNode written : policy.at("/PolicyDocument/Statement")) {
        JsonNode statement = template.withDefaults(written);
        if (statement.path("Effect").asText().equals("Allow")
            && actions(statement).contains(action)
            && resources(statement).contains(resource)) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> actions(JsonNode statement) {
    List<String> actions = new ArrayList<>();
    listed(statement.path("Action")).forEach(action -> actions.add(action.asText()));
    return actions;
  }

  private static List<JsonNode> resources(JsonNode statement) {
    return listed(statement.path("Resource"));
  }

  /** IAM takes one value or a list of them. */
  private static List<JsonNode> listed(JsonNode value) {
    List<JsonNode> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(values::add);
    } else {
      values.add(value);
    }
    return values;
  }
}

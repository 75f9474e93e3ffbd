package dev.flightplan.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds the plan tree from YAML parse events (SnakeYAML's parser, which jackson-dataformat-yaml
 * brings), stricter than a general loader: one document; no tags, anchors or aliases; keys are
 * scalars and unique; at most {@link PlanLimits#DEPTH} levels; scalars as {@link YamlScalars} reads
 * them. A violation is a {@link PlanException} naming the line, the column and the path.
 */
final class YamlTree {
  private static final String ONE_DOCUMENT = "a plan is one YAML document";

  private final Parser parser;

  /** A character refused even raw (a NEL would otherwise be read as a line break). */
  private final PlanText.Raw refused;

  private YamlTree(String text) {
    this.refused = PlanText.firstRawRefused(text);
    // The parser alone makes no objects, so alias and duplicate-key options have no say here.
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(PlanLimits.TEXT_CHARS);
    this.parser = new ParserImpl(new StreamReader(text), options);
  }

  /** The tree of {@code text}; missing when the text holds no document. */
  static JsonNode read(String text) {
    YamlTree tree = new YamlTree(text);
    try {
      return tree.stream();
    } catch (YAMLException e) {
      // A refused character (a NEL read as a line break) is the likelier cause.
      throw tree.refused != null
          ? tree.refused("")
          : new PlanException(List.of(SyntaxErrors.of(e, text)));
    }
  }

  private JsonNode stream() {
    parser.getEvent(); // stream start
    if (parser.checkEvent(Event.ID.StreamEnd)) {
      return MissingNode.getInstance();
    }
    parser.getEvent(); // document start
    JsonNode root = node("", 1);
    parser.getEvent(); // document end
    Event next = parser.getEvent();
    if (!next.is(Event.ID.StreamEnd)) {
      throw error(
          next.getStartMark(), "", ONE_DOCUMENT + "; a second one starts here", "remove it");
    }
    if (refused != null) {
      throw refused("");
    }
    return root;
  }

  private JsonNode node(String path, int depth) {
    Event event = parser.getEvent();
    if (event instanceof AliasEvent alias) {
      throw error(alias.getStartMark(), path, "aliases are not allowed", "write the value out");
    }
    checkPlain((NodeEvent) event, path);
    if (depth > PlanLimits.DEPTH) {
      throw error(
          event.getStartMark(), path, "nested deeper than " + PlanLimits.DEPTH + " levels", "");
    }
    return switch (event) {
      case ScalarEvent scalar -> scalar(scalar, path);
      case SequenceStartEvent ignored -> sequence(path, depth);
      case MappingStartEvent ignored -> mapping(path, depth);
      default -> throw new IllegalStateException("unexpected YAML event " + event);
    };
  }

  private JsonNode scalar(ScalarEvent scalar, String path) {
    if (!scalar.isPlain()) {
      return YamlScalars.text(scalar.getValue());
    }
    try {
      return YamlScalars.plain(scalar.getValue());
    } catch (IllegalArgumentException e) {
      throw error(scalar.getStartMark(), path, e.getMessage(), "");
    }
  }

  private ArrayNode sequence(String path, int depth) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      array.add(node(path + "[" + array.size() + "]", depth + 1));
    }
    parser.getEvent();
    return array;
  }

  private ObjectNode mapping(String path, int depth) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event event = parser.getEvent();
      if (!(event instanceof ScalarEvent key)) {
        throw error(event.getStartMark(), path, "a key must be a plain name", "");
      }
      checkPlain(key, path);
      String child = Node.childPath(path, key.getValue());
      if (key.getValue().length() > PlanLimits.KEY_CHARS) {
        throw error(
            key.getStartMark(),
            child,
            "a key longer than " + PlanLimits.KEY_CHARS + " characters",
            "");
      }
      if (object.has(key.getValue())) {
        throw error(
            key.getStartMark(),
            child,
            "Duplicate field '" + PlanText.excerpt(key.getValue(), PlanText.EXCERPT) + "'",
            "each key appears once in a mapping");
      }
      object.set(key.getValue(), node(child, depth + 1));
    }
    parser.getEvent();
    return object;
  }

  /**
   * Refuses a refused character inside the node, and tags and anchors: they have no meaning in a
   * plan, and a tag would smuggle in a type.
   */
  private void checkPlain(NodeEvent event, String path) {
    if (refused != null
        && event.getStartMark().getIndex() <= refused.index()
        && refused.index() < event.getEndMark().getIndex()) {
      throw refused(path);
    }
    String tag =
        switch (event) {
          case ScalarEvent scalar -> scalar.getTag();
          case CollectionStartEvent collection -> collection.getTag();
          default -> null;
        };
    if (tag != null) {
      throw error(
          event.getStartMark(),
          path,
          "tags are not allowed (" + PlanText.quote(tag) + ")",
          "write the value without a tag; quote it to make it text");
    }
    if (event.getAnchor() != null) {
      throw error(event.getStartMark(), path, "anchors are not allowed", "write the value out");
    }
  }

  private PlanException refused(String path) {
    String problem = refused.where() + "the character " + refused.character() + " is not allowed";
    return new PlanException(List.of(new FieldError(path, problem, PlanText.HINT)));
  }

  static PlanException error(Mark mark, String path, String problem, String hint) {
    String where = "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    return new PlanException(List.of(new FieldError(path, where + problem, hint)));
  }
}

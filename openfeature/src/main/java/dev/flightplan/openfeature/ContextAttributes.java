package dev.flightplan.openfeature;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.Value;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An evaluation context seen as the audience attributes the client matches: string values as they
 * are, booleans as {@code "true"}/{@code "false"}, anything else absent. Audience matching only
 * calls {@link #get}, which reads the context in place, so an evaluation copies nothing; one view
 * per thread is reused.
 */
final class ContextAttributes extends AbstractMap<String, String> {
  private static final ThreadLocal<ContextAttributes> VIEW =
      ThreadLocal.withInitial(ContextAttributes::new);

  private EvaluationContext context;

  private ContextAttributes() {}

  /** This thread's view of {@code context}, valid until the thread's next call. */
  static ContextAttributes of(EvaluationContext context) {
    ContextAttributes view = VIEW.get();
    view.context = context;
    return view;
  }

  @Override
  public String get(Object key) {
    if (!(key instanceof String name) || context == null) {
      return null;
    }
    return text(context.getValue(name));
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  /** A copy, for callers other than the matcher. */
  @Override
  public Set<Entry<String, String>> entrySet() {
    Map<String, String> copy = new HashMap<>();
    if (context != null) {
      context
          .asMap()
          .forEach(
              (key, value) -> {
                String text = text(value);
                if (text != null) {
                  copy.put(key, text);
                }
              });
    }
    return copy.entrySet();
  }

  private static String text(Value value) {
    if (value == null) {
      return null;
    }
    if (value.isString()) {
      return value.asString();
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "true" : "false";
    }
    return null;
  }
}

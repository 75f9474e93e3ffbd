package dev.flightplan.functions.api;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entity tags derived from a rollout's stored version: version 7 is {@code "v7"}. The version moves
 * on every write, so the tag changes whenever plan or state does.
 */
public final class EntityTags {
  private static final Pattern STRONG_TAG = Pattern.compile("\"v[0-9]{1,19}\"");

  private EntityTags() {}

  public static String of(long version) {
    return "\"v" + version + "\"";
  }

  /**
   * What an {@code If-Match} header accepts (RFC 9110 §13.1.1): {@code *}, any current version; or
   * the versions its strong tags name, any of them. {@code If-Match} compares strongly, so a weak
   * tag ({@code W/"v7"}) matches nothing, and neither does a tag not made here.
   */
  public record IfMatch(boolean any, Set<Long> versions) {
    public IfMatch {
      versions = Set.copyOf(versions);
    }

    public boolean matches(long version) {
      return any || versions.contains(version);
    }

    /** The one version asked for, when the header names exactly one and no {@code *}. */
    public OptionalLong single() {
      return !any && versions.size() == 1
          ? OptionalLong.of(versions.iterator().next())
          : OptionalLong.empty();
    }
  }

  public static IfMatch parseIfMatch(String header) {
    boolean any = false;
    Set<Long> versions = new HashSet<>();
    for (String raw : header.split(",")) {
      String tag = raw.strip();
      if (tag.equals("*")) {
        any = true;
      } else {
        version(tag).ifPresent(versions::add);
      }
    }
    return new IfMatch(any, versions);
  }

  private static Optional<Long> version(String tag) {
    if (!STRONG_TAG.matcher(tag).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(tag.substring(2, tag.length() - 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

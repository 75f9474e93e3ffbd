package dev.flightplan.functions.api;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Entity tags derived from a rollout's stored version: version 7 is {@code "v7"}. The version moves
 * on every write, so the tag changes whenever plan or state does.
 */
public final class EntityTags {
  private EntityTags() {}

  public static String of(long version) {
    return "\"v" + version + "\"";
  }

  /**
   * What an {@code If-Match} header accepts: {@code *}, or the versions named by its tags. Weak
   * tags ({@code W/"v7"}) count as their version; tags not made here match nothing.
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
    String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
    if (strong.length() < 4 || !strong.startsWith("\"v") || !strong.endsWith("\"")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(strong.substring(2, strong.length() - 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

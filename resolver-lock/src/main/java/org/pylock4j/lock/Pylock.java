package org.pylock4j.lock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.requirement.ProjectName;

/**
 * A PEP 751 lock file ({@code pylock.toml}, lock-version 1.0), key for key.
 *
 * <p>Read one with {@link LockFiles#readPylock(java.nio.file.Path)}, build one with {@link
 * LockFiles#fromResolution}, print one with {@link LockFiles#writePylock}. Writing then reading
 * gives an equal value.
 *
 * @param lockVersion {@code lock-version}, {@code "1.0"}
 * @param environments {@code environments}: markers of the environments the lock is for; empty
 *     when not recorded
 * @param requiresPython {@code requires-python}, or null
 * @param extras {@code extras} of the locked project; empty when none
 * @param dependencyGroups {@code dependency-groups}; empty when none
 * @param defaultGroups {@code default-groups}; empty when none
 * @param createdBy {@code created-by}: the tool that wrote it
 * @param packages {@code [[packages]]}, in file order
 * @param tool {@code [tool]}: tool name to its table (TOML values as {@link String}, {@link
 *     Long}, {@link Double}, {@link Boolean}, {@code java.time} values (an {@code Instant} is kept
 *     as an {@code OffsetDateTime} in UTC), {@link List} and {@link Map}), in file order
 */
public record Pylock(
    String lockVersion,
    List<String> environments,
    String requiresPython,
    List<String> extras,
    List<String> dependencyGroups,
    List<String> defaultGroups,
    String createdBy,
    List<PylockPackage> packages,
    Map<String, Object> tool) implements LockFile {

  /** The only lock-version this library writes. */
  public static final String LOCK_VERSION = "1.0";

  /**
   * Copies the collections; checks the required keys.
   *
   * @param lockVersion {@code lock-version}, {@code "1.0"}
   * @param environments {@code environments}: markers of the environments the lock is for; empty
   *     when not recorded
   * @param requiresPython {@code requires-python}, or null
   * @param extras {@code extras} of the locked project; empty when none
   * @param dependencyGroups {@code dependency-groups}; empty when none
   * @param defaultGroups {@code default-groups}; empty when none
   * @param createdBy {@code created-by}: the tool that wrote it
   * @param packages {@code [[packages]]}, in file order
   * @param tool {@code [tool]}: tool name to its table (TOML values as {@link String}, {@link
   *     Long}, {@link Double}, {@link Boolean}, {@code java.time} values (an {@code Instant} is
   *     kept as an {@code OffsetDateTime} in UTC), {@link List} and {@link Map}), in file order
   */
  public Pylock {
    Objects.requireNonNull(lockVersion, "lockVersion");
    Objects.requireNonNull(createdBy, "createdBy");
    environments = List.copyOf(environments);
    extras = List.copyOf(extras);
    dependencyGroups = List.copyOf(dependencyGroups);
    defaultGroups = List.copyOf(defaultGroups);
    packages = List.copyOf(packages);
    tool = copyTable(tool);
  }

  /** Returns {@link LockFormat#PYLOCK}. */
  @Override
  public LockFormat format() {
    return LockFormat.PYLOCK;
  }

  /**
   * The entries named {@code name} (a lock may hold several, e.g. under different markers).
   *
   * @param name the project, must not be null
   * @return the packages by that name, empty when none; never null
   */
  public List<PylockPackage> find(ProjectName name) {
    List<PylockPackage> found = new ArrayList<>();
    for (PylockPackage p : packages) {
      if (p.name().equals(name)) {
        found.add(p);
      }
    }
    return found;
  }

  /** {@return the requires-python, if recorded} */
  public Optional<String> requiresPythonIfAny() {
    return Optional.ofNullable(requiresPython);
  }

  /**
   * {@return the root requirements pylock4j recorded in {@code [tool.pylock4j]}, empty when none}
   */
  public List<String> pylock4jRequirements() {
    if (tool.get("pylock4j") instanceof Map<?, ?> own
        && own.get("requirements") instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        out.add(String.valueOf(o));
      }
      return List.copyOf(out);
    }
    return List.of();
  }

  /**
   * The target's PEP 508 marker values pylock4j recorded in {@code [tool.pylock4j.markers]}
   * (variable name to value, sorted by name), empty when none.
   *
   * @return the marker values, never null
   */
  public Map<String, String> pylock4jMarkers() {
    if (tool.get("pylock4j") instanceof Map<?, ?> own
        && own.get("markers") instanceof Map<?, ?> markers) {
      Map<String, String> out = new java.util.TreeMap<>();
      markers.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
      return Collections.unmodifiableMap(out);
    }
    return Map.of();
  }

  /** An unmodifiable copy of a TOML table that keeps the key order (nested tables too). */
  static Map<String, Object> copyTable(Map<String, Object> table) {
    Map<String, Object> copy = new LinkedHashMap<>();
    table.forEach((k, v) -> copy.put(Objects.requireNonNull(k), copyValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    Objects.requireNonNull(value, "TOML has no null");
    if (value instanceof Map<?, ?> m) {
      return copyTable((Map<String, Object>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(copyValue(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
    return value;
  }
}

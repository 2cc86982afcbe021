package org.pylock4j.resolve;

import java.util.List;
import java.util.Objects;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.version.SpecifierSet;

/**
 * The environments a universal lock covers (uv's {@code lock}, PEP 751 {@code environments}):
 * every OS, architecture and Python implementation, every Python the project's {@code
 * requires-python} admits, narrowed to the {@code environments} markers when there are any.
 *
 * <p>In every environment matching one of {@code requiredEnvironments} (uv's {@code
 * required-environments}), every package the lock installs there must have a file it can install
 * (a compatible wheel, or an sdist); the resolution picks other versions where that fails, or
 * explains why it cannot. The check is made for CPython and PyPy 3.8 to 3.14 on the platforms of
 * {@link org.pylock4j.requirement.MarkerEnvironment.Platform}.
 *
 * <pre>{@code
 * UniversalTarget all = UniversalTarget.of(SpecifierSet.parse(">=3.9"))
 *     .withEnvironments(List.of(Marker.parse("sys_platform == 'linux' or sys_platform == 'darwin'")));
 * }</pre>
 *
 * @param requiresPython the Pythons the lock covers (written to the lock as {@code
 *     requires-python})
 * @param environments markers of the environments covered; empty for all
 * @param requiredEnvironments markers of environments every installed package must have a file for
 * @param maxForks how many times the resolution may split the environments into regions that
 *     resolve separately before it gives up (a limit: exceeding it is an error naming {@code
 *     maxForks}); the default is 64
 */
public record UniversalTarget(
    SpecifierSet requiresPython,
    List<Marker> environments,
    List<Marker> requiredEnvironments,
    int maxForks) {

  /** The default {@link #maxForks()}. */
  public static final int DEFAULT_MAX_FORKS = 64;

  /**
   * Copies the lists; checks {@code maxForks}.
   *
   * @param requiresPython the Pythons the lock covers (written to the lock as {@code
   *     requires-python})
   * @param environments markers of the environments covered; empty for all
   * @param requiredEnvironments markers of environments every installed package must have a file
   *     for
   * @param maxForks how many times the resolution may split the environments into regions that
   *     resolve separately before it gives up (a limit: exceeding it is an error naming {@code
   *     maxForks}); the default is 64
   */
  public UniversalTarget {
    Objects.requireNonNull(requiresPython, "requiresPython");
    environments = List.copyOf(environments);
    requiredEnvironments = List.copyOf(requiredEnvironments);
    if (maxForks < 0) {
      throw new IllegalArgumentException("maxForks must not be negative, was " + maxForks);
    }
  }

  /**
   * Every environment whose Python {@code requiresPython} admits.
   *
   * @param requiresPython e.g. {@code >=3.9}, must not be null
   * @return the target, never null
   */
  public static UniversalTarget of(SpecifierSet requiresPython) {
    return new UniversalTarget(requiresPython, List.of(), List.of(), DEFAULT_MAX_FORKS);
  }

  /**
   * This target covering only environments matching one of {@code markers}; never null.
   *
   * @param markers the environments, must not be null
   * @return a copy with these environments, never null
   */
  public UniversalTarget withEnvironments(List<Marker> markers) {
    return new UniversalTarget(requiresPython, markers, requiredEnvironments, maxForks);
  }

  /**
   * This target requiring installable files in environments matching {@code markers}.
   *
   * @param markers the required environments, must not be null
   * @return a copy with these required environments, never null
   */
  public UniversalTarget withRequiredEnvironments(List<Marker> markers) {
    return new UniversalTarget(requiresPython, environments, markers, maxForks);
  }

  /**
   * This target with another fork limit; never null.
   *
   * @param maxForks the largest number of forks, must be positive
   * @return a copy with this limit, never null
   */
  public UniversalTarget withMaxForks(int maxForks) {
    return new UniversalTarget(requiresPython, environments, requiredEnvironments, maxForks);
  }

  /**
   * {@return the environments covered: {@code requiresPython} and one of {@code environments}; never null}
   */
  public MarkerTree covered() {
    MarkerTree python = MarkerTree.requiresPython(requiresPython);
    if (environments.isEmpty()) {
      return python;
    }
    MarkerTree any = MarkerTree.never();
    for (Marker m : environments) {
      any = any.or(MarkerTree.of(m));
    }
    return python.and(any);
  }
}

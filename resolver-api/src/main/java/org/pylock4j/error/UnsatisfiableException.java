package org.pylock4j.error;

import java.util.List;

/**
 * No set of versions satisfies the request. Not a failure of pylock4j: a proof, rendered as
 * requirement chains a person can act on.
 *
 * <p>{@link #causes()} holds one line per clause group of a minimal unsatisfiable core, e.g.
 * {@code "app requires a>=2"}, {@code "a 2.1 requires b<1"}, {@code "c 1.0 requires b>=2"}.
 */
public class UnsatisfiableException extends PylockException {
  private static final long serialVersionUID = 1L;

  private final List<String> causes;

  /**
   * Creates the exception.
   *
   * @param message the whole explanation, must not be null
   * @param causes one line per cause in the minimal core, must not be null
   */
  public UnsatisfiableException(String message, List<String> causes) {
    super(message);
    this.causes = List.copyOf(causes);
  }

  /** One line per cause of the minimal unsatisfiable core, never null. */
  public List<String> causes() {
    return causes;
  }
}

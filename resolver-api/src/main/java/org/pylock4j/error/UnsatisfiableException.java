package org.pylock4j.error;

import java.util.List;
import org.pylock4j.resolve.ConflictCause;

/**
 * No set of versions satisfies the request. Not a failure of pylock4j: a proof, rendered as
 * requirement chains a person can act on.
 *
 * <p>{@link #causes()} holds one line per clause group of a minimal unsatisfiable core, e.g.
 * {@code "root requires a>=2"}, {@code "a 2.1 requires b<1"}, {@code "c 1.0 requires b>=2"};
 * {@link #conflict()} holds the same causes as data.
 */
public class UnsatisfiableException extends PylockException {
  private static final long serialVersionUID = 1L;

  /** One line per cause of the minimal unsatisfiable core. */
  private final List<String> causes;
  private final transient List<ConflictCause> conflict;

  /**
   * Creates the exception without structured causes.
   *
   * @param message the whole explanation, must not be null
   * @param causes one line per cause in the minimal core, must not be null
   */
  public UnsatisfiableException(String message, List<String> causes) {
    this(message, causes, List.of());
  }

  /**
   * Creates the exception.
   *
   * @param message the whole explanation, must not be null
   * @param causes one line per cause in the minimal core, must not be null
   * @param conflict the causes as data, in the order of {@code causes}, must not be null
   */
  public UnsatisfiableException(String message, List<String> causes, List<ConflictCause> conflict) {
    super(message);
    this.causes = List.copyOf(causes);
    this.conflict = List.copyOf(conflict);
  }

  /** {@return one line per cause of the minimal unsatisfiable core, never null} */
  public List<String> causes() {
    return causes;
  }

  /** {@return the causes as data, never null; empty when the thrower gave none} */
  public List<ConflictCause> conflict() {
    return conflict == null ? List.of() : conflict;
  }
}

package org.pylock4j.trust;

import java.util.List;
import org.pylock4j.error.InvalidInputException;

/**
 * Requested names look like popular projects' names and the check is strict ({@code lock
 * --strict}). The message lists every warning, one a line after the first.
 */
public class TyposquatException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<TyposquatWarning> warnings;

  /**
   * Creates the exception.
   *
   * @param warnings the warnings, at least one, must not be null
   */
  public TyposquatException(List<TyposquatWarning> warnings) {
    super(reason(warnings), warnings.get(0).name().normalized());
    this.warnings = List.copyOf(warnings);
  }

  private static String reason(List<TyposquatWarning> warnings) {
    StringBuilder b = new StringBuilder("requested name looks like a typosquat (allow it explicitly if it is intended): ");
    b.append(warnings.get(0).message());
    for (TyposquatWarning w : warnings.subList(1, warnings.size())) {
      b.append('\n').append(w.message());
    }
    return b.toString();
  }

  /** {@return the warnings, never empty} */
  public List<TyposquatWarning> warnings() {
    return warnings == null ? List.of() : warnings;
  }
}

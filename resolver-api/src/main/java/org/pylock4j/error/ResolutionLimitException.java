package org.pylock4j.error;

/**
 * A resolution breached one of the limits of {@link org.pylock4j.resolve.ResolverOptions}; the
 * message names the setting, its value and what was reached.
 */
public class ResolutionLimitException extends PylockException {
  private static final long serialVersionUID = 1L;

  /** The name of the breached setting. */
  private final String setting;

  /**
   * Creates the exception.
   *
   * @param setting the name of the breached setting, e.g. {@code "maxRounds"}, must not be null
   * @param message what was reached, naming the setting, must not be null
   */
  public ResolutionLimitException(String setting, String message) {
    super(message);
    this.setting = setting;
  }

  /** {@return the name of the breached setting of {@link org.pylock4j.resolve.ResolverOptions}} */
  public String setting() {
    return setting;
  }
}

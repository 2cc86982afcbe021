package org.pylock4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pylock4j.error.InvalidInputException;

/** Lock files given to {@code audit} and {@code diff}: pylock.toml or a requirements file. */
final class LockInput {

  private LockInput() {}

  /** Whether {@code lock} is read as a pylock.toml (by its name), after checking it exists. */
  static boolean isPylock(Path lock) {
    if (!Files.isRegularFile(lock)) {
      throw new InvalidInputException("no such file: " + lock, lock.toString());
    }
    return lock.getFileName().toString().endsWith(".toml");
  }
}

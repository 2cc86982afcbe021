package org.pylock4j.locker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionStatistics;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.trust.BuildReport;
import org.pylock4j.trust.TyposquatWarning;

/**
 * What {@link Locker#lock} made: the lock (model and text), the resolution behind it, and what a
 * person should know about it. Nothing is written until {@link #write()} is called.
 *
 * @param lock the lock model: a {@code Pylock} or a {@code RequirementsTxt}, as {@link #format()}
 * @param text the lock's text, exactly what is written
 * @param format the lock's format
 * @param output where the request said to write it, or null for nowhere (stdout)
 * @param resolution the resolution the lock was made from
 * @param target the environment locked for
 * @param warnings warnings for a person, in the order they arose (index warnings, unhashed files,
 *     extras; the trust findings below are listed separately)
 * @param typosquats requested names that look like a popular project's
 * @param builds locked packages an installer would have to build (sdist only)
 * @param publisherDrift publisher identities that changed or vanished since the lock replaced
 * @param statistics the resolver's statistics
 */
public record LockResult(
    LockFile lock,
    String text,
    LockFormat format,
    Path output,
    Resolution resolution,
    TargetEnvironment target,
    List<String> warnings,
    List<TyposquatWarning> typosquats,
    List<BuildReport.Build> builds,
    List<LockDrift> publisherDrift,
    ResolutionStatistics statistics) {

  /**
   * Checks and copies the fields.
   *
   * @param lock the lock model: a {@code Pylock} or a {@code RequirementsTxt}, as {@link #format()}
   * @param text the lock's text, exactly what is written
   * @param format the lock's format
   * @param output where the request said to write it, or null for nowhere (stdout)
   * @param resolution the resolution the lock was made from
   * @param target the environment locked for
   * @param warnings warnings for a person, in the order they arose (index warnings, unhashed files,
   *     extras; the trust findings below are listed separately)
   * @param typosquats requested names that look like a popular project's
   * @param builds locked packages an installer would have to build (sdist only)
   * @param publisherDrift publisher identities that changed or vanished since the lock replaced
   * @param statistics the resolver's statistics
   */
  public LockResult {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(target, "target");
    warnings = List.copyOf(warnings);
    typosquats = List.copyOf(typosquats);
    builds = List.copyOf(builds);
    publisherDrift = List.copyOf(publisherDrift);
    Objects.requireNonNull(statistics, "statistics");
  }

  /** {@return the lock's text as UTF-8 bytes} */
  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@return where the request said to write the lock, if anywhere} */
  public Optional<Path> outputIfAny() {
    return Optional.ofNullable(output);
  }

  /**
   * Writes the lock to {@link #output()} atomically: a failure leaves an existing lock as it was.
   *
   * @throws IllegalStateException when the request named no output
   * @throws org.pylock4j.error.PylockException when the file cannot be written
   */
  public void write() {
    if (output == null) {
      throw new IllegalStateException("output was not set in the request: use write(Path)");
    }
    write(output);
  }

  /**
   * Writes the lock to {@code path} atomically. Relative paths recorded in the lock are relative
   * to the request's output, so write elsewhere only when that is the same directory.
   *
   * @param path the file, must not be null
   * @throws org.pylock4j.error.PylockException when the file cannot be written
   */
  public void write(Path path) {
    LockFiles.write(path, text);
  }
}

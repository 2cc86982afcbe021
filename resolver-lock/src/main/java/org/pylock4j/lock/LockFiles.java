package org.pylock4j.lock;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.pylock4j.internal.Failures;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.input.InputFiles;
import org.pylock4j.internal.Redaction;
import org.pylock4j.resolve.Resolution;

/**
 * Reads and writes lock files: PEP 751 {@code pylock.toml} and requirements files in
 * pip-compile's shape.
 *
 * <pre>{@code
 * Resolution resolution = resolver.resolve(request);
 * Pylock lock = LockFiles.fromResolution(resolution, LockOptions.defaults());
 * LockFiles.write(Path.of("pylock.toml"), LockFiles.writePylock(lock));
 * }</pre>
 *
 * <p>Output is deterministic: equal resolutions and options give byte-identical text (no clock is
 * read; a generation time is written only when {@link LockOptions.Builder#generatedAt} sets one).
 * Writing to disk is atomic: a failure leaves an existing lock byte for byte as it was.
 *
 * <p>No secret is written: the password of a URL's userinfo (an index, a direct URL) appears as
 * {@code ****}, a token given as the user name is replaced whole.
 */
public final class LockFiles {

  private LockFiles() {}

  /**
   * The {@code pylock.toml} model of {@code resolution}: packages sorted by name, wheels sorted
   * by file name, one sdist (a {@code .tar.gz} when there is one), {@code created-by =
   * "pylock4j"}.
   *
   * @param resolution the resolution, must not be null
   * @param options how to write it, must not be null
   * @return the lock, never null
   * @throws PylockException when a locked file has no hash
   */
  public static Pylock fromResolution(Resolution resolution, LockOptions options) {
    return PylockBuilder.build(
        Objects.requireNonNull(resolution, "resolution"), Objects.requireNonNull(options));
  }

  /**
   * Prints {@code lock} as {@code pylock.toml} text.
   *
   * @param lock the lock, must not be null
   * @return the TOML text, never null
   */
  public static String writePylock(Pylock lock) {
    return Redaction.redact(PylockWriter.write(Objects.requireNonNull(lock, "lock")));
  }

  /**
   * Prints {@code lock} as {@code pylock.toml} text, like {@link #writePylock(Pylock)}, without
   * the leading {@code # This file is @generated …} comment line when {@code options} say {@link
   * LockOptions#header() no header}.
   *
   * @param lock the lock, must not be null
   * @param options how to write it, must not be null
   * @return the TOML text, never null
   */
  public static String writePylock(Pylock lock, LockOptions options) {
    return Redaction.redact(PylockWriter.write(Objects.requireNonNull(lock, "lock"),
        Objects.requireNonNull(options, "options").header()));
  }

  /**
   * Reads {@code pylock.toml} text.
   *
   * @param text the TOML text, must not be null
   * @param fileName the name to report in errors, or null
   * @return the lock, never null
   * @throws InvalidLockFileException naming the line, column and key that is wrong
   */
  public static Pylock readPylock(String text, String fileName) {
    return PylockReader.read(Objects.requireNonNull(text, "text"), fileName);
  }

  /**
   * Reads a {@code pylock.toml} file.
   *
   * @param path the file, must not be null
   * @return the lock, never null
   * @throws InvalidLockFileException naming the file, line, column and key that is wrong
   * @throws PylockException when the file cannot be read
   */
  public static Pylock readPylock(Path path) {
    return readPylock(path, InputFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a {@code pylock.toml} file, refusing it when larger than {@code maxBytes}.
   *
   * @param path the file, must not be null
   * @param maxBytes the most bytes the file may have (see {@link InputFiles#read})
   * @return the lock, never null
   * @throws InvalidLockFileException naming the file, line, column and key that is wrong
   * @throws InvalidInputException when the file cannot be read, is too large or is not UTF-8,
   *     naming it
   */
  public static Pylock readPylock(Path path, long maxBytes) {
    return readPylock(readText(path, maxBytes), path.toString());
  }

  /**
   * Reads a lock of either format. The format is decided by the content: a file with a TOML
   * {@code lock-version} key, or whose first line that is not blank or a comment is a TOML
   * table header or a {@code key = value} pair, is a {@code pylock.toml}; anything else is a
   * requirements file of pins. The file name is only a hint: a name ending in {@code .toml} is
   * read as {@code pylock.toml} (so a broken one gets the TOML reader's error).
   *
   * @param path the file, must not be null
   * @return the lock, never null
   * @throws org.pylock4j.error.InvalidInputException when {@code path} is not a regular file
   * @throws InvalidLockFileException naming the file, line, column (and key) that is wrong
   * @throws PylockException when the file cannot be read
   */
  public static LockFile read(Path path) {
    return read(path, InputFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a lock of either format, as {@link #read(Path)} does, refusing it when larger than
   * {@code maxBytes}.
   *
   * @param path the file, must not be null
   * @param maxBytes the most bytes the file may have (see {@link InputFiles#read})
   * @return the lock, never null
   * @throws InvalidInputException when {@code path} is not a regular file, cannot be read, is
   *     too large or is not UTF-8, naming it
   * @throws InvalidLockFileException naming the file, line, column (and key) that is wrong
   */
  public static LockFile read(Path path, long maxBytes) {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(
          Files.exists(path) ? path + " is not a regular file" : "no such file: " + path,
          path.toString());
    }
    return read(readText(path, maxBytes), path.toString());
  }

  /**
   * Reads lock text of either format, decided as {@link #read(Path)} does.
   *
   * @param text the text, must not be null
   * @param fileName the name to report in errors and to take as a hint, or null
   * @return the lock, never null
   * @throws InvalidLockFileException naming the line, column (and key) that is wrong
   */
  public static LockFile read(String text, String fileName) {
    return formatOf(Objects.requireNonNull(text, "text"), fileName) == LockFormat.PYLOCK
        ? readPylock(text, fileName)
        : readRequirementsTxt(text, fileName);
  }

  /** The format of lock {@code text}: the one place it is decided. */
  static LockFormat formatOf(String text, String fileName) {
    if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".toml")) {
      return LockFormat.PYLOCK;
    }
    if (LOCK_VERSION_KEY.matcher(text).find()) {
      return LockFormat.PYLOCK;
    }
    for (String line : text.lines().toList()) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      return l.startsWith("[") || TOML_PAIR.matcher(l).lookingAt()
          ? LockFormat.PYLOCK
          : LockFormat.REQUIREMENTS;
    }
    return fileName == null ? LockFormat.REQUIREMENTS : LockFormat.forFileName(fileName);
  }

  private static final java.util.regex.Pattern LOCK_VERSION_KEY =
      java.util.regex.Pattern.compile("(?m)^\\s*[\"']?lock-version[\"']?\\s*=");

  /** {@code key = value}: one {@code =}, not a PEP 440 {@code ==} or {@code ===}. */
  private static final java.util.regex.Pattern TOML_PAIR =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.\"'-]+\\s*=(?!=)");

  /**
   * Prints {@code resolution} as a requirements file that {@code pip install --require-hashes
   * -r} accepts: a header comment, then per package (sorted by name) {@code name==version \},
   * one {@code --hash=sha256:…} line per file, and {@code # via} comments naming who required
   * it ({@code -r FILE} for a root, see {@link LockOptions#inputFile}).
   *
   * @param resolution the resolution, must not be null
   * @param options how to write it, must not be null
   * @return the text, never null
   * @throws PylockException when a locked file has no sha256, sha384 or sha512
   */
  public static String writeRequirementsTxt(Resolution resolution, LockOptions options) {
    return Redaction.redact(RequirementsTxtWriter.write(
        Objects.requireNonNull(resolution, "resolution"), Objects.requireNonNull(options)));
  }

  /**
   * Prints {@code lock} as a requirements file, like {@link #writeRequirementsTxt(Resolution,
   * LockOptions)}; {@code # via} comes from the packages' dependencies and the root
   * requirements recorded in {@code [tool.pylock4j]}. PEP 751 records no extras per package, so
   * none are written (every dependency an extra brings is pinned on its own line anyway), and
   * only the one sdist a {@code pylock.toml} keeps is hashed.
   *
   * @param lock the lock, must not be null
   * @param options how to write it, must not be null
   * @return the text, never null
   */
  public static String writeRequirementsTxt(Pylock lock, LockOptions options) {
    return Redaction.redact(RequirementsTxtWriter.write(
        Objects.requireNonNull(lock, "lock"), Objects.requireNonNull(options)));
  }

  /**
   * Reads a requirements file of pins, e.g. to prefer the versions of an existing lock.
   *
   * @param text the text, must not be null
   * @param fileName the name to report in errors, or null
   * @return the pins, never null
   * @throws InvalidLockFileException naming the line and column of a line that is not a pin
   */
  public static RequirementsTxt readRequirementsTxt(String text, String fileName) {
    return RequirementsTxtReader.read(Objects.requireNonNull(text, "text"), fileName);
  }

  /**
   * Reads a requirements file of pins.
   *
   * @param path the file, must not be null
   * @return the pins, never null
   * @throws InvalidLockFileException naming the file, line and column of a bad line
   * @throws PylockException when the file cannot be read
   */
  public static RequirementsTxt readRequirementsTxt(Path path) {
    return readRequirementsTxt(path, InputFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * Reads a requirements file of pins, refusing it when larger than {@code maxBytes}.
   *
   * @param path the file, must not be null
   * @param maxBytes the most bytes the file may have (see {@link InputFiles#read})
   * @return the pins, never null
   * @throws InvalidLockFileException naming the file, line and column of a bad line
   * @throws InvalidInputException when the file cannot be read, is too large or is not UTF-8,
   *     naming it
   */
  public static RequirementsTxt readRequirementsTxt(Path path, long maxBytes) {
    return readRequirementsTxt(readText(path, maxBytes), path.toString());
  }

  /**
   * Writes {@code content} (UTF-8) to {@code target} atomically: into a new file in the same
   * directory, flushed to disk, then moved over {@code target} with {@code ATOMIC_MOVE}. On any
   * failure the temporary file is removed and an existing {@code target} is untouched. A
   * replaced file keeps its POSIX permissions. A symbolic link is written through: the file it
   * points to is replaced atomically and the link stays. A target that exists and is not a
   * regular file (a device such as {@code /dev/null}, a FIFO, a directory) is refused.
   *
   * @param target the lock file, must not be null; its directory must exist
   * @param content the text, must not be null
   * @throws InvalidInputException when {@code target} is not a regular file
   * @throws PylockException when the file cannot be written
   */
  public static void write(Path target, String content) {
    Objects.requireNonNull(content, "content");
    write(target, w -> w.write(content));
  }

  /** Produces a file's content; may fail, in which case nothing is replaced. */
  @FunctionalInterface
  interface ContentWriter {
    void writeTo(Writer writer) throws IOException;
  }

  static void write(Path target, ContentWriter content) {
    Path absolute = regularTarget(Objects.requireNonNull(target, "target").toAbsolutePath(), target);
    Path dir = absolute.getParent();
    Path temp = null;
    try {
      temp = createTemp(dir, absolute.getFileName().toString());
      try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      }
      try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      copyPermissions(absolute, temp);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new PylockException("cannot replace " + target + " atomically: the file system "
            + "does not support atomic moves", e);
      }
      temp = null;
      syncDirectory(dir);
    } catch (NoSuchFileException e) {
      // the caller named a place that does not exist: bad input, not a failure of the tool
      throw new InvalidInputException("cannot write " + target + ": no such directory " + dir,
          target.toString());
    } catch (IOException | RuntimeException e) {
      throw e instanceof PylockException p ? p
          : new PylockException("cannot write " + target + ": " + Failures.describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the original failure matters more
        }
      }
    }
  }

  /**
   * The file a write to {@code path} replaces: {@code path} itself, or the file its chain of
   * symbolic links ends at (the link stays a link). Anything but a regular file or nothing there
   * yet is refused: renaming over a device, a FIFO or a directory would replace it.
   *
   * @throws InvalidInputException naming {@code given} when it is not a regular file
   */
  private static Path regularTarget(Path path, Path given) {
    Path current = path;
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == 40) {
        throw new InvalidInputException("cannot write " + given + ": too many levels of symbolic "
            + "links", given.toString());
      }
      try {
        Path link = Files.readSymbolicLink(current);
        current = current.resolveSibling(link).toAbsolutePath().normalize();
      } catch (IOException e) {
        throw new PylockException("cannot write " + given + ": cannot read the symbolic link "
            + current + " (" + e.getMessage() + ")", e);
      }
    }
    if (Files.exists(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      String what = Files.isDirectory(current, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "a directory"
          : "not a regular file (a device, a FIFO or a socket)";
      throw new InvalidInputException("cannot write the lock to " + given + (current.equals(path)
          ? "" : " (a link to " + current + ")") + ": it is " + what
          + "; give the path of a regular file", given.toString());
    }
    Path parent = current.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      // a dangling link into a directory that does not exist: refused before any temporary file
      throw new InvalidInputException("cannot write " + given + (current.equals(path) ? ""
          : " (a link to " + current + ")") + ": no such directory " + parent, given.toString());
    }
    return current;
  }

  private static Path createTemp(Path dir, String name) throws IOException {
    while (true) {
      Path temp = dir.resolve("." + name + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException retry) {
        // another name
      }
    }
  }

  /** Flushes the directory entry of the move where the platform allows it (not on Windows). */
  private static void syncDirectory(Path dir) {
    try (var channel = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the move itself is atomic either way
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (source != null && Files.exists(from)) {
      Files.getFileAttributeView(to, PosixFileAttributeView.class)
          .setPermissions(source.readAttributes().permissions());
    }
  }

  private static String readText(Path path, long maxBytes) {
    return InputFiles.read(path, maxBytes);
  }
}

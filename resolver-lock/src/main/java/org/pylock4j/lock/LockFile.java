package org.pylock4j.lock;

/**
 * A lock read from a file: a PEP 751 {@link Pylock} or a {@link RequirementsTxt} of pins. Read
 * either with {@link LockFiles#read(java.nio.file.Path)}, which decides the format from the
 * content (the file name is only a hint), then switch on the case:
 *
 * <pre>{@code
 * switch (LockFiles.read(path)) {
 *   case Pylock p -> ...;          // Java 21; on 17, instanceof patterns
 *   case RequirementsTxt r -> ...;
 * }
 * }</pre>
 */
public sealed interface LockFile permits Pylock, RequirementsTxt {

  /** {@return the format of this lock} */
  LockFormat format();
}

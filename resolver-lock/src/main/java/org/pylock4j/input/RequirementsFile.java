package org.pylock4j.input;

import org.pylock4j.lines.LogicalLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.InvalidRequirementException;
import org.pylock4j.requirement.Requirement;

/**
 * A pip requirements file ({@code requirements.in}, {@code requirements.txt}, a constraints file),
 * read with the files it includes.
 *
 * <p>Follows pip's syntax: {@code #} comments (at the start of a line or after whitespace), lines
 * continued with a trailing backslash, {@code ${VAR}} environment variables, nested {@code -r} /
 * {@code --requirement} and {@code -c} / {@code --constraint} files resolved against the directory
 * of the file that names them, {@code -i} / {@code --index-url}, {@code --extra-index-url}, {@code
 * --no-index}, {@code --pre}, {@code --only-binary :all:}, and {@code --hash} options after a
 * requirement. Requirements are PEP 508, including {@code name @ url}.
 *
 * <p>Refused, with an error naming file, line and column: editable requirements ({@code -e}; they
 * need a build), bare paths and URLs without a name, an environment variable that is not set, an
 * option pylock4j does not support, a file that includes itself. Every requirement of a file named
 * with {@code -c} (and of the files it includes) is a constraint.
 *
 * <pre>{@code
 * RequirementsFile file = RequirementsFile.read(Path.of("requirements.in"));
 * file.requirements().forEach(r -> builder.requirement(r.requirement()));
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class RequirementsFile {

  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  private final List<DeclaredRequirement> requirements;
  private final List<DeclaredRequirement> constraints;
  private final String indexUrl;
  private final List<String> extraIndexUrls;
  private final boolean noIndex;
  private final boolean prereleases;
  private final boolean onlyBinary;
  private final List<Path> files;

  private RequirementsFile(Reader reader) {
    this.requirements = List.copyOf(reader.requirements);
    this.constraints = List.copyOf(reader.constraints);
    this.indexUrl = reader.indexUrl;
    this.extraIndexUrls = List.copyOf(reader.extraIndexUrls);
    this.noIndex = reader.noIndex;
    this.prereleases = reader.prereleases;
    this.onlyBinary = reader.onlyBinary;
    this.files = List.copyOf(reader.files);
  }

  /**
   * Reads {@code file} and the files it includes, expanding variables from the process
   * environment.
   *
   * @param file the file, must not be null
   * @return the requirements, never null
   * @throws InvalidInputException for a file that cannot be read or does not follow the syntax
   */
  public static RequirementsFile read(Path file) {
    return read(file, System.getenv());
  }

  /**
   * Reads {@code file} and the files it includes, expanding {@code ${VAR}} from {@code
   * environment}.
   *
   * @param file the file, must not be null
   * @param environment variable name to value, must not be null
   * @return the requirements, never null
   * @throws InvalidInputException for a file that cannot be read or does not follow the syntax
   */
  public static RequirementsFile read(Path file, Map<String, String> environment) {
    return read(file, environment, InputFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * Reads {@code file} and the files it includes, expanding {@code ${VAR}} from {@code
   * environment}, refusing any file larger than {@code maxBytes}.
   *
   * @param file the file, must not be null
   * @param environment variable name to value, must not be null
   * @param maxBytes the most bytes one file may have (see {@link InputFiles#read})
   * @return the requirements, never null
   * @throws InvalidInputException for a file that cannot be read, is too large or does not
   *     follow the syntax
   */
  public static RequirementsFile read(
      Path file, Map<String, String> environment, long maxBytes) {
    Reader reader = new Reader(environment, maxBytes);
    reader.include(file, false, null);
    return new RequirementsFile(reader);
  }

  /**
   * Reads {@code file} as a constraints file (pip's {@code -c}): each requirement in it, and in
   * the files it includes, is a constraint.
   *
   * @param file the file, must not be null
   * @param environment variable name to value, must not be null
   * @return the constraints, never null
   * @throws InvalidInputException for a file that cannot be read or does not follow the syntax
   */
  public static RequirementsFile readConstraints(Path file, Map<String, String> environment) {
    return readConstraints(file, environment, InputFiles.DEFAULT_MAX_BYTES);
  }

  /**
   * Reads {@code file} as a constraints file, refusing any file larger than {@code maxBytes}.
   *
   * @param file the file, must not be null
   * @param environment variable name to value, must not be null
   * @param maxBytes the most bytes one file may have (see {@link InputFiles#read})
   * @return the constraints, never null
   * @throws InvalidInputException for a file that cannot be read, is too large or does not
   *     follow the syntax
   */
  public static RequirementsFile readConstraints(
      Path file, Map<String, String> environment, long maxBytes) {
    Reader reader = new Reader(environment, maxBytes);
    reader.include(file, true, null);
    return new RequirementsFile(reader);
  }

  /**
   * Parses {@code content} as if read from {@code file} (which names it in messages and anchors
   * relative {@code -r}/{@code -c} paths; it need not exist unless another file is included).
   *
   * @param content the text, must not be null
   * @param file the path it stands for, must not be null
   * @param environment variable name to value, must not be null
   * @return the requirements, never null
   * @throws InvalidInputException when the text does not follow the syntax
   */
  public static RequirementsFile parse(String content, Path file, Map<String, String> environment) {
    Reader reader = new Reader(environment, InputFiles.DEFAULT_MAX_BYTES);
    reader.parse(content, file, false);
    return new RequirementsFile(reader);
  }

  /** {@return the requirements, in file order (included files in place), never null} */
  public List<DeclaredRequirement> requirements() {
    return requirements;
  }

  /** {@return the constraints (from {@code -c} files), in file order, never null} */
  public List<DeclaredRequirement> constraints() {
    return constraints;
  }

  /** {@return the last {@code --index-url} given, if any (a relative directory made absolute)} */
  public Optional<String> indexUrl() {
    return Optional.ofNullable(indexUrl);
  }

  /** {@return the {@code --extra-index-url} values, in order, without duplicates, never null} */
  public List<String> extraIndexUrls() {
    return extraIndexUrls;
  }

  /** {@return whether {@code --no-index} was given} */
  public boolean noIndex() {
    return noIndex;
  }

  /** {@return whether {@code --pre} was given} */
  public boolean prereleases() {
    return prereleases;
  }

  /** {@return whether {@code --only-binary :all:} was given} */
  public boolean onlyBinary() {
    return onlyBinary;
  }

  /** {@return every file read, in the order first read, starting with the one named; never null} */
  public List<Path> files() {
    return files;
  }

  /** The state of one read: the stack of files being read and everything found so far. */
  private static final class Reader {
    private final Map<String, String> environment;
    private final long maxBytes;
    private final List<DeclaredRequirement> requirements = new ArrayList<>();
    private final List<DeclaredRequirement> constraints = new ArrayList<>();
    private final List<String> extraIndexUrls = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final List<Path> stack = new ArrayList<>();
    private String indexUrl;
    private boolean noIndex;
    private boolean prereleases;
    private boolean onlyBinary;

    Reader(Map<String, String> environment, long maxBytes) {
      this.environment = Objects.requireNonNull(environment, "environment");
      this.maxBytes = maxBytes;
    }

    /**
     * Reads {@code file}; {@code from} is the option that named it and {@code fromLine} its line
     * (both null for the file named first).
     */
    void include(Path file, boolean constraint, Including from) {
      Path key = file.toAbsolutePath().normalize();
      if (stack.contains(key)) {
        List<String> chain = new ArrayList<>();
        for (Path p : stack.subList(stack.indexOf(key), stack.size())) {
          chain.add(p.getFileName().toString());
        }
        chain.add(key.getFileName().toString());
        throw from.error("requirements file includes itself: " + String.join(" -> ", chain));
      }
      String content;
      try {
        content = InputFiles.read(file, maxBytes);
      } catch (InvalidInputException e) {
        throw error(from, e.reason(), file);
      }
      if (!files.contains(file)) {
        files.add(file);
      }
      stack.add(key);
      try {
        lines(content, file, constraint);
      } finally {
        stack.remove(stack.size() - 1);
      }
    }

    void parse(String content, Path file, boolean constraint) {
      stack.add(file.toAbsolutePath().normalize());
      lines(content, file, constraint);
    }

    private static InvalidInputException error(Including from, String reason, Path file) {
      return from == null ? new InvalidInputException(reason, file.toString()) : from.error(reason);
    }

    private void lines(String content, Path file, boolean constraint) {
      String name = file.toString();
      for (LogicalLine line : LogicalLine.split(content, name, environment)) {
        if (line.text().startsWith("-")) {
          for (LineOption option : LineOption.parse(line, 0, name)) {
            option(option, line, file, constraint);
          }
        } else {
          requirement(line, name, constraint);
        }
      }
    }

    private void requirement(LogicalLine line, String file, boolean constraint) {
      String text = line.text();
      int optionsAt = optionsStart(text);
      List<String> hashes = new ArrayList<>();
      for (LineOption option : LineOption.parse(line, optionsAt, file)) {
        if (!option.name().equals("--hash")) {
          throw option.error(
              "option " + option.name() + " is not allowed after a requirement (only --hash is)",
              line,
              file);
        }
        hashes.add(option.value());
      }
      int end = optionsAt;
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      Requirement requirement = parseRequirement(line.slice(0, end), file);
      DeclaredRequirement declared =
          new DeclaredRequirement(requirement, file, line.lineAt(0), line.columnAt(0), hashes);
      (constraint ? constraints : requirements).add(declared);
    }

    private static Requirement parseRequirement(LogicalLine line, String file) {
      String text = line.text();
      if (text.startsWith(".") || text.startsWith("/") || URL_SCHEME.matcher(text).matches()) {
        throw new InvalidRequirementException(
            "a path or URL needs a project name: write 'name @ " + text + "'",
            text,
            file,
            line.lineAt(0),
            line.columnAt(0));
      }
      try {
        return Requirement.parse(text);
      } catch (InvalidInputException e) {
        int at = e.column() > 0 ? e.column() - 1 : 0;
        throw new InvalidRequirementException(
            DeclaredRequirement.invalid(text, e.reason()), text, file, line.lineAt(at),
            line.columnAt(at));
      }
    }

    /** Where pip's {@code break_args_options} starts the options: the first word with "-". */
    private static int optionsStart(String text) {
      for (int i = 1; i < text.length(); i++) {
        if (text.charAt(i) == '-' && Character.isWhitespace(text.charAt(i - 1))) {
          return i;
        }
      }
      return text.length();
    }

    private void option(LineOption option, LogicalLine line, Path file, boolean constraint) {
      String name = file.toString();
      Including here = new Including(option, line, name);
      switch (option.name()) {
        case "-r", "--requirement" -> include(nested(file, option, here), constraint, here);
        case "-c", "--constraint" -> include(nested(file, option, here), true, here);
        case "-i", "--index-url" -> indexUrl = indexLocation(file, option.value());
        case "--extra-index-url" -> {
          String url = indexLocation(file, option.value());
          if (!extraIndexUrls.contains(url)) {
            extraIndexUrls.add(url);
          }
        }
        case "--no-index" -> noIndex = flag(option, here);
        case "--pre" -> prereleases = flag(option, here);
        case "--hash" -> throw here.error("--hash must follow a requirement on the same line");
        case "--only-binary" -> {
          if (option.value().equals(":all:")) {
            onlyBinary = true;
          } else if (option.value().equals(":none:")) {
            onlyBinary = false;
          } else {
            throw here.error(
                "--only-binary supports only :all: and :none:, not '" + option.value() + "'");
          }
        }
        case "-e", "--editable" ->
            throw here.error(
                "editable requirements (-e) are not supported: they need a build, and pylock4j"
                    + " never runs package code; lock the project's dependencies instead"
                    + " (--project pyproject.toml)");
        default -> throw here.error("unsupported option " + option.name());
      }
    }

    private static boolean flag(LineOption option, Including here) {
      if (option.value() != null) {
        throw here.error("option " + option.name() + " takes no value");
      }
      return true;
    }

    private static Path nested(Path including, LineOption option, Including here) {
      String reference = option.value();
      if (URL_SCHEME.matcher(reference).matches()) {
        throw here.error("only local files can be included, not " + reference);
      }
      Path dir = including.getParent();
      return (dir == null ? Path.of(reference) : dir.resolve(reference)).normalize();
    }

    /** A URL as given; a path (absolute, or relative to the including file) as a file: URI. */
    private static String indexLocation(Path including, String value) {
      if (URL_SCHEME.matcher(value).matches() || value.startsWith("file:")) {
        return value;
      }
      Path dir = including.getParent();
      Path path = dir == null ? Path.of(value) : dir.resolve(value);
      return path.toAbsolutePath().normalize().toUri().toString();
    }

  }

  /** The option that includes a file, for errors located at it. */
  private record Including(LineOption option, LogicalLine line, String file) {
    InvalidInputException error(String reason) {
      return option.error(reason, line, file);
    }
  }
}

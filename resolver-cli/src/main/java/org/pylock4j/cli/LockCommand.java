package org.pylock4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.lock.LockFormat;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.LockResult;
import org.pylock4j.locker.Locker;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.resolve.TargetEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pylock4j lock}: resolve the inputs and write a lock. */
@Command(
    name = "lock",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Resolve requirements and write a lock.",
    description = "Resolves requirements and writes a lock: PEP 751 pylock.toml, or "
        + "requirements.txt with --hash lines. An existing lock at the output path keeps its "
        + "versions unless a requirement forces a change or --upgrade/--upgrade-package asks for "
        + "one. A failed run leaves it as it was.",
    footer = "%nExit codes: 0 locked; 1 unsatisfiable (explanation on stderr); 2 bad input (file, "
        + "line, column); 3 index or network failure; 4 other failure.")
final class LockCommand extends Base {

  private final Supplier<Resolver> resolvers;

  @Parameters(
      paramLabel = "REQ",
      description = "A PEP 508 requirement, e.g. 'requests>=2' or 'name @ https://…'.")
  List<String> requirements = new ArrayList<>();

  @Mixin InputOptions inputs = new InputOptions();
  @Mixin IndexOptions index = new IndexOptions();
  @Mixin TargetOptions target = new TargetOptions();
  @Mixin UniversalOptions universal = new UniversalOptions();
  @Mixin PolicyOptions policy = new PolicyOptions();
  @Mixin TrustOptions trust = new TrustOptions();
  @Mixin PinOptions pins = new PinOptions();

  @Option(
      names = {"-o", "--output", "--output-file"},
      paramLabel = "FILE",
      description = "Where to write the lock (default: pylock.toml; '-' for stdout). A name "
          + "ending in .txt gets the requirements format. --output-file is pip-compile's "
          + "spelling.")
  String output = "pylock.toml";

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "pylock (PEP 751) or requirements (pip, with --hash lines).")
  String format;

  @Option(
      names = {"-U", "--upgrade"},
      description = "Ignore the versions of an existing lock: take the newest allowed.")
  boolean upgrade;

  @Option(
      names = {"-P", "--upgrade-package"},
      paramLabel = "NAME[SPEC]",
      description = "Let this package move to its newest allowed version and keep the others. "
          + "With a specifier ('numpy<2.1'), the upgrade stays within it: the specifier is "
          + "added as a constraint and recorded with the lock's inputs.")
  List<String> upgradePackages = new ArrayList<>();

  @Option(
      names = "--generate-hashes",
      description = "Accepted for pip-compile's sake and does nothing: every lock carries the "
          + "hashes of its files.")
  boolean generateHashes;

  @Option(names = "--only-binary", description = "Refuse sdists: lock wheels only.")
  boolean onlyBinary;

  @Option(
      names = "--allow-unhashed",
      description = "In a requirements file, pin packages whose files the index gives no hash "
          + "for, without --hash lines (and say so). By default such a lock is refused: "
          + "installers could not check those files. A pylock.toml always needs a hash for every "
          + "file (PEP 751).")
  boolean allowUnhashed;

  @Option(
      names = "--no-header",
      description = "Leave out the generated header comment (pip-compile's spelling): a "
          + "requirements file's comment block, and a pylock.toml's '# This file is @generated' "
          + "line. The requirements header records the command that made the lock, so verify of "
          + "a requirements file written with --no-header needs the lock's options given again.")
  boolean noHeader;

  LockCommand(CliContext context, Supplier<Resolver> resolvers) {
    super(context);
    this.resolvers = resolvers;
  }

  @Override
  int run() {
    inputs.requirements = requirements;
    if (inputs.isEmpty()) {
      throw new InvalidInputException(
          "nothing to lock: give requirements, -r FILE or --project pyproject.toml", "lock");
    }
    LockRequest.Builder request = LockRequest.builder();
    request.format(format()).output(outputPath());
    upgradedPackages(request).forEach(request::upgradePackage);
    inputs.applyTo(request);
    trust.applyTo(request);
    TargetEnvironment environment = target.target(context.detector(), reporter, maxInput());
    index.applyTo(request, context.environment());
    policy.applyTo(request);
    pins.applyTo(request);
    UniversalTarget everywhere = universal.target(inputs.project, target.pythonVersion);
    request.target(environment)
        .universal(everywhere)
        .upgrade(upgrade)
        .onlyBinary(onlyBinary)
        .allowUnhashed(allowUnhashed)
        .header(!noHeader)
        .listener(reporter.progress())
        .requestTimeout(requestTimeout())
        .maxInputBytes(maxInput());

    LockResult result;
    try (Locker locker = locker(resolvers.get())) {
      LockRequest built = request.build();
      TrustOptions.report(locker.checkNames(built), reporter);
      result = locker.lock(built);
    }
    reporter.clearProgress();
    result.warnings().forEach(reporter::warning);
    TrustOptions.reportBuilds(result, reporter);
    if (result.output() == null) {
      byte[] bytes = result.bytes();
      context.out().write(bytes, 0, bytes.length);
      context.out().flush();
      if (format == null) {
        reporter.notice("wrote a pylock.toml to stdout; for pip's format use --format requirements");
      }
    } else {
      for (LockDrift drift : result.publisherDrift()) {
        reporter.warning("publisher drift: " + drift.describe());
      }
      result.write();
    }
    int count = result.resolution().packages().size();
    reporter.info(
        "Locked " + count + (count == 1 ? " package" : " packages") + " for "
            + (everywhere == null ? describe(environment)
                : "every environment with Python " + everywhere.requiresPython()
                    + (everywhere.environments().isEmpty() ? "" : " matching "
                        + String.join(" or ", everywhere.environments().stream()
                            .map(m -> "(" + m + ")").toList())))
            + (result.output() == null ? "" : " into " + output));
    return Exit.OK;
  }

  /** The output file, null for stdout; checked before any work is done. */
  private Path outputPath() {
    if (output.equals("-")) {
      return null;
    }
    Path out = Path.of(output);
    if (Files.isDirectory(out)) {
      throw new InvalidInputException("cannot write " + output + ": it is a directory", output);
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "cannot write " + output + ": no such directory " + dir, output);
    }
    if (dir != null && !Files.isSymbolicLink(out)) {
      probeWritable(dir);
    } else if (dir != null && !Files.exists(out)) {
      // a dangling link: the write creates its target, which needs an existing directory
      try {
        Path target = dir.resolve(Files.readSymbolicLink(out)).normalize();
        Path targetDir = target.getParent();
        if (targetDir != null && !Files.isDirectory(targetDir) && !Files.isSymbolicLink(target)) {
          throw new InvalidInputException("cannot write " + output + " (a link to " + target
              + "): no such directory " + targetDir, output);
        }
      } catch (IOException e) {
        throw new InvalidInputException("cannot write " + output + ": cannot read the link ("
            + e.getMessage() + ")", output);
      }
    }
    return out;
  }

  /**
   * Creates and removes a file in {@code dir}, as the atomic write will: a directory that takes
   * no new file (a read-only or virtual file system such as /proc, or no permission) is bad
   * input, found before any work is done.
   */
  private void probeWritable(Path dir) {
    Path probe = null;
    try {
      // a random name of our own: Files.createTempFile seeds a SecureRandom (security
      // providers and all, ~20 ms of a fresh JVM) for a file that lives a microsecond
      while (probe == null) {
        try {
          probe = Files.createFile(dir.resolve(".pylock4j-" + Long.toUnsignedString(
              java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".probe"));
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          // another name
        }
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      String why =
          e instanceof java.nio.file.AccessDeniedException ? "permission denied"
              : e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                  ? f.getReason().toLowerCase(Locale.ROOT)
                  : "the file system refuses new files there";
      throw new InvalidInputException(
          "cannot write " + output + ": cannot create a file in " + dir + " (" + why + ")",
          output);
    } finally {
      if (probe != null) {
        try {
          Files.deleteIfExists(probe);
        } catch (IOException ignored) {
          // a leftover empty probe file is harmless
        }
      }
    }
  }

  /**
   * The projects {@code --upgrade-package} frees; a value with a specifier ({@code numpy<2.1},
   * as pip-compile and uv accept) also adds it to {@code request} as a constraint.
   */
  private List<ProjectName> upgradedPackages(LockRequest.Builder request) {
    List<ProjectName> upgraded = new ArrayList<>();
    for (String value : upgradePackages) {
      Matcher m = NAME_AND_SPEC.matcher(value.strip());
      if (!m.matches() || !ProjectName.isValid(m.group(1))) {
        throw new InvalidInputException(
            "--upgrade-package '" + value + "' is not a project name, with or without a "
                + "version specifier (e.g. numpy or 'numpy<2.1')", value);
      }
      if (!m.group(2).isBlank()) {
        request.constraint(value.strip());
      }
      upgraded.add(ProjectName.of(m.group(1)));
    }
    return upgraded;
  }

  /** A project name, then optionally a version specifier: {@code numpy}, {@code numpy<2.1}. */
  private static final Pattern NAME_AND_SPEC =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*((?:[<>=!~].*)?)");

  private LockFormat format() {
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "pylock", "pylock.toml", "toml" -> LockFormat.PYLOCK;
        case "requirements", "requirements.txt", "txt" -> LockFormat.REQUIREMENTS;
        default -> throw new InvalidInputException(
            "--format must be pylock or requirements, not '" + format + "'", format);
      };
    }
    return output.endsWith(".txt") ? LockFormat.REQUIREMENTS : LockFormat.PYLOCK;
  }

  static String describe(TargetEnvironment target) {
    java.util.Map<String, String> m = target.markers().values();
    return m.getOrDefault("platform_python_implementation", "Python") + " "
        + m.getOrDefault("python_version", "?") + " on "
        + m.getOrDefault("sys_platform", "?") + " " + m.getOrDefault("platform_machine", "");
  }
}

package org.pylock4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.pylock4j.error.IndexException;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockOptions;
import org.pylock4j.lock.LockVerifier;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.PublisherIdentity;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.version.Version;
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

  /** The two lock formats. */
  enum Format {
    PYLOCK,
    REQUIREMENTS
  }

  private final Supplier<Resolver> resolvers;
  private final List<String> arguments;

  @Parameters(
      paramLabel = "REQ",
      description = "A PEP 508 requirement, e.g. 'requests>=2' or 'name @ https://…'.")
  List<String> requirements = new ArrayList<>();

  @Mixin InputOptions inputs = new InputOptions();
  @Mixin IndexOptions index = new IndexOptions();
  @Mixin TargetOptions target = new TargetOptions();
  @Mixin PolicyOptions policy = new PolicyOptions();
  @Mixin TrustOptions trust = new TrustOptions();
  @Mixin PinOptions pins = new PinOptions();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the lock (default: pylock.toml; '-' for stdout). A name "
          + "ending in .txt gets the requirements format.")
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
      paramLabel = "NAME",
      description = "Let this package move to its newest allowed version; keep the others.")
  List<String> upgradePackages = new ArrayList<>();

  @Option(names = "--only-binary", description = "Refuse sdists: lock wheels only.")
  boolean onlyBinary;

  @Option(
      names = "--allow-unhashed",
      description = "In a requirements file, pin packages whose files the index gives no hash "
          + "for, without --hash lines (and say so). By default such a lock is refused: "
          + "installers could not check those files. A pylock.toml always needs a hash for every "
          + "file (PEP 751).")
  boolean allowUnhashed;

  LockCommand(CliContext context, Supplier<Resolver> resolvers, List<String> arguments) {
    super(context);
    this.resolvers = resolvers;
    this.arguments = List.copyOf(arguments);
  }

  @Override
  int run() {
    inputs.requirements = requirements;
    if (inputs.isEmpty()) {
      throw new InvalidInputException(
          "nothing to lock: give requirements, -r FILE or --project pyproject.toml", "lock");
    }
    Format fmt = format();
    Path out = outputPath();
    List<ProjectName> upgraded = upgradedPackages();
    Inputs read = inputs.read(context.environment());
    trust.checkNames(read, reporter);
    TargetEnvironment environment = target.target(context.detector(), reporter);
    IndexSettings settings = index.settings(read, context.environment());
    Map<ProjectName, Version> preferred =
        out == null || upgrade ? Map.of() : existingPins(out, upgraded);

    Resolution resolution;
    Map<String, List<PublisherIdentity>> publishers;
    try (PypiIndex source = index(settings);
        PinOptions.Sources sources = pins.open(this, settings, inputs.project, source)) {
      ResolutionRequest.Builder request =
          request(read, environment, settings, policy, onlyBinary, sources.source());
      preferred.forEach(request::prefer);
      resolution = trust.resolve(resolvers.get(), request.build());
      publishers = publishers(resolution, source);
    }
    reporter.clearProgress();
    resolution.warnings().forEach(reporter::warning);
    checkHashes(resolution, fmt);
    TrustOptions.reportBuilds(resolution, reporter);

    LockOptions.Builder options =
        LockOptions.builder().command(command()).publisherIdentities(publishers)
            .excludeNewer(settings.excludeNewer());
    rootFiles(read).forEach(options::inputFile);
    String text = LockText.write(resolution, options.build(), fmt);
    if (out == null) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      context.out().write(bytes, 0, bytes.length);
      context.out().flush();
    } else {
      reportPublisherDrift(out, text, fmt);
      LockFiles.write(out, text);
    }
    int count = resolution.packages().size();
    reporter.info(
        "Locked " + count + (count == 1 ? " package" : " packages") + " for "
            + describe(environment) + (out == null ? "" : " into " + output));
    return Exit.OK;
  }

  /**
   * The PEP 740 publisher identities of every locked file whose index serves provenance, by
   * filename (checked as {@code Provenance} describes; a provenance that fails a check fails the
   * lock as an index failure). Files without provenance cost nothing.
   */
  private static Map<String, List<PublisherIdentity>> publishers(
      Resolution resolution, PypiIndex index) {
    Map<String, CompletableFuture<List<PublisherIdentity>>> pending = new TreeMap<>();
    for (LockedPackage p : resolution.packages()) {
      for (DistributionFile f : p.files()) {
        if (f.provenance() != null) {
          pending.put(f.filename(), index.publishers(f));
        }
      }
    }
    Map<String, List<PublisherIdentity>> identities = new TreeMap<>();
    pending.forEach((file, future) -> {
      try {
        identities.put(file, future.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof PylockException pe ? pe : e;
      }
    });
    return identities;
  }

  /**
   * Warns when a package's publisher identity changed or disappeared since the lock being
   * replaced (what an account takeover looks like from outside).
   */
  private void reportPublisherDrift(Path out, String text, Format fmt) {
    if (fmt != Format.PYLOCK || !Files.isRegularFile(out)) {
      return;
    }
    Pylock previous;
    try {
      previous = LockFiles.readPylock(out);
    } catch (InvalidInputException e) {
      return; // not a lock we can compare with; it is replaced as asked
    }
    for (LockDrift drift :
        LockVerifier.publisherDrift(previous, LockFiles.readPylock(text, out.toString()))) {
      reporter.warning("publisher drift: " + drift.describe());
    }
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
    return out;
  }

  private List<ProjectName> upgradedPackages() {
    List<ProjectName> upgraded = new ArrayList<>();
    for (String name : upgradePackages) {
      if (!ProjectName.isValid(name)) {
        throw new InvalidInputException(
            "--upgrade-package '" + name + "' is not a project name", name);
      }
      upgraded.add(ProjectName.of(name));
    }
    return upgraded;
  }

  /**
   * Refuses files the index gives no hash for, unless --allow-unhashed asks for a requirements
   * file without them (then says so).
   */
  private void checkHashes(Resolution resolution, Format fmt) {
    Map<ProjectName, List<DistributionFile>> unhashed = LockText.unhashed(resolution);
    if (unhashed.isEmpty()) {
      return;
    }
    int files = unhashed.values().stream().mapToInt(List::size).sum();
    Map.Entry<ProjectName, List<DistributionFile>> first = unhashed.entrySet().iterator().next();
    String example = first.getValue().get(0).filename();
    String missing =
        "the index gives no hash for " + files + (files == 1 ? " file" : " files");
    if (!allowUnhashed || fmt == Format.PYLOCK) {
      throw new IndexException(
          missing + " to lock (" + first.getKey() + ": " + example + ")"
              + (allowUnhashed
                  ? ", and pylock.toml (PEP 751) requires one for each; write a requirements"
                      + " file (-o requirements.txt) to lock them without"
                  : "; every locked file needs one (--allow-unhashed locks them without, in a"
                      + " requirements file)"),
          first.getValue().get(0).url(), 0, null);
    }
    reporter.warning(
        missing + " (e.g. " + example + "): locked without one, so installers cannot check"
            + " them (pip --require-hashes refuses such a lock)");
  }

  private Format format() {
    if (format != null) {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "pylock", "pylock.toml", "toml" -> Format.PYLOCK;
        case "requirements", "requirements.txt", "txt" -> Format.REQUIREMENTS;
        default -> throw new InvalidInputException(
            "--format must be pylock or requirements, not '" + format + "'", format);
      };
    }
    return output.endsWith(".txt") ? Format.REQUIREMENTS : Format.PYLOCK;
  }

  /** The pins of the lock already at {@code out}, without the packages to upgrade. */
  private Map<ProjectName, Version> existingPins(Path out, List<ProjectName> upgraded) {
    if (!Files.isRegularFile(out)) {
      return Map.of();
    }
    Map<ProjectName, Version> pins = new LinkedHashMap<>();
    try {
      if (out.getFileName().toString().endsWith(".toml")) {
        Pylock lock = LockFiles.readPylock(out);
        for (PylockPackage p : lock.packages()) {
          if (p.version() != null) {
            pins.putIfAbsent(p.name(), p.version());
          }
        }
      } else {
        RequirementsTxt lock = LockFiles.readRequirementsTxt(out);
        for (RequirementsTxt.Pin p : lock.pins()) {
          if (p.version() != null) {
            pins.putIfAbsent(p.name(), p.version());
          }
        }
      }
    } catch (PylockException e) {
      reporter.warning("ignoring the versions of " + out + ": " + e.getMessage());
      return Map.of();
    }
    for (ProjectName name : upgraded) {
      pins.remove(name);
    }
    return pins;
  }

  /** Options that do not change the lock, left out of the command its header records. */
  private static final java.util.Set<String> UNRECORDED_FLAGS =
      java.util.Set.of("-q", "--quiet", "-v", "--verbose", "--offline");

  private static final java.util.Set<String> UNRECORDED_WITH_VALUE =
      java.util.Set.of("--threads", "--cache-dir");

  /** The command as given, without the options that do not change the lock. */
  private String command() {
    StringBuilder b = new StringBuilder("pylock4j");
    for (int i = 0; i < arguments.size(); i++) {
      String a = arguments.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (UNRECORDED_FLAGS.contains(a)) {
        continue;
      }
      if (UNRECORDED_WITH_VALUE.contains(name)) {
        if (!a.contains("=")) {
          i++;
        }
        continue;
      }
      b.append(' ').append(a.isEmpty() || a.matches(".*[\\s'\"<>|&;$`*?].*") ? quote(a) : a);
    }
    return b.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static String describe(TargetEnvironment target) {
    Map<String, String> m = target.markers().values();
    return m.getOrDefault("platform_python_implementation", "Python") + " "
        + m.getOrDefault("python_version", "?") + " on "
        + m.getOrDefault("sys_platform", "?") + " " + m.getOrDefault("platform_machine", "");
  }
}

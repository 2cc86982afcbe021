package org.pylock4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.input.ToolSettings;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.LockVerification;
import org.pylock4j.lock.LockVerifier;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.PylockPackage;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.Resolver;
import org.pylock4j.resolve.TargetEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code pylock4j verify}: re-resolve and check every hash of a lock. */
@Command(
    name = "verify",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Check that a lock is what a fresh resolution gives, hashes included.",
    description = "Checks a lock: re-resolves its inputs and compares versions and files, and "
        + "checks every recorded hash against the index. With no inputs, a pylock.toml's "
        + "recorded requirements (or the files a requirements lock names in '# via -r FILE') are "
        + "used; with no target options, a pylock.toml's recorded target.",
    footer = "%nExit codes: 0 up to date; 1 drift (listed on stdout) or unsatisfiable; 2 bad "
        + "input; 3 index or network failure; 4 other failure.")
final class VerifyCommand extends Base {

  private final Supplier<Resolver> resolvers;

  @Parameters(index = "0", paramLabel = "LOCK", description = "The lock: pylock.toml or a .txt.")
  Path lock;

  @Parameters(
      index = "1..*",
      paramLabel = "REQ",
      description = "The requirements the lock was made from (default: those it records).")
  List<String> requirements = new ArrayList<>();

  @Mixin InputOptions inputs = new InputOptions();
  @Mixin IndexOptions index = new IndexOptions();
  @Mixin TargetOptions target = new TargetOptions();
  @Mixin PolicyOptions policy = new PolicyOptions();
  @Mixin PinOptions pins = new PinOptions();

  VerifyCommand(CliContext context, Supplier<Resolver> resolvers) {
    super(context);
    this.resolvers = resolvers;
  }

  @Override
  int run() {
    inputs.requirements = requirements;
    if (!Files.isRegularFile(lock)) {
      throw new InvalidInputException("no such file: " + lock, lock.toString());
    }
    boolean toml = lock.getFileName().toString().endsWith(".toml");
    Pylock pylock = toml ? LockFiles.readPylock(lock) : null;
    Inputs read;
    if (!inputs.isEmpty()) {
      read = inputs.read(context.environment());
    } else if (pylock != null && !pylock.pylock4jRequirements().isEmpty()) {
      read = recordedInputs(pylock);
    } else if (pylock == null && !recordedFiles().isEmpty()) {
      inputs.requirementFiles = recordedFiles();
      read = inputs.read(context.environment());
    } else {
      throw new InvalidInputException(
          lock + " records no requirements: give the inputs it was locked from"
              + " (REQ…, -r FILE, --project pyproject.toml)",
          lock.toString());
    }
    TargetEnvironment environment = recordedTarget(pylock);
    if (environment == null) {
      environment = target.target(context.detector(), reporter);
    }
    if (index.indexUrl == null && pylock != null && read.hints().indexUrl == null
        && read.settings().indexUrl() == null) {
      List<String> recorded = recordedIndexes(pylock);
      if (!recorded.isEmpty()) {
        index.indexUrl = recorded.get(0);
        for (String url : recorded.subList(1, recorded.size())) {
          index.extraIndexUrls.add(url);
        }
      }
    }
    IndexSettings settings = index.settings(read, context.environment());
    LockVerification verification;
    try (PypiIndex source = index(settings);
        PinOptions.Sources sources = pins.open(this, settings, inputs.project, source)) {
      ResolutionRequest request =
          request(read, environment, settings, policy, false, sources.source()).build();
      Resolver resolver = resolvers.get();
      verification =
          pylock != null
              ? LockVerifier.verify(pylock, lock.toString(), request, resolver, source::publishers)
              : LockVerifier.verify(
                  LockFiles.readRequirementsTxt(lock), lock.toString(), request, resolver);
    }
    reporter.clearProgress();
    context.out().println(org.pylock4j.internal.Redaction.redact(verification.render()));
    return verification.isClean() ? Exit.OK : Exit.NO;
  }

  /** The requirements files a requirements lock names in its {@code # via -r FILE} comments. */
  private List<Path> recordedFiles() {
    List<Path> files = new ArrayList<>();
    for (RequirementsTxt.Pin pin : LockFiles.readRequirementsTxt(lock).pins()) {
      for (String via : pin.via()) {
        if (via.startsWith("-r ")) {
          Path file = Path.of(via.substring(3).strip());
          if (!files.contains(file)) {
            files.add(file);
          }
        }
      }
    }
    return files.stream().allMatch(Files::isRegularFile) ? files : List.of();
  }

  /** The root requirements recorded in the lock, as inputs. */
  private Inputs recordedInputs(Pylock pylock) {
    List<DeclaredRequirement> roots = new ArrayList<>();
    for (String text : pylock.pylock4jRequirements()) {
      roots.add(DeclaredRequirement.of(Requirement.parse(text), lock.toString(), 0, 0));
    }
    return new Inputs(roots, List.of(), new Inputs.IndexHints(), ToolSettings.NONE);
  }

  /** The target recorded in the lock, unless target options are given. */
  private TargetEnvironment recordedTarget(Pylock pylock) {
    if (pylock == null
        || target.pythonVersion != null
        || target.pythonPlatform != null
        || target.environment != null) {
      return null;
    }
    if (pylock.tool().get("pylock4j") instanceof Map<?, ?> own
        && own.get("markers") instanceof Map<?, ?> markers) {
      Map<String, String> values = new LinkedHashMap<>();
      markers.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
      return TargetOptions.fromMarkers(values, lock.toString(), null);
    }
    return null;
  }

  private static List<String> recordedIndexes(Pylock pylock) {
    List<String> urls = new ArrayList<>();
    for (PylockPackage p : pylock.packages()) {
      if (p.index() != null && !urls.contains(p.index())) {
        urls.add(p.index());
      }
    }
    return urls;
  }
}

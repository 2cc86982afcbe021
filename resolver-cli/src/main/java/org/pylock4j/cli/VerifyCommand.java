package org.pylock4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.Pylock;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.Locker;
import org.pylock4j.locker.Verification;
import org.pylock4j.locker.VerifyRequest;
import org.pylock4j.resolve.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pylock4j verify}: would re-locking change this lock? */
@Command(
    name = "verify",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Check that re-locking would not change a lock (hashes checked against the index).",
    description = "Re-locks with the lock's own versions preferred, exactly what 'lock' would "
        + "write over it now, and compares; every locked file's hash is checked against the "
        + "index. A newer version upstream is not drift (--upgrade lists those). With no "
        + "options, the inputs, indexes, policies and target the lock records are used; options "
        + "given replace them (a lock made before they were recorded needs its inputs here).",
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

  @Option(
      names = {"-U", "--upgrade"},
      description = "Also list what 'lock --upgrade' would change (information: not drift).")
  boolean upgrade;

  VerifyCommand(CliContext context, Supplier<Resolver> resolvers) {
    super(context);
    this.resolvers = resolvers;
  }

  @Override
  int run() {
    inputs.requirements = requirements;
    LockFile file = LockFiles.read(lock, maxInput());
    LockRequest.Builder given = LockRequest.builder();
    inputs.applyTo(given);
    index.applyTo(given, context.environment());
    policy.applyTo(given);
    pins.applyTo(given);
    given.listener(reporter.progress()).requestTimeout(requestTimeout()).maxInputBytes(maxInput());
    VerifyRequest.Builder request = VerifyRequest.builder(lock).upgrades(upgrade);
    if (target.given()) {
      given.target(target.target(context.detector(), reporter, maxInput()));
    } else if (!recordsTarget(file, lock)) {
      request.fallbackTarget(target.target(context.detector(), reporter, maxInput()));
    }
    Verification verification;
    try (Locker locker = locker(resolvers.get())) {
      verification = locker.verify(request.request(given.build()).build());
    }
    reporter.clearProgress();
    context.out().println(org.pylock4j.internal.Redaction.redact(verification.render()));
    return verification.isUpToDate() ? Exit.OK : Exit.NO;
  }

  /** Whether the lock records the target it was made for. */
  private static boolean recordsTarget(LockFile file, Path lock) {
    if (file instanceof Pylock p) {
      return !p.pylock4jMarkers().isEmpty();
    }
    try (var lines = java.nio.file.Files.lines(lock)) {
      return lines.limit(12).anyMatch(l -> l.startsWith("#") && l.contains(" --python-platform "));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }
}

package org.pylock4j.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.lock.LockFile;
import org.pylock4j.lock.LockFiles;
import org.pylock4j.lock.Pylock;
import org.pylock4j.lock.RequirementsTxt;
import org.pylock4j.pypi.PypiIndex;
import org.pylock4j.trust.LockDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pylock4j diff}: an update of a lock, reviewed as an event. */
@Command(
    name = "diff",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Compare two locks and flag the changes that need a review.",
    description = {
      "Compares two locks of the same format and prints one line per change on stdout:",
      "'+' added, '-' removed, '~' upgraded or downgraded, '*' other changes, and '!'",
      "for red flags: a changed hash for an unchanged version, a project now taken",
      "from another index, changed or vanished publisher identities. With --index-url,",
      "each added project's age and number of releases (a young project pulled in by",
      "an update deserves a look)."
    },
    footer = {
      "",
      "Exit codes: 0 nothing needs review; 1 something needs review (a red flag, or a",
      "young project added); 2 bad input; 3 index or network failure; 4 other failure."
    })
final class DiffCommand extends Base {

  @Parameters(index = "0", paramLabel = "OLD", description = "The old lock: pylock.toml or a .txt.")
  Path older;

  @Parameters(index = "1", paramLabel = "NEW", description = "The new lock, in the same format.")
  Path newer;

  @Option(
      names = {"-i", "--index-url"},
      paramLabel = "URL",
      description = "Read added projects' release history from this index (URL or directory).")
  String indexUrl;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "The HTTP and metadata cache. Default: the user cache directory.")
  Path cacheDir;

  DiffCommand(CliContext context) {
    super(context);
  }

  @Override
  int run() {
    LockFile oldLock = LockFiles.read(older, maxInput());
    LockFile newLock = LockFiles.read(newer, maxInput());
    if (oldLock.format() != newLock.format()) {
      throw new InvalidInputException(
          "cannot compare a pylock.toml with a requirements file: " + older + ", " + newer,
          newer.toString());
    }
    LockDiff diff =
        oldLock instanceof Pylock oldPylock
            ? LockDiff.compare(oldPylock, (Pylock) newLock)
            : LockDiff.compare((RequirementsTxt) oldLock, (RequirementsTxt) newLock);
    if (indexUrl != null && !diff.isEmpty()) {
      PypiIndex.Builder builder = indexBuilder()
          .indexUrl(indexUrl) // a URL, or a directory (PypiIndex makes it a file: URL)
          .cacheDirectory(
              cacheDir != null ? cacheDir : IndexOptions.defaultCacheDir(context.environment()))
          .warnings(reporter::warning);
      PypiIndex opened;
      try {
        opened = builder.build();
      } catch (IllegalArgumentException e) {
        // a missing directory, an unusable URL, proxy or CA bundle: bad input, not a bug
        throw new InvalidInputException("--index-url " + indexUrl + ": " + e.getMessage(), indexUrl);
      }
      try (PypiIndex index = opened) {
        diff = diff.withHistory(index, Instant.now());
      }
    }
    if (diff.isEmpty()) {
      reporter.info("No changes: " + older + " and " + newer + " lock the same packages");
      return Exit.OK;
    }
    context.out().print(org.pylock4j.internal.Redaction.redact(diff.report()));
    context.out().flush();
    int changes = diff.changes().size();
    int flags = diff.redFlags().size();
    String summary =
        changes + (changes == 1 ? " change" : " changes") + ", " + flags
            + (flags == 1 ? " red flag" : " red flags");
    if (diff.needsReview()) {
      reporter.warning(summary + ": review the lines marked '!' (and young projects added)");
      return Exit.NO;
    }
    reporter.info(summary);
    return Exit.OK;
  }
}

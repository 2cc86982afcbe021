package org.pylock4j.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pylock4j.locker.LockRequest;
import org.pylock4j.locker.LockResult;
import org.pylock4j.locker.Locker;
import org.pylock4j.lock.LockDrift;
import org.pylock4j.requirement.ProjectName;

/**
 * Writes the lock ({@code pylock.toml} by default) from the configured requirements, keeping the
 * versions of the lock already there unless told to upgrade. Not bound to a phase: run {@code mvn
 * pylock4j:lock} as you would {@code mvn versions:…}. A lock that would not change is not
 * rewritten; a failed resolution leaves the existing lock as it was.
 */
@Mojo(name = "lock", threadSafe = true)
public class LockMojo extends AbstractPylockMojo {

  /** Ignore the versions of the existing lock: take the newest allowed versions. */
  @Parameter(property = "pylock4j.upgrade", defaultValue = "false")
  protected boolean upgrade;

  /** Projects free to move to their newest allowed version; the others keep theirs. */
  @Parameter(property = "pylock4j.upgradePackage")
  protected List<String> upgradePackages = new ArrayList<>();

  @Override
  void run(Locker locker) throws MojoExecutionException, MojoFailureException {
    if (!hasInputs()) {
      getLog().info("No Python requirements configured (<requirements>, <requirementsFile>,"
          + " <pyproject>): nothing to lock");
      return;
    }
    Path lock = lockFile();
    LockRequest.Builder request = request().upgrade(upgrade);
    for (String name : upgradePackages) {
      for (String one : name.split(",")) {
        if (!one.isBlank()) {
          request.upgradePackage(ProjectName.of(one.strip()));
        }
      }
    }
    long start = System.nanoTime();
    getLog().info("Locking " + displayName(lock) + (session.isOffline() ? " (offline)" : ""));
    LockResult result = locker.lock(request.build());
    result.warnings().forEach(getLog()::warn);
    result.typosquats().forEach(t -> getLog().warn(t.toString()));
    for (LockDrift drift : result.publisherDrift()) {
      getLog().warn("publisher drift: " + drift.describe());
    }
    result.builds().forEach(b -> getLog().debug("needs a build: " + b));
    getLog().debug("statistics: " + result.statistics());
    int packages = result.resolution().packages().size();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (unchanged(lock, result.bytes())) {
      getLog().info(displayName(lock) + " is unchanged: " + packages + " packages (" + millis + " ms)");
      return;
    }
    result.write();
    getLog().info("Locked " + packages + " packages into " + displayName(lock) + " (" + millis + " ms)");
  }

  private static boolean unchanged(Path lock, byte[] bytes) throws MojoExecutionException {
    if (!Files.isRegularFile(lock)) {
      return false;
    }
    try {
      return Arrays.equals(Files.readAllBytes(lock), bytes);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + lock + ": " + e.getMessage(), e);
    }
  }
}

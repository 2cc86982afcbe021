package org.pylock4j.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.pylock4j.locker.Locker;
import org.pylock4j.locker.Verification;
import org.pylock4j.locker.VerifyRequest;
import org.pylock4j.lock.LockDrift;

/**
 * Fails the build when the lock is not what {@code lock} would write over it now with its own
 * versions preferred, the semantics of {@code pylock4j verify}: a changed requirement, index or
 * target, a locked version or file gone or yanked, a changed hash, URL or publisher. Each drift
 * is listed. A newer version upstream is not a drift. Offline ({@code mvn -o}) it answers from
 * the cache.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractPylockMojo {

  /** Also list, as information, what {@code -Dpylock4j.upgrade} would change (a second resolution). */
  @Parameter(property = "pylock4j.listUpgrades", defaultValue = "false")
  protected boolean listUpgrades;

  @Override
  void run(Locker locker) throws MojoExecutionException, MojoFailureException {
    if (nothingToDo()) {
      return;
    }
    Path lock = lockFile();
    if (!Files.isRegularFile(lock)) {
      throw new MojoFailureException("No lock at " + lock + ": run mvn pylock4j:lock to write it");
    }
    getLog().info("Verifying " + displayName(lock) + (session.isOffline() ? " (offline)" : ""));
    Verification verification = locker.verify(VerifyRequest.builder(lock)
        .request(request().build())
        .upgrades(listUpgrades)
        .build());
    verification.upgrades().forEach(u -> getLog().info("upgrade available: " + u.describe()));
    if (!verification.isUpToDate()) {
      StringBuilder message = new StringBuilder()
          .append(displayName(lock)).append(" is not up to date (")
          .append(verification.drifts().size()).append(verification.drifts().size() == 1 ? " drift" : " drifts")
          .append("); run mvn pylock4j:lock to update it:");
      for (LockDrift drift : verification.drifts()) {
        message.append(System.lineSeparator()).append("  ").append(drift.describe());
      }
      throw new MojoFailureException(message.toString());
    }
    getLog().info(displayName(lock) + " is up to date: " + verification.packages() + " packages, "
        + verification.filesChecked() + " files checked");
  }
}

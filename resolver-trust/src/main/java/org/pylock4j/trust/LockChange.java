package org.pylock4j.trust;

import java.util.Objects;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * One difference between two locks, for one project.
 *
 * @param name the project; null only for a {@link Kind#SOURCE_ADDED} change
 * @param kind what changed
 * @param oldVersion the version in the old lock, or null when the project is new
 * @param newVersion the version in the new lock, or null when the project is gone
 * @param detail what changed, in words (files, hashes, identities, indexes); may be empty
 * @param history for an {@link Kind#ADDED} project whose index page was consulted, its release
 *     history; otherwise null
 */
public record LockChange(
    ProjectName name, Kind kind, Version oldVersion, Version newVersion, String detail, ProjectHistory history) {

  /** What changed. */
  public enum Kind {
    /** A project that the old lock does not have. */
    ADDED(false),
    /** A project that the new lock no longer has. */
    REMOVED(false),
    /** A newer version. */
    UPGRADED(false),
    /** An older version. */
    DOWNGRADED(false),
    /** The same version with a different hash for a file of the same name: a red flag. */
    HASH_CHANGED(true),
    /** The same version with a file of the same name at another URL: a red flag (a file swapped). */
    URL_CHANGED(true),
    /**
     * The same version with files the old lock did not have: a red flag, since an attacker's sdist
     * or wheel added beside the reviewed ones would be installed where it matches best.
     */
    FILES_ADDED(true),
    /** The same version with files removed (e.g. a wheel no longer locked). */
    FILES_CHANGED(false),
    /**
     * The same version with another marker, requires-python or dependencies: where and with what it
     * installs changed, worth a line but not a red flag (the files are the reviewed ones).
     */
    METADATA_CHANGED(false),
    /** The same version from another index: a red flag (dependency confusion). */
    INDEX_CHANGED(true),
    /** Different publisher identities (PEP 740 attestations): a red flag (account takeover). */
    IDENTITY_CHANGED(true),
    /** Publisher identities the old lock recorded and the new one no longer has: a red flag. */
    IDENTITY_REMOVED(true),
    /** Publisher identities recorded where the old lock had none. */
    IDENTITY_ADDED(false),
    /**
     * A project added, pinned to a direct URL on a host that is none of the lock's indexes: a red
     * flag (the file comes from wherever the URL points).
     */
    DIRECT_URL_ADDED(true),
    /**
     * A line of a requirements lock that adds where packages come from ({@code --index-url},
     * {@code --extra-index-url}, {@code --find-links}): a red flag (dependency confusion). Its
     * change has no project: {@link LockChange#name()} is null.
     */
    SOURCE_ADDED(true);

    private final boolean redFlag;

    Kind(boolean redFlag) {
      this.redFlag = redFlag;
    }

    /**
     * {@return whether a change of this kind deserves a person's attention before the lock is accepted}
     */
    public boolean redFlag() {
      return redFlag;
    }
  }

  /**
   * Checks the fields.
   *
   * @param name the project; null only for a {@link Kind#SOURCE_ADDED} change
   * @param kind what changed
   * @param oldVersion the version in the old lock, or null when the project is new
   * @param newVersion the version in the new lock, or null when the project is gone
   * @param detail what changed, in words (files, hashes, identities, indexes); may be empty
   * @param history for an {@link Kind#ADDED} project whose index page was consulted, its release
   *     history; otherwise null
   */
  public LockChange {
    if (kind != Kind.SOURCE_ADDED) {
      Objects.requireNonNull(name, "name");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@return whether this change deserves a look: a red-flag kind, or a young project added} */
  public boolean needsReview() {
    return kind.redFlag() || (history != null && history.young());
  }

  /**
   * This change with {@code history} attached.
   *
   * @param history the added project's history, must not be null
   * @return a copy with the history, never null
   */
  public LockChange withHistory(ProjectHistory history) {
    return new LockChange(name, kind, oldVersion, newVersion, detail, history);
  }

  /**
   * One line for a person, e.g. {@code ~ urllib3 2.0.7 -> 2.2.1 (upgraded)}, {@code + idna 3.7
   * (added; first release 2013-07-…, 39 releases)}, {@code ! six 1.16.0 (hash changed: …)}.
   *
   * @return the line, never null
   */
  public String message() {
    if (kind == Kind.SOURCE_ADDED) {
      return "! " + detail + " (source added)";
    }
    String sign = switch (kind) {
      case ADDED -> "+";
      case REMOVED -> "-";
      case UPGRADED, DOWNGRADED -> "~";
      default -> kind.redFlag() ? "!" : "*";
    };
    String versions = switch (kind) {
      case ADDED -> newVersion == null ? "(no version)" : newVersion.toString();
      case REMOVED -> oldVersion == null ? "(no version)" : oldVersion.toString();
      case UPGRADED, DOWNGRADED -> oldVersion + " -> " + newVersion;
      // a direct URL or a source tree may have no version
      default -> newVersion == null ? "(no version)" : newVersion.toString();
    };
    StringBuilder b = new StringBuilder()
        .append(sign).append(' ').append(name).append(' ').append(versions)
        .append(" (").append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    if (!detail.isEmpty()) {
      b.append(": ").append(detail);
    }
    if (history != null) {
      b.append("; ").append(history.describe());
    }
    return b.append(')').toString();
  }
}

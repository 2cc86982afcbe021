package org.pylock4j.lock;

import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * One way a lock differs from a fresh resolution or from what the index serves now. Switch on
 * the record cases; {@link #describe()} is a line a person can read.
 */
public sealed interface LockDrift {

  /**
   * {@return the project concerned, or null for a drift of the whole lock ({@link RootsChanged})}
   */
  ProjectName project();

  /** {@return one line describing the drift} */
  String describe();

  /**
   * The root requirements recorded in the lock are not the ones requested.
   *
   * @param locked the roots the lock records
   * @param requested the roots of the request
   */
  record RootsChanged(java.util.List<String> locked, java.util.List<String> requested)
      implements LockDrift {
    /**
     * Copies the lists.
     *
     * @param locked the roots the lock records
     * @param requested the roots of the request
     */
    public RootsChanged {
      locked = java.util.List.copyOf(locked);
      requested = java.util.List.copyOf(requested);
    }

    @Override
    public ProjectName project() {
      return null;
    }

    @Override
    public String describe() {
      return "root requirements changed: the lock has " + locked + ", the request has "
          + requested;
    }
  }

  /**
   * A package a fresh resolution adds.
   *
   * @param project the package
   * @param version the version the resolution chose
   */
  record PackageAdded(ProjectName project, Version version) implements LockDrift {
    @Override
    public String describe() {
      return project + ": added (" + version + ")";
    }
  }

  /**
   * A locked package a fresh resolution no longer holds.
   *
   * @param project the package
   * @param version the locked version, or null when the lock records none
   */
  record PackageRemoved(ProjectName project, Version version) implements LockDrift {
    @Override
    public String describe() {
      return project + ": removed (was " + version + ")";
    }
  }

  /**
   * An entry of a universal lock that a fresh resolution installs in other environments.
   *
   * @param project the package
   * @param version the locked version
   * @param locked the locked marker ({@code ""}: everywhere)
   * @param resolved the marker now ({@code ""}: everywhere)
   */
  record MarkerChanged(ProjectName project, Version version, String locked, String resolved)
      implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": marker changed '" + locked + "' -> '" + resolved + "'";
    }
  }

  /**
   * A package a fresh resolution pins to another version.
   *
   * @param project the package
   * @param locked the locked version
   * @param resolved the version chosen now
   */
  record VersionChanged(ProjectName project, Version locked, Version resolved)
      implements LockDrift {
    @Override
    public String describe() {
      return project + ": version changed " + locked + " -> " + resolved;
    }
  }

  /**
   * A file of the locked version that a fresh resolution uses but the lock lacks (e.g. a wheel
   * uploaded after locking).
   *
   * @param project the package
   * @param version the locked version
   * @param fileName the new file
   */
  record FileAdded(ProjectName project, Version version, String fileName) implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": new file " + fileName;
    }
  }

  /**
   * A locked file the index still lists but a fresh resolution no longer uses.
   *
   * @param project the package
   * @param version the locked version
   * @param fileName the file
   */
  record FileRemoved(ProjectName project, Version version, String fileName)
      implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": file no longer used " + fileName;
    }
  }

  /**
   * A locked file the index now lists with another digest: republished or tampered with.
   *
   * @param project the package
   * @param version the locked version
   * @param fileName the file
   * @param algorithm the hash algorithm compared, e.g. {@code sha256}
   * @param locked the digest the lock records
   * @param current the digest the index gives now
   */
  record HashChanged(
      ProjectName project, Version version, String fileName, String algorithm, String locked,
      String current) implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": " + algorithm + " of " + fileName + " changed: lock "
          + locked + ", index " + current;
    }
  }

  /**
   * A locked file the index no longer lists.
   *
   * @param project the package
   * @param version the locked version
   * @param fileName the file
   */
  record FileMissingUpstream(ProjectName project, Version version, String fileName)
      implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": " + fileName + " is no longer on the index";
    }
  }

  /**
   * A locked file the index now marks yanked (PEP 592).
   *
   * @param project the package
   * @param version the locked version
   * @param fileName the file
   * @param reason the yank reason, empty when none was given
   */
  record FileYanked(ProjectName project, Version version, String fileName, String reason)
      implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": " + fileName + " was yanked"
          + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
    }
  }

  /**
   * A locked file whose hashes share no algorithm with the index's, so it cannot be checked.
   *
   * @param project the package
   * @param version the locked version
   * @param fileName the file
   */
  record HashUnverifiable(ProjectName project, Version version, String fileName)
      implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": cannot check " + fileName
          + " (the index gives no hash in an algorithm the lock records)";
    }
  }

  /**
   * A hash a requirements file records that matches no file of that version on the index.
   *
   * @param project the package
   * @param version the pinned version
   * @param hash the hash as written, {@code algorithm:hexdigest}
   */
  record UnknownHash(ProjectName project, Version version, String hash) implements LockDrift {
    @Override
    public String describe() {
      return project + " " + version + ": --hash=" + hash + " matches no file on the index";
    }
  }

  /**
   * A locked package whose files' PEP 740 provenance now names other publishers than the lock's
   * {@code attestation-identities}: what an account takeover or a moved release pipeline looks
   * like from outside.
   *
   * @param project the package
   * @param version the locked version
   * @param locked the identities the lock records, sorted
   * @param current the identities of the locked files' provenance now, sorted
   */
  record PublisherChanged(
      ProjectName project, Version version,
      java.util.List<org.pylock4j.resolve.PublisherIdentity> locked,
      java.util.List<org.pylock4j.resolve.PublisherIdentity> current) implements LockDrift {
    /**
     * Copies the lists.
     *
     * @param project the package
     * @param version the locked version
     * @param locked the identities the lock records, sorted
     * @param current the identities of the locked files' provenance now, sorted
     */
    public PublisherChanged {
      locked = java.util.List.copyOf(locked);
      current = java.util.List.copyOf(current);
    }

    @Override
    public String describe() {
      return project + " " + version + ": publisher changed: lock " + describeAll(locked)
          + ", index " + describeAll(current);
    }
  }

  /**
   * A locked package with {@code attestation-identities} whose files no longer have any
   * provenance on the index.
   *
   * @param project the package
   * @param version the locked version
   * @param locked the identities the lock records, sorted
   */
  record PublisherRemoved(
      ProjectName project, Version version,
      java.util.List<org.pylock4j.resolve.PublisherIdentity> locked) implements LockDrift {
    /**
     * Copies the list.
     *
     * @param project the package
     * @param version the locked version
     * @param locked the identities the lock records, sorted
     */
    public PublisherRemoved {
      locked = java.util.List.copyOf(locked);
    }

    @Override
    public String describe() {
      return project + " " + version + ": publisher identity gone: the lock records "
          + describeAll(locked) + ", the index serves no provenance for its files";
    }
  }

  /**
   * The requirements the lock was made from changed: roots added to or removed from the inputs
   * (a requirement narrowed so that the locked version no longer satisfies it shows as a {@link
   * VersionChanged}).
   *
   * @param added the requirements the inputs have now and the lock does not
   * @param removed the requirements the lock has and the inputs no longer do
   */
  record RequirementsChanged(java.util.List<String> added, java.util.List<String> removed)
      implements LockDrift {
    /**
     * Copies the lists.
     *
     * @param added the requirements the inputs have now and the lock does not
     * @param removed the requirements the lock has and the inputs no longer do
     */
    public RequirementsChanged {
      added = java.util.List.copyOf(added);
      removed = java.util.List.copyOf(removed);
    }

    @Override
    public ProjectName project() {
      return null;
    }

    @Override
    public String describe() {
      java.util.List<String> parts = new java.util.ArrayList<>();
      added.forEach(r -> parts.add("added " + r));
      removed.forEach(r -> parts.add("removed " + r));
      return "input changed: " + String.join("; ", parts);
    }
  }

  /**
   * The environment the lock is for is not the one it would be locked for now.
   *
   * @param locked the target the lock records, in words
   * @param requested the target of the re-lock, in words
   */
  record TargetChanged(String locked, String requested) implements LockDrift {
    @Override
    public ProjectName project() {
      return null;
    }

    @Override
    public String describe() {
      return "target changed: the lock is for " + locked + ", the re-lock for " + requested;
    }
  }

  /**
   * The lock's text differs from what re-locking writes, where no other drift explains it: an
   * edited URL, index, dependency or requires-python.
   *
   * @param line the first line that differs, from 1
   * @param locked that line in the lock, empty when the lock ends before it
   * @param relocked that line of the re-lock, empty when the re-lock ends before it
   */
  record ContentChanged(int line, String locked, String relocked) implements LockDrift {
    @Override
    public ProjectName project() {
      return null;
    }

    @Override
    public String describe() {
      return "line " + line + " is not what re-locking writes: the lock has '" + locked
          + "', re-locking writes '" + relocked + "'";
    }
  }

  private static String describeAll(java.util.List<org.pylock4j.resolve.PublisherIdentity> ids) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    ids.forEach(id -> parts.add(id.describe()));
    return "[" + String.join("; ", parts) + "]";
  }
}

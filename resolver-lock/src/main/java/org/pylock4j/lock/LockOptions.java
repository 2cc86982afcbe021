package org.pylock4j.lock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.resolve.PublisherIdentity;

/**
 * How a resolution is written as a lock. Immutable; built with {@link #builder()}.
 *
 * <pre>{@code
 * LockOptions options = LockOptions.builder()
 *     .inputFile("requirements.in")
 *     .command("pylock4j lock -r requirements.in -o requirements.txt")
 *     .build();
 * }</pre>
 */
public final class LockOptions {

  private static final LockOptions DEFAULTS = builder().build();

  private final boolean uploadTimes;
  private final boolean recordInputs;
  private final boolean header;
  private final List<String> environments;
  private final String requiresPython;
  private final String inputFile;
  private final Map<ProjectName, String> rootFiles;
  private final String command;
  private final Instant generatedAt;
  private final Map<String, List<PublisherIdentity>> publishers;
  private final Map<String, Object> toolSettings;
  private final java.nio.file.Path baseDirectory;

  private LockOptions(Builder b) {
    this.uploadTimes = b.uploadTimes;
    this.recordInputs = b.recordInputs;
    this.header = b.header;
    this.environments = b.environments == null ? null : List.copyOf(b.environments);
    this.requiresPython = b.requiresPython;
    this.inputFile = b.inputFile;
    this.rootFiles = Map.copyOf(b.rootFiles);
    this.command = b.command;
    this.generatedAt = b.generatedAt;
    this.publishers = Map.copyOf(b.publishers);
    this.toolSettings = Pylock.copyTable(b.toolSettings);
    this.baseDirectory = b.baseDirectory;
  }

  /** {@return the defaults} */
  public static LockOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return whether files carry {@code upload-time}. The default is true} */
  public boolean uploadTimes() {
    return uploadTimes;
  }

  /**
   * Whether {@code [tool.pylock4j]} records the root requirements and the target's marker
   * values, so the lock can be re-resolved and verified. The default is true.
   *
   * @return whether to record the inputs
   */
  public boolean recordInputs() {
    return recordInputs;
  }

  /**
   * Whether the lock starts with its generated header comment: a requirements file's comment
   * block (which records {@link #command()}, so that {@code verify} needs no flags) and a {@code
   * pylock.toml}'s {@code # This file is @generated …} line. The default is true.
   *
   * @return whether to write the header comment
   */
  public boolean header() {
    return header;
  }

  /**
   * The {@code environments} markers, if set; by default one marker naming the target's
   * implementation, platform and Python version.
   *
   * @return the environment markers, empty when none were set
   */
  public Optional<List<String>> environments() {
    return Optional.ofNullable(environments);
  }

  /** {@return the {@code requires-python}, if set; by default {@code ==X.Y.*} of the target} */
  public Optional<String> requiresPython() {
    return Optional.ofNullable(requiresPython);
  }

  /**
   * The requirements file a root requirement came from, named in {@code # via -r FILE}: the file
   * set for its project, else the default input file; empty when neither is set (the comment
   * then quotes the requirement).
   *
   * @param root the root project, must not be null
   * @return the input file, empty when none is set
   */
  public Optional<String> inputFile(ProjectName root) {
    return Optional.ofNullable(rootFiles.getOrDefault(root, inputFile));
  }

  /** {@return the command shown in a requirements file's header, if set} */
  public Optional<String> command() {
    return Optional.ofNullable(command);
  }

  /**
   * {@return the generation time to record, if set. By default locks carry no time of their own}
   */
  public Optional<Instant> generatedAt() {
    return Optional.ofNullable(generatedAt);
  }

  /**
   * The publisher identities of the PEP 740 provenance of the file named {@code fileName}, as
   * set with {@link Builder#publisherIdentities}; empty when none were given for it.
   *
   * @param fileName the distribution's file name, must not be null
   * @return the identities, empty when none were set; never null
   */
  public List<PublisherIdentity> publisherIdentities(String fileName) {
    return publishers.getOrDefault(fileName, List.of());
  }

  /**
   * More entries of {@code [tool.pylock4j]} (what the lock was made from), written after {@code
   * requirements} when {@link #recordInputs()}; empty by default.
   *
   * @return the {@code [tool.pylock4j]} settings to record, never null
   */
  public Map<String, Object> toolSettings() {
    return toolSettings;
  }

  /**
   * The lock's directory, if set: a locked file with a {@code file:} URL under it is written as a
   * PEP 751 {@code path} relative to it (and its index as a relative path), so the lock is the
   * same on every checkout. By default files keep their URLs.
   *
   * @return the base directory, empty when not set
   */
  public Optional<java.nio.file.Path> baseDirectory() {
    return Optional.ofNullable(baseDirectory);
  }

  /** Builds {@link LockOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean uploadTimes = true;
    private boolean recordInputs = true;
    private boolean header = true;
    private List<String> environments;
    private String requiresPython;
    private String inputFile;
    private final Map<ProjectName, String> rootFiles = new LinkedHashMap<>();
    private String command;
    private Instant generatedAt;
    private final Map<String, List<PublisherIdentity>> publishers = new LinkedHashMap<>();
    private final Map<String, Object> toolSettings = new LinkedHashMap<>();
    private java.nio.file.Path baseDirectory;

    private Builder() {}

    /**
     * Adds entries to {@code [tool.pylock4j]} (TOML values: strings, numbers, booleans, lists and
     * tables of them).
     *
     * @param settings the settings, must not be null
     * @return this builder
     */
    public Builder toolSettings(Map<String, Object> settings) {
      settings.forEach((k, v) -> toolSettings.put(
          Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
      return this;
    }

    /**
     * Sets the lock's directory (see {@link LockOptions#baseDirectory()}); null clears it.
     *
     * @param directory the directory, or null for none
     * @return this builder
     */
    public Builder baseDirectory(java.nio.file.Path directory) {
      this.baseDirectory = directory == null ? null : directory.toAbsolutePath().normalize();
      return this;
    }

    /**
     * Sets whether files carry {@code upload-time}.
     *
     * @param uploadTimes true to record upload times
     * @return this builder
     */
    public Builder uploadTimes(boolean uploadTimes) {
      this.uploadTimes = uploadTimes;
      return this;
    }

    /**
     * Sets whether {@code [tool.pylock4j]} records the inputs.
     *
     * @param recordInputs true to record the inputs
     * @return this builder
     */
    public Builder recordInputs(boolean recordInputs) {
      this.recordInputs = recordInputs;
      return this;
    }

    /**
     * Sets whether the lock starts with its generated header comment (see {@link
     * LockOptions#header()}); without it a requirements file does not record its command.
     *
     * @param header false to leave the header comment out
     * @return this builder
     */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * Sets the {@code environments} markers (an empty list writes none).
     *
     * @param markers the PEP 508 marker expressions, must not be null
     * @return this builder
     */
    public Builder environments(List<String> markers) {
      this.environments = List.copyOf(markers);
      return this;
    }

    /**
     * Sets the {@code requires-python}.
     *
     * @param specifier the Requires-Python specifier, must not be null
     * @return this builder
     */
    public Builder requiresPython(String specifier) {
      this.requiresPython = Objects.requireNonNull(specifier, "specifier");
      return this;
    }

    /**
     * Sets the file every root requirement came from, unless set per project.
     *
     * @param fileName the file name, must not be null
     * @return this builder
     */
    public Builder inputFile(String fileName) {
      this.inputFile = Objects.requireNonNull(fileName, "fileName");
      return this;
    }

    /**
     * Sets the file the root requirement on {@code root} came from.
     *
     * @param root the root project, must not be null
     * @param fileName the file name, must not be null
     * @return this builder
     */
    public Builder inputFile(ProjectName root, String fileName) {
      rootFiles.put(Objects.requireNonNull(root, "root"),
          Objects.requireNonNull(fileName, "fileName"));
      return this;
    }

    /**
     * Sets the command shown in a requirements file's header.
     *
     * @param command the command, must not be null
     * @return this builder
     */
    public Builder command(String command) {
      this.command = Objects.requireNonNull(command, "command");
      return this;
    }

    /**
     * Records {@code instant} as the generation time; null records none (the default).
     *
     * @param instant the time to record, or null to leave it out
     * @return this builder
     */
    public Builder generatedAt(Instant instant) {
      this.generatedAt = instant;
      return this;
    }

    /**
     * Adds the publisher identities of locked files' PEP 740 provenance, by filename (e.g. from
     * {@code PypiIndex.publishers(file)} for each file of the resolution). A package's {@code
     * [[packages.attestation-identities]]} (PEP 751) are the distinct identities of its locked
     * files, sorted. The default is none: no {@code attestation-identities} are written.
     *
     * @param byFileName filename to the identities of that file's provenance, must not be null
     * @return this builder
     */
    public Builder publisherIdentities(Map<String, List<PublisherIdentity>> byFileName) {
      byFileName.forEach((name, ids) -> publishers.put(
          Objects.requireNonNull(name, "fileName"), List.copyOf(ids)));
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options, never null
     */
    public LockOptions build() {
      return new LockOptions(this);
    }
  }
}

package org.pylock4j.lock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * One {@code [[packages]]} entry of a {@code pylock.toml} (PEP 751 "packages").
 *
 * <p>At most one of {@code vcs}, {@code directory} and {@code archive} is set, and when one is,
 * there is no {@code sdist} and no wheel.
 *
 * @param name {@code name}, normalised
 * @param version {@code version}, or null (a source tree has none)
 * @param marker {@code marker}, or null
 * @param requiresPython {@code requires-python}, or null
 * @param dependencies {@code dependencies}: the entries this one requires
 * @param index {@code index}: the Simple API base URL the files came from, or null
 * @param vcs {@code vcs}, or null
 * @param directory {@code directory}, or null
 * @param archive {@code archive}, or null
 * @param sdist {@code sdist}, or null
 * @param wheels {@code wheels}, in file order
 * @param attestationIdentities {@code attestation-identities} (PEP 740), in file order
 * @param tool {@code tool}: tool name to its table, as {@link Pylock#tool()}
 */
public record PylockPackage(
    ProjectName name,
    Version version,
    String marker,
    String requiresPython,
    List<Dependency> dependencies,
    String index,
    Vcs vcs,
    Directory directory,
    Archive archive,
    Sdist sdist,
    List<Wheel> wheels,
    List<AttestationIdentity> attestationIdentities,
    Map<String, Object> tool) {

  /**
   * Copies the collections; checks that the sources do not conflict.
   *
   * @param name {@code name}, normalised
   * @param version {@code version}, or null (a source tree has none)
   * @param marker {@code marker}, or null
   * @param requiresPython {@code requires-python}, or null
   * @param dependencies {@code dependencies}: the entries this one requires
   * @param index {@code index}: the Simple API base URL the files came from, or null
   * @param vcs {@code vcs}, or null
   * @param directory {@code directory}, or null
   * @param archive {@code archive}, or null
   * @param sdist {@code sdist}, or null
   * @param wheels {@code wheels}, in file order
   * @param attestationIdentities {@code attestation-identities} (PEP 740), in file order
   * @param tool {@code tool}: tool name to its table, as {@link Pylock#tool()}
   */
  public PylockPackage {
    Objects.requireNonNull(name, "name");
    dependencies = List.copyOf(dependencies);
    wheels = List.copyOf(wheels);
    attestationIdentities = List.copyOf(attestationIdentities);
    tool = Pylock.copyTable(tool);
    String conflict = sourceConflict(vcs, directory, archive, sdist, wheels);
    if (conflict != null) {
      throw new IllegalArgumentException(name + ": " + conflict);
    }
  }

  /**
   * A package from an index: name, version, index, sdist and wheels.
   *
   * @param name the project name, must not be null
   * @param version the version, must not be null
   * @param index the index URL, or null
   * @param sdist the sdist, or null when there is none
   * @param wheels the wheels, must not be null
   * @return the package, never null
   */
  public static PylockPackage fromIndex(
      ProjectName name, Version version, String index, Sdist sdist, List<Wheel> wheels) {
    return new PylockPackage(
        name, version, null, null, List.of(), index, null, null, null, sdist, wheels, List.of(),
        Map.of());
  }

  /** {@return the version, if recorded} */
  public Optional<Version> versionIfAny() {
    return Optional.ofNullable(version);
  }

  /** {@return every file recorded: the archive, the sdist and the wheels (in that order)} */
  public List<LockedFile> files() {
    List<LockedFile> files = new ArrayList<>();
    if (archive != null) {
      files.add(new LockedFile(fileName(archive.url(), archive.path()), archive.url(),
          archive.hashes()));
    }
    if (sdist != null) {
      files.add(new LockedFile(sdist.fileName(), sdist.url(), sdist.hashes()));
    }
    for (Wheel w : wheels) {
      files.add(new LockedFile(w.fileName(), w.url(), w.hashes()));
    }
    return files;
  }

  /** Why these sources cannot be combined, or null when they can. */
  static String sourceConflict(
      Vcs vcs, Directory directory, Archive archive, Sdist sdist, List<Wheel> wheels) {
    List<String> set = new ArrayList<>();
    if (vcs != null) {
      set.add("vcs");
    }
    if (directory != null) {
      set.add("directory");
    }
    if (archive != null) {
      set.add("archive");
    }
    if (set.size() > 1) {
      return "'" + set.get(0) + "' cannot be combined with '" + set.get(1) + "'";
    }
    if (set.size() == 1 && sdist != null) {
      return "'" + set.get(0) + "' cannot be combined with 'sdist'";
    }
    if (set.size() == 1 && !wheels.isEmpty()) {
      return "'" + set.get(0) + "' cannot be combined with 'wheels'";
    }
    return null;
  }

  /** The last path segment of {@code url} (or of {@code path}), without query or fragment. */
  static String fileName(String url, String path) {
    String s = path;
    if (url != null) {
      s = url;
      for (char c : new char[] {'#', '?'}) {
        int i = s.indexOf(c);
        if (i >= 0) {
          s = s.substring(0, i);
        }
      }
    }
    if (s == null) {
      return null;
    }
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    String name = s.substring(slash + 1);
    return url != null ? percentDecode(name) : name;
  }

  /** Decodes {@code %XX} escapes as UTF-8 ({@code +} stays a plus: this is a path). */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (c == '%' && i + 2 < s.length()
          && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        byte[] bytes = new String(Character.toChars(c))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(c);
      }
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }


  /**
   * One file a lock records, whatever its kind.
   *
   * @param fileName the file name, or null when neither recorded nor inferable
   * @param url the URL, or null
   * @param hashes algorithm to hex digest
   */
  public record LockedFile(String fileName, String url, Map<String, String> hashes) {
    /**
     * Copies the hashes.
     *
     * @param fileName the file name, or null when neither recorded nor inferable
     * @param url the URL, or null
     * @param hashes algorithm to hex digest
     */
    public LockedFile {
      hashes = Map.copyOf(hashes);
    }
  }

  /**
   * One {@code packages.dependencies} entry: enough keys to find the entry it names.
   *
   * @param name the package name
   * @param version its version, or null when the name is unambiguous
   */
  public record Dependency(ProjectName name, Version version) {
    /**
     * Checks the name.
     *
     * @param name the package name
     * @param version its version, or null when the name is unambiguous
     */
    public Dependency {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code packages.vcs}: a source tree from a version control system.
   *
   * @param type {@code type}, e.g. {@code git}
   * @param url {@code url}, or null
   * @param path {@code path}, or null
   * @param requestedRevision {@code requested-revision}, or null
   * @param commitId {@code commit-id}
   * @param subdirectory {@code subdirectory}, or null
   */
  public record Vcs(
      String type,
      String url,
      String path,
      String requestedRevision,
      String commitId,
      String subdirectory) {
    /**
     * Checks the required keys.
     *
     * @param type {@code type}, e.g. {@code git}
     * @param url {@code url}, or null
     * @param path {@code path}, or null
     * @param requestedRevision {@code requested-revision}, or null
     * @param commitId {@code commit-id}
     * @param subdirectory {@code subdirectory}, or null
     */
    public Vcs {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(commitId, "commitId");
    }
  }

  /**
   * {@code packages.directory}: a local source tree.
   *
   * @param path {@code path}
   * @param editable {@code editable}
   * @param subdirectory {@code subdirectory}, or null
   */
  public record Directory(String path, boolean editable, String subdirectory) {
    /**
     * Checks the path.
     *
     * @param path {@code path}
     * @param editable {@code editable}
     * @param subdirectory {@code subdirectory}, or null
     */
    public Directory {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * {@code packages.archive}: a direct reference to an archive file.
   *
   * @param url {@code url}, or null
   * @param path {@code path}, or null
   * @param size {@code size}, or -1 when not recorded
   * @param uploadTime {@code upload-time}, or null
   * @param hashes {@code hashes}: algorithm to hex digest
   * @param subdirectory {@code subdirectory}, or null
   */
  public record Archive(
      String url,
      String path,
      long size,
      Instant uploadTime,
      Map<String, String> hashes,
      String subdirectory) {
    /**
     * Copies the hashes.
     *
     * @param url {@code url}, or null
     * @param path {@code path}, or null
     * @param size {@code size}, or -1 when not recorded
     * @param uploadTime {@code upload-time}, or null
     * @param hashes {@code hashes}: algorithm to hex digest
     * @param subdirectory {@code subdirectory}, or null
     */
    public Archive {
      hashes = Map.copyOf(hashes);
    }
  }

  /**
   * {@code packages.sdist}.
   *
   * @param name {@code name}: the file name, or null when the URL or path gives it
   * @param uploadTime {@code upload-time}, or null
   * @param url {@code url}, or null
   * @param path {@code path}, or null
   * @param size {@code size}, or -1 when not recorded
   * @param hashes {@code hashes}: algorithm to hex digest
   */
  public record Sdist(
      String name, Instant uploadTime, String url, String path, long size,
      Map<String, String> hashes) {
    /**
     * Copies the hashes.
     *
     * @param name {@code name}: the file name, or null when the URL or path gives it
     * @param uploadTime {@code upload-time}, or null
     * @param url {@code url}, or null
     * @param path {@code path}, or null
     * @param size {@code size}, or -1 when not recorded
     * @param hashes {@code hashes}: algorithm to hex digest
     */
    public Sdist {
      hashes = Map.copyOf(hashes);
    }

    /** {@return the file name: {@code name}, else the last segment of the URL or path} */
    public String fileName() {
      return name != null ? name : PylockPackage.fileName(url, path);
    }
  }

  /**
   * One {@code packages.wheels} entry.
   *
   * @param name {@code name}: the file name, or null when the URL or path gives it
   * @param uploadTime {@code upload-time}, or null
   * @param url {@code url}, or null
   * @param path {@code path}, or null
   * @param size {@code size}, or -1 when not recorded
   * @param hashes {@code hashes}: algorithm to hex digest
   */
  public record Wheel(
      String name, Instant uploadTime, String url, String path, long size,
      Map<String, String> hashes) {
    /**
     * Copies the hashes.
     *
     * @param name {@code name}: the file name, or null when the URL or path gives it
     * @param uploadTime {@code upload-time}, or null
     * @param url {@code url}, or null
     * @param path {@code path}, or null
     * @param size {@code size}, or -1 when not recorded
     * @param hashes {@code hashes}: algorithm to hex digest
     */
    public Wheel {
      hashes = Map.copyOf(hashes);
    }

    /** {@return the file name: {@code name}, else the last segment of the URL or path} */
    public String fileName() {
      return name != null ? name : PylockPackage.fileName(url, path);
    }
  }

  /**
   * One {@code packages.attestation-identities} entry (PEP 740 publisher).
   *
   * @param kind {@code kind}, e.g. {@code GitHub}
   * @param fields the other keys, in file order (TOML values as in {@link Pylock#tool()})
   */
  public record AttestationIdentity(String kind, Map<String, Object> fields) {
    /**
     * Copies the fields.
     *
     * @param kind {@code kind}, e.g. {@code GitHub}
     * @param fields the other keys, in file order (TOML values as in {@link Pylock#tool()})
     */
    public AttestationIdentity {
      Objects.requireNonNull(kind, "kind");
      fields = Pylock.copyTable(fields);
    }

    /**
     * The entry for a publisher identity: its kind and fields, in key order.
     *
     * @param identity the identity, must not be null
     * @return the entry, never null
     */
    public static AttestationIdentity of(org.pylock4j.resolve.PublisherIdentity identity) {
      return new AttestationIdentity(identity.kind(), new java.util.LinkedHashMap<>(identity.fields()));
    }

    /**
     * The publisher identity this entry records: the kind and the string-valued keys (empty
     * strings dropped), as {@link org.pylock4j.resolve.PublisherIdentity} compares them.
     *
     * @return the identity, never null
     * @throws IllegalArgumentException when {@code kind} is blank
     */
    public org.pylock4j.resolve.PublisherIdentity toPublisherIdentity() {
      Map<String, String> strings = new java.util.TreeMap<>();
      fields.forEach((k, v) -> {
        if (v instanceof String text && !k.equals("claims")) {
          strings.put(k, text);
        }
      });
      return org.pylock4j.resolve.PublisherIdentity.of(kind, strings);
    }
  }
}

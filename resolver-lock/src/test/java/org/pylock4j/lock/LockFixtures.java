package org.pylock4j.lock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pylock4j.requirement.MarkerEnvironment;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionStatistics;
import org.pylock4j.resolve.TargetEnvironment;
import org.pylock4j.version.Version;

/**
 * Resolutions built by hand from real pypi.org files ({@code lock/real-files.tsv}: real names and
 * sha256 digests; the index and file URLs are a made-up host, {@code index.example}).
 */
final class LockFixtures {

  static final String INDEX = "https://index.example/simple/";

  private static final Map<String, DistributionFile> FILES = load();

  private LockFixtures() {}

  static String resource(String name) {
    try (InputStream in = LockFixtures.class.getResourceAsStream("/lock/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource lock/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, DistributionFile> load() {
    Map<String, DistributionFile> files = new LinkedHashMap<>();
    for (String line : resource("real-files.tsv").split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      String filename = f[0];
      String stem = filename.endsWith(".whl") ? filename : filename.replace(".tar.gz", "");
      String[] parts = filename.endsWith(".whl")
          ? stem.split("-")
          : new String[] {stem.substring(0, stem.lastIndexOf('-')),
              stem.substring(stem.lastIndexOf('-') + 1)};
      files.put(filename, new DistributionFile(
          ProjectName.of(parts[0]),
          Version.parse(parts[1]),
          filename,
          "https://index.example/files/" + filename,
          Map.of("sha256", f[1]),
          f[4].equals("-") ? null : f[4],
          null,
          f[3].equals("-") ? null : Instant.parse(f[3]),
          f[2].equals("-") ? -1 : Long.parseLong(f[2]),
          null));
    }
    return files;
  }

  /** The real file {@code filename}. */
  static DistributionFile file(String filename) {
    DistributionFile f = FILES.get(filename);
    if (f == null) {
      throw new IllegalArgumentException("not in real-files.tsv: " + filename);
    }
    return f;
  }

  static TargetEnvironment target() {
    return TargetEnvironment.cpython("3.12", MarkerEnvironment.Platform.LINUX_X86_64);
  }

  static LockedPackage pkg(String name, String version, String... filenames) {
    List<DistributionFile> files = new ArrayList<>();
    for (String f : filenames) {
      files.add(file(f));
    }
    return new LockedPackage(
        ProjectName.of(name), Version.parse(version), files, INDEX, Set.of(), null);
  }

  static DependencyEdge root(String requirement) {
    Requirement r = Requirement.parse(requirement);
    return new DependencyEdge(null, r.projectName(), r);
  }

  static DependencyEdge edge(String from, String requirement) {
    Requirement r = Requirement.parse(requirement);
    return new DependencyEdge(ProjectName.of(from), r.projectName(), r);
  }

  static Resolution resolution(List<LockedPackage> packages, List<DependencyEdge> edges) {
    List<Requirement> roots = new ArrayList<>();
    for (DependencyEdge e : edges) {
      if (e.from() == null) {
        roots.add(e.requirement());
      }
    }
    return new Resolution(roots, target(), packages, edges, List.of(),
        new ResolutionStatistics(0, 0, 0, 0, 0, Duration.ZERO));
  }

  static List<LockedPackage> samplePackages() {
    return List.of(
        pkg("certifi", "2024.8.30", "certifi-2024.8.30-py3-none-any.whl"),
        pkg("charset-normalizer", "3.3.2",
            "charset_normalizer-3.3.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "charset_normalizer-3.3.2-py3-none-any.whl"),
        pkg("docopt", "0.6.2", "docopt-0.6.2.tar.gz"),
        pkg("idna", "3.7", "idna-3.7-py3-none-any.whl"),
        pkg("pyyaml", "6.0.2",
            "PyYAML-6.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
        pkg("requests", "2.32.3", "requests-2.32.3-py3-none-any.whl"),
        pkg("setuptools", "67.6.1", "setuptools-67.6.1-py3-none-any.whl"),
        pkg("urllib3", "2.2.2", "urllib3-2.2.2-py3-none-any.whl"));
  }

  static List<DependencyEdge> sampleEdges() {
    return List.of(
        root("requests>=2.31"),
        root("docopt==0.6.2"),
        root("setuptools==67.6.1"),
        root("PyYAML>=6"),
        edge("requests", "certifi>=2017.4.17"),
        edge("requests", "charset_normalizer<4,>=2"),
        edge("requests", "idna<4,>=2.5"),
        edge("requests", "urllib3<3,>=1.21.1"));
  }

  /**
   * requests, docopt (sdist only), setuptools (size and upload-time known) and PyYAML (a CPython
   * 3.12 manylinux wheel) for CPython 3.12 on Linux x86_64.
   */
  static Resolution sample() {
    return resolution(samplePackages(), sampleEdges());
  }
}

package org.pylock4j.lock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DependencyEdge;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;

/**
 * Prints requirements files in pip-compile's {@code --generate-hashes} shape, which {@code pip
 * install --require-hashes -r} accepts:
 *
 * <pre>
 * idna==3.10 \
 *     --hash=sha256:946d195a0d259cbba61165e88e65941f16e9b36ea6ddb97f00452bae8b1287d3
 *     # via requests
 * </pre>
 */
final class RequirementsTxtWriter {

  /** Hash algorithms pip accepts in {@code --hash}, strongest last. */
  private static final List<String> PIP_ALGORITHMS = List.of("sha256", "sha384", "sha512");

  private RequirementsTxtWriter() {}

  private record Entry(
      ProjectName name, Set<String> extras, String version, String url, String marker,
      Set<String> hashes, List<String> via) {}

  static String write(Resolution resolution, LockOptions options) {
    List<LockedPackage> sorted = new ArrayList<>(resolution.packages());
    sorted.sort(Comparator.comparing(LockedPackage::name).thenComparing(LockedPackage::version,
        Comparator.nullsFirst(Comparator.naturalOrder())));
    List<Entry> entries = new ArrayList<>();
    for (LockedPackage p : sorted) {
      Set<String> hashes = new TreeSet<>();
      for (DistributionFile f : p.files()) {
        hashes.add(pipHash(p.name() + " " + p.version(), f.filename(), f.hashes()));
      }
      if (hashes.isEmpty()) {
        throw unhashable(p.name());
      }
      TreeSet<String> files = new TreeSet<>();
      TreeSet<ProjectName> parents = new TreeSet<>();
      TreeSet<String> quoted = new TreeSet<>();
      for (DependencyEdge e : resolution.edges()) {
        if (!e.to().equals(p.name())) {
          continue;
        }
        if (e.from() != null) {
          parents.add(e.from());
        } else {
          options.inputFile(p.name()).ifPresentOrElse(
              f -> files.add("-r " + f), () -> quoted.add(e.requirement() + " (root)"));
        }
      }
      entries.add(new Entry(p.name(), p.extras(),
          p.directUrl() == null ? p.version().toString() : null, stripFragment(p.directUrl()),
          p.marker() == null ? null : p.marker().toString(), hashes, via(files, quoted, parents)));
    }
    if (resolution.universal() != null) {
      return render(universalHeader(resolution.universal().requiresPython().toString(), options),
          entries);
    }
    return render(header(resolution.target().markers().values(), options), entries);
  }

  static String write(Pylock lock, LockOptions options) {
    Map<ProjectName, TreeSet<ProjectName>> parents = new TreeMap<>();
    for (PylockPackage p : lock.packages()) {
      for (PylockPackage.Dependency d : p.dependencies()) {
        parents.computeIfAbsent(d.name(), k -> new TreeSet<>()).add(p.name());
      }
    }
    Map<ProjectName, TreeSet<String>> rootFiles = new TreeMap<>();
    Map<ProjectName, TreeSet<String>> rootQuoted = new TreeMap<>();
    for (String root : lock.pylock4jRequirements()) {
      ProjectName name;
      try {
        name = Requirement.parse(root).projectName();
      } catch (InvalidInputException e) {
        continue;
      }
      options.inputFile(name).ifPresentOrElse(
          f -> rootFiles.computeIfAbsent(name, k -> new TreeSet<>()).add("-r " + f),
          () -> rootQuoted.computeIfAbsent(name, k -> new TreeSet<>()).add(root + " (root)"));
    }
    List<PylockPackage> sorted = new ArrayList<>(lock.packages());
    sorted.sort(Comparator.comparing(PylockPackage::name));
    List<Entry> entries = new ArrayList<>();
    for (PylockPackage p : sorted) {
      Set<String> hashes = new TreeSet<>();
      for (PylockPackage.LockedFile f : p.files()) {
        hashes.add(pipHash(p.name() + " " + p.version(), f.fileName(), f.hashes()));
      }
      String url = p.archive() != null ? p.archive().url() : null;
      if (hashes.isEmpty() || (p.version() == null && url == null)) {
        throw unhashable(p.name());
      }
      entries.add(new Entry(p.name(), Set.of(), url == null ? p.version().toString() : null,
          url, p.marker(), hashes, via(rootFiles.getOrDefault(p.name(), new TreeSet<>()),
              rootQuoted.getOrDefault(p.name(), new TreeSet<>()),
              parents.getOrDefault(p.name(), new TreeSet<>()))));
    }
    if (lock.tool().get("pylock4j") instanceof Map<?, ?> own && Boolean.TRUE.equals(own.get("universal"))) {
      return render(universalHeader(lock.requiresPython(), options), entries);
    }
    Map<String, String> markers = Map.of();
    if (lock.tool().get("pylock4j") instanceof Map<?, ?> own
        && own.get("markers") instanceof Map<?, ?> m) {
      Map<String, String> copy = new TreeMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
      markers = copy;
    }
    return render(header(markers, options), entries);
  }

  private static List<String> via(
      Set<String> files, Set<String> quoted, Set<ProjectName> parents) {
    List<String> via = new ArrayList<>(files);
    via.addAll(quoted);
    for (ProjectName n : parents) {
      via.add(n.normalized());
    }
    return via;
  }

  private static String pipHash(String what, String fileName, Map<String, String> hashes) {
    for (String algorithm : PIP_ALGORITHMS) {
      String digest = hashes.get(algorithm);
      if (digest != null) {
        return algorithm + ":" + digest.toLowerCase(java.util.Locale.ROOT);
      }
    }
    throw new PylockException("cannot lock " + what + ": no sha256, sha384 or sha512 known for "
        + fileName + " (pip --require-hashes accepts no other)");
  }

  private static PylockException unhashable(ProjectName name) {
    return new PylockException("cannot write " + name + " to a requirements file: it has no "
        + "file hash to pin it by (pip --require-hashes refuses VCS and directory requirements)");
  }

  private static String universalHeader(String requiresPython, LockOptions options) {
    if (!options.header()) {
      return "";
    }
    StringBuilder b = new StringBuilder("#\n# This file is autogenerated by pylock4j for every "
        + "environment" + (requiresPython == null ? "" : " with Python " + requiresPython)
        + " (universal: each line holds where its marker does)\n");
    options.generatedAt().ifPresent(t -> b.append("# at ").append(t).append('\n'));
    options.command().ifPresent(c ->
        b.append("# by the following command:\n#\n#    ").append(c).append('\n'));
    b.append("#\n");
    return b.toString();
  }

  private static String header(Map<String, String> markers, LockOptions options) {
    if (!options.header()) {
      return "";
    }
    StringBuilder b = new StringBuilder("#\n# This file is autogenerated by pylock4j");
    String python = markers.get("python_version");
    if (python != null) {
      b.append(" with Python ").append(python);
      List<String> where = new ArrayList<>();
      for (String v : List.of("implementation_name", "sys_platform", "platform_machine")) {
        if (markers.containsKey(v)) {
          where.add(markers.get(v));
        }
      }
      if (!where.isEmpty()) {
        b.append(" (").append(String.join(", ", where)).append(')');
      }
    }
    b.append('\n');
    options.generatedAt().ifPresent(t -> b.append("# at ").append(t).append('\n'));
    options.command().ifPresent(c ->
        b.append("# by the following command:\n#\n#    ").append(c).append('\n'));
    b.append("#\n");
    return b.toString();
  }

  private static String render(String header, List<Entry> entries) {
    StringBuilder b = new StringBuilder(header);
    for (Entry e : entries) {
      b.append(e.name().normalized());
      if (!e.extras().isEmpty()) {
        b.append('[').append(String.join(",", new TreeSet<>(e.extras()))).append(']');
      }
      if (e.url() != null) {
        b.append(" @ ").append(e.url());
      } else {
        b.append("==").append(e.version());
      }
      if (e.marker() != null) {
        b.append(e.url() != null ? " ; " : " ; ").append(e.marker());
      }
      for (String h : e.hashes()) {
        b.append(" \\\n    --hash=").append(h);
      }
      b.append('\n');
      if (e.via().size() == 1) {
        b.append("    # via ").append(e.via().get(0)).append('\n');
      } else if (!e.via().isEmpty()) {
        b.append("    # via\n");
        for (String v : e.via()) {
          b.append("    #   ").append(v).append('\n');
        }
      }
    }
    return b.toString();
  }

  private static String stripFragment(String url) {
    return url == null || !url.contains("#") ? url : url.substring(0, url.indexOf('#'));
  }
}

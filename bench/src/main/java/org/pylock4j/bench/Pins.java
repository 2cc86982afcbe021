package org.pylock4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.input.RequirementsFile;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.version.Version;

/** Chosen versions (normalised name → version) from pip reports, locks and resolutions. */
final class Pins {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PIN =
      Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\\[[^\\]]*\\])?==([^\\s;\\\\]+)");

  private Pins() {}

  /** The {@code install} list of a {@code pip install --report} file. */
  static Map<String, String> fromPipReport(Path report) {
    try {
      JsonNode root = JSON.readTree(Files.readAllBytes(report));
      Map<String, String> pins = new TreeMap<>();
      for (JsonNode item : root.get("install")) {
        JsonNode meta = item.get("metadata");
        pins.put(ProjectName.normalize(meta.get("name").asText()), meta.get("version").asText());
      }
      return pins;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code name==version} lines of a requirements-format lock. */
  static Map<String, String> fromRequirementsLock(Path lock) {
    try {
      Map<String, String> pins = new TreeMap<>();
      for (String line : Files.readAllLines(lock)) {
        Matcher m = PIN.matcher(line);
        if (m.find()) {
          pins.put(ProjectName.normalize(m.group(1)), m.group(2));
        }
      }
      return pins;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> fromResolution(Resolution r) {
    Map<String, String> pins = new TreeMap<>();
    for (LockedPackage p : r.packages()) {
      pins.put(p.name().normalized(), p.version().toString());
    }
    return pins;
  }

  /** The root requirements of a requirements file (pip syntax). */
  static List<Requirement> roots(Path file) {
    List<Requirement> roots = new ArrayList<>();
    for (DeclaredRequirement d : RequirementsFile.read(file).requirements()) {
      roots.add(d.requirement());
    }
    return roots;
  }

  /** "name: a → b" for every project whose version differs (compared as PEP 440 versions). */
  static List<String> differences(Map<String, String> ours, Map<String, String> pip) {
    return differences(ours, pip, "pylock4j", "pip");
  }

  /** "name: labelA a, labelB b" for every project whose version differs. */
  static List<String> differences(
      Map<String, String> ours, Map<String, String> pip, String labelA, String labelB) {
    Set<String> names = new java.util.TreeSet<>(ours.keySet());
    names.addAll(pip.keySet());
    List<String> diff = new ArrayList<>();
    for (String name : names) {
      String a = ours.get(name);
      String b = pip.get(name);
      if (!same(a, b)) {
        diff.add(name + ": " + labelA + " " + (a == null ? "—" : a) + ", " + labelB + " "
            + (b == null ? "—" : b));
      }
    }
    return diff;
  }

  static boolean same(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    var va = Version.tryParse(a);
    var vb = Version.tryParse(b);
    return va.isPresent() && vb.isPresent() ? va.equals(vb) : a.equals(b);
  }

  /**
   * The first project, in pylock4j's objective order, where the two answers differ, and which
   * answer that project's comparison favours: not installed beats installed, then the newer
   * version wins. Empty when equal. The order is the optimiser's walk (resolver-sat {@code
   * Optimizer}): roots in input order, then breadth-first along the dependency edges of
   * pylock4j's answer, each package's dependencies in name order; projects only pip installs
   * come last, by name. Up to the first difference both answers made the same decisions, so
   * walking pylock4j's edges gives the order both were compared in.
   */
  static String firstLexicographicDifference(
      Resolution ours, Map<String, String> oursPins, Map<String, String> pip) {
    Map<String, List<String>> edges = new TreeMap<>();
    ours.edges().forEach(e -> e.requiredBy().ifPresent(from -> edges
        .computeIfAbsent(from.normalized(), k -> new ArrayList<>()).add(e.to().normalized())));
    Set<String> order = new LinkedHashSet<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    for (Requirement r : ours.roots()) {
      if (order.add(r.projectName().normalized())) {
        queue.add(r.projectName().normalized());
      }
    }
    while (!queue.isEmpty()) {
      for (String q : new java.util.TreeSet<>(edges.getOrDefault(queue.poll(), List.of()))) {
        if (order.add(q)) {
          queue.add(q);
        }
      }
    }
    Set<String> rest = new java.util.TreeSet<>(oursPins.keySet());
    rest.addAll(pip.keySet());
    order.addAll(rest);
    for (String name : order) {
      String a = oursPins.get(name);
      String b = pip.get(name);
      if (same(a, b)) {
        continue;
      }
      String better;
      if (a == null) {
        better = "pylock4j (leaves it out)";
      } else if (b == null) {
        better = "pip (leaves it out)";
      } else {
        better = Version.parse(a).compareTo(Version.parse(b)) > 0 ? "pylock4j (newer)" : "pip (newer)";
      }
      return name + ": pylock4j " + (a == null ? "—" : a) + " vs pip " + (b == null ? "—" : b)
          + " → " + better;
    }
    return "";
  }
}

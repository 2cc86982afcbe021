package org.pylock4j.trust;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

/**
 * One OSV vulnerability record (https://ossf.github.io/osv-schema/), reduced to what an audit of
 * PyPI packages needs.
 */
final class OsvRecord {

  static final String ECOSYSTEM = "PyPI";

  final String id;
  final List<String> aliases;
  final String summary;
  final boolean withdrawn;
  final List<Severity> severity;
  final List<Affected> affected;

  private OsvRecord(String id, List<String> aliases, String summary, boolean withdrawn,
      List<Severity> severity, List<Affected> affected) {
    this.id = id;
    this.aliases = List.copyOf(aliases);
    this.summary = summary;
    this.withdrawn = withdrawn;
    this.severity = List.copyOf(severity);
    this.affected = List.copyOf(affected);
  }

  /** An {@code affected[]} entry for a PyPI package. */
  record Affected(ProjectName name, List<Range> ranges, List<String> versions, List<Severity> severity) {}

  /** An {@code ECOSYSTEM} range: its events in the record's order. */
  record Range(List<Event> events) {}

  /** {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit} and its version text. */
  record Event(String kind, String version) {}

  /**
   * Reads a record; {@code affected[]} entries of other ecosystems, ranges of type {@code GIT} or
   * {@code SEMVER}, and package names that are not valid PyPI names are dropped.
   *
   * @throws IllegalArgumentException when the record has no {@code id}
   */
  static OsvRecord parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("an OSV record must be a JSON object");
    }
    if (!node.path("id").isTextual() || node.path("id").asText().isBlank()) {
      throw new IllegalArgumentException("OSV record without an id");
    }
    String id = node.path("id").asText();
    shape(node, "aliases", JsonNode::isArray, "an array", id);
    shape(node, "affected", JsonNode::isArray, "an array", id);
    for (JsonNode a : node.path("affected")) {
      if (!a.isObject()) {
        throw new IllegalArgumentException(id + ": each of \"affected\" must be an object");
      }
      shape(a, "package", JsonNode::isObject, "an object", id);
      shape(a, "ranges", JsonNode::isArray, "an array", id);
      shape(a, "versions", JsonNode::isArray, "an array", id);
      for (JsonNode r : a.path("ranges")) {
        if (!r.isObject() || !r.path("events").isArray()) {
          throw new IllegalArgumentException(id + ": each range must be an object with an \"events\" array");
        }
        for (JsonNode e : r.path("events")) {
          if (!e.isObject()) {
            throw new IllegalArgumentException(id + ": each range event must be an object");
          }
        }
      }
    }
    List<String> aliases = new ArrayList<>();
    node.path("aliases").forEach(a -> aliases.add(a.asText()));
    String summary = node.path("summary").asText("").strip();
    if (summary.isEmpty()) {
      summary = node.path("details").asText("").strip().lines().findFirst().orElse("");
    }
    boolean withdrawn = !node.path("withdrawn").asText("").isEmpty();
    List<Severity> severity = severities(node);
    List<Affected> affected = new ArrayList<>();
    for (JsonNode a : node.path("affected")) {
      JsonNode pkg = a.path("package");
      String name = pkg.path("name").asText("");
      if (!pkg.path("ecosystem").asText("").equals(ECOSYSTEM) || !ProjectName.isValid(name)) {
        continue;
      }
      List<Range> ranges = new ArrayList<>();
      for (JsonNode r : a.path("ranges")) {
        if (!r.path("type").asText("").equals("ECOSYSTEM")) {
          continue;
        }
        List<Event> events = new ArrayList<>();
        for (JsonNode e : r.path("events")) {
          e.fieldNames().forEachRemaining(k -> events.add(new Event(k, e.path(k).asText())));
        }
        ranges.add(new Range(List.copyOf(events)));
      }
      List<String> versions = new ArrayList<>();
      a.path("versions").forEach(v -> versions.add(v.asText()));
      affected.add(new Affected(ProjectName.of(name), List.copyOf(ranges), List.copyOf(versions), severities(a)));
    }
    return new OsvRecord(id, aliases, summary, withdrawn, severity, affected);
  }

  private static void shape(JsonNode node, String field, java.util.function.Predicate<JsonNode> ok,
      String what, String id) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull() && !ok.test(value)) {
      throw new IllegalArgumentException(id + ": \"" + field + "\" must be " + what);
    }
  }

  private static List<Severity> severities(JsonNode node) {
    List<Severity> out = new ArrayList<>();
    for (JsonNode s : node.path("severity")) {
      if (s.hasNonNull("type") && s.hasNonNull("score")) {
        out.add(new Severity(s.get("type").asText(), s.get("score").asText()));
      }
    }
    String rating = node.path("database_specific").path("severity").asText("");
    if (!rating.isEmpty()) {
      out.add(new Severity(Severity.DATABASE, rating));
    }
    return out;
  }

  /** The names of the PyPI packages the record speaks of. */
  List<ProjectName> packages() {
    return affected.stream().map(Affected::name).distinct().toList();
  }

  /** Whether the record says {@code version} of {@code name} is affected (withdrawn records never do). */
  boolean affects(ProjectName name, Version version) {
    if (withdrawn) {
      return false;
    }
    for (Affected a : affected) {
      if (!a.name().equals(name)) {
        continue;
      }
      for (String listed : a.versions()) {
        Optional<Version> v = Version.tryParse(listed);
        if (v.isPresent() ? v.get().equals(version) : listed.equals(version.toString())) {
          return true;
        }
      }
      for (Range r : a.ranges()) {
        if (inRange(r, version)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The OSV schema's evaluation of one range: events sorted by version ({@code introduced: "0"}
   * first); walking them, an {@code introduced} at or below the version makes it affected, a
   * {@code fixed} at or below, or a {@code last_affected} strictly below, makes it unaffected; when
   * there are {@code limit} events, the version must also be below one of them.
   *
   * <p>Versions that are not PEP 440 err on the affected side: an unparseable {@code introduced}
   * counts as {@code 0}, an unparseable {@code fixed}, {@code last_affected} or {@code limit} is
   * ignored (a false "clean" is the worst answer an audit can give).
   */
  static boolean inRange(Range range, Version version) {
    record Bound(String kind, Version at) {}
    List<Bound> bounds = new ArrayList<>();
    boolean limited = false;
    boolean belowLimit = false;
    for (Event e : range.events()) {
      Optional<Version> at = e.version().equals("0") ? Optional.empty() : Version.tryParse(e.version());
      switch (e.kind()) {
        case "introduced" -> bounds.add(new Bound("introduced", at.orElse(null)));
        case "fixed", "last_affected" -> at.ifPresent(v -> bounds.add(new Bound(e.kind(), v)));
        case "limit" -> {
          if (e.version().equals("*")) {
            limited = true;
            belowLimit = true;
          } else if (at.isPresent()) {
            limited = true;
            belowLimit |= version.compareTo(at.get()) < 0;
          }
        }
        default -> { }
      }
    }
    bounds.sort(Comparator.comparing(Bound::at, Comparator.nullsFirst(Comparator.naturalOrder())));
    boolean affected = false;
    for (Bound b : bounds) {
      int cmp = b.at() == null ? 1 : version.compareTo(b.at());
      switch (b.kind()) {
        case "introduced" -> affected |= cmp >= 0;
        case "fixed" -> affected &= cmp < 0;
        default -> affected &= cmp <= 0;
      }
    }
    return affected && (!limited || belowLimit);
  }

  /** The {@code fixed} versions for {@code name} newer than {@code version}, oldest first, normalised. */
  List<String> fixedAfter(ProjectName name, Version version) {
    TreeSet<Version> fixed = new TreeSet<>();
    for (Affected a : affected) {
      if (a.name().equals(name)) {
        for (Range r : a.ranges()) {
          for (Event e : r.events()) {
            if (e.kind().equals("fixed")) {
              Version.tryParse(e.version()).filter(v -> v.compareTo(version) > 0).ifPresent(fixed::add);
            }
          }
        }
      }
    }
    return fixed.stream().map(Version::toString).toList();
  }

  /** The record's severities followed by those of its {@code affected[]} entries for {@code name}. */
  List<Severity> severityFor(ProjectName name) {
    List<Severity> out = new ArrayList<>(severity);
    for (Affected a : affected) {
      if (a.name().equals(name)) {
        a.severity().stream().filter(s -> !out.contains(s)).forEach(out::add);
      }
    }
    return out;
  }

  Finding finding(PackageVersion pv) {
    return new Finding(pv, id, aliases, summary, fixedAfter(pv.name(), pv.version()), severityFor(pv.name()));
  }
}

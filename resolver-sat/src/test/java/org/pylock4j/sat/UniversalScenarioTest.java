package org.pylock4j.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pylock4j.error.UnsatisfiableException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.Marker;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.DistributionFile;
import org.pylock4j.resolve.InMemoryPackageSource;
import org.pylock4j.resolve.LockedPackage;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.UniversalTarget;
import org.pylock4j.version.SpecifierSet;
import org.pylock4j.version.Version;

/**
 * Universal resolution scenarios in the style of packse (uv's resolver scenarios, families {@code
 * fork}, {@code requires_python}, {@code wheels}, {@code tag_and_markers}), one fixture per case in
 * {@code src/test/resources/universal/}. Each fixture lists the request ({@code requires-python:},
 * {@code environment:}, {@code required-environment:}, {@code root:}), the index ({@code package:
 * NAME VERSION [requires-python=SPEC] [files=F1,F2]} followed by {@code requires:} lines), and the
 * expected lock ({@code expect: NAME VERSION [; MARKER] [files=F1,F2]}, one per entry, all entries
 * listed) or failure ({@code error: MESSAGE}). Every lock is also checked by {@link
 * UniversalValidity} in every environment of its matrix.
 */
class UniversalScenarioTest {

  static Stream<String> scenarios() {
    return Stream.of(
        "fork-on-platform",
        "fork-on-python-version",
        "fork-on-requires-python",
        "no-fork-when-an-older-version-fits-every-python",
        "incomplete-markers",
        "marker-inheritance-transitive",
        "marker-inheritance-through-fork",
        "extra-with-marker",
        "wheels-for-some-platforms-only",
        "wheels-limited-to-covered-environments",
        "required-environment-picks-older-version",
        "required-environment-unsatisfiable",
        "conflicting-forks-unsatisfiable",
        "fork-keeps-shared-versions",
        "dependency-needed-only-under-impossible-marker");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(String name) {
    Scenario s = Scenario.read(name);
    ResolutionRequest request = s.request();
    if (s.error != null) {
      UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
          () -> SatResolver.create().resolve(request));
      assertEquals(s.error, e.getMessage());
      return;
    }
    Resolution r = SatResolver.create().resolve(request);
    List<String> actual = new ArrayList<>();
    for (LockedPackage p : r.packages()) {
      actual.add(Scenario.describe(p, s.listFiles));
    }
    assertEquals(String.join("\n", s.expected), String.join("\n", actual));
    assertEquals(List.of(), UniversalValidity.problems(r, request.source()));
    assertEquals(r, SatResolver.create().resolve(request), "the same lock again");
  }

  /** One fixture. */
  static final class Scenario {
    String requiresPython = ">=3.8";
    final List<Marker> environments = new ArrayList<>();
    final List<Marker> required = new ArrayList<>();
    final List<Requirement> roots = new ArrayList<>();
    final InMemoryPackageSource.Builder index = InMemoryPackageSource.builder();
    final List<String> expected = new ArrayList<>();
    boolean listFiles;
    String error;

    static Scenario read(String name) {
      String text;
      try (InputStream in = Scenario.class.getResourceAsStream("/universal/" + name + ".txt")) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Scenario s = new Scenario();
      List<String[]> pending = new ArrayList<>();
      for (String raw : text.split("\n")) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        String key = line.substring(0, colon);
        String value = line.substring(colon + 1).strip();
        switch (key) {
          case "requires-python" -> s.requiresPython = value;
          case "environment" -> s.environments.add(Marker.parse(value));
          case "required-environment" -> s.required.add(Marker.parse(value));
          case "root" -> s.roots.add(Requirement.parse(value));
          case "package" -> {
            s.flush(pending);
            pending.add(new String[] {value});
          }
          case "requires" -> pending.add(new String[] {"requires", value});
          case "expect" -> {
            s.expected.add(value);
            s.listFiles |= value.contains("files=");
          }
          case "error" -> s.error = value;
          default -> throw new IllegalArgumentException(name + ": unknown key " + key);
        }
      }
      s.flush(pending);
      return s;
    }

    private void flush(List<String[]> pending) {
      if (pending.isEmpty()) {
        return;
      }
      String[] head = pending.get(0)[0].split(" ");
      ProjectName project = ProjectName.of(head[0]);
      Version version = Version.parse(head[1]);
      String rp = null;
      List<String> files = new ArrayList<>();
      for (int i = 2; i < head.length; i++) {
        if (head[i].startsWith("requires-python=")) {
          rp = head[i].substring("requires-python=".length());
        } else if (head[i].startsWith("files=")) {
          files.addAll(List.of(head[i].substring("files=".length()).split(",")));
        }
      }
      if (files.isEmpty()) {
        files.add(project.normalized().replace('-', '_') + "-" + version + "-py3-none-any.whl");
      }
      List<String> requires = new ArrayList<>();
      for (int i = 1; i < pending.size(); i++) {
        requires.add(pending.get(i)[1]);
      }
      for (String f : files) {
        DistributionFile file = new DistributionFile(project, version, f,
            InMemoryPackageSource.DEFAULT_INDEX + project + "/" + f, Map.of("sha256", "00"), rp,
            null, null, -1, Map.of());
        index.file(file, new CoreMetadata("2.1", project.toString(), version.toString(), requires,
            rp, List.of("x", "y"), List.of()));
      }
      pending.clear();
    }

    ResolutionRequest request() {
      return ResolutionRequest.builder()
          .requirements(roots)
          .target(SatResolverTest.TARGET)
          .source(index.build())
          .universal(UniversalTarget.of(SpecifierSet.parse(requiresPython))
              .withEnvironments(environments)
              .withRequiredEnvironments(required))
          .build();
    }

    static String describe(LockedPackage p, boolean files) {
      String s = p.name() + " " + p.version();
      if (p.marker() != null) {
        s += " ; " + p.marker();
      }
      if (files) {
        s += " files=" + String.join(",", p.files().stream().map(DistributionFile::filename).toList());
      }
      return s;
    }
  }
}

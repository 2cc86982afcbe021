package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pylock4j.error.InvalidMarkerException;

/**
 * {@link MarkerTree} against {@code packaging}: for each row of {@code marker-algebra.tsv} (a
 * marker, its negation, or the {@code &} / {@code |} of two), in every environment of the table
 * (final CPython and PyPy releases on the five platforms, with and without an extra), the tree
 * and the marker it prints both evaluate as {@code packaging} evaluates the original.
 */
class MarkerTreeConformanceTest {

  private static final List<MarkerEnvironment> COLUMNS = columns();

  static Stream<Arguments> rows() {
    return Tables.read("marker-algebra.tsv").stream()
        .map(row -> Arguments.of(row[0], row[1], row[2], row));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} {2}")
  @MethodSource("rows")
  void treeAndItsPrintedMarkerEvaluateAsPackagingDoes(String kind, String a, String b, String[] row) {
    MarkerTree tree = switch (kind) {
      case "not" -> MarkerTree.parse(a).not();
      case "and" -> MarkerTree.parse(a).and(MarkerTree.parse(b));
      case "or" -> MarkerTree.parse(a).or(MarkerTree.parse(b));
      default -> MarkerTree.parse(a);
    };
    StringBuilder expected = new StringBuilder();
    StringBuilder fromTree = new StringBuilder();
    for (int i = 0; i < COLUMNS.size(); i++) {
      char e = row[3 + i].charAt(0);
      if (e != 'E') {
        MarkerEnvironment env = COLUMNS.get(i);
        expected.append(e);
        fromTree.append(result(() -> tree.evaluate(env)));
      }
    }
    assertEquals(expected.toString(), fromTree.toString(), "tree");
    String printed;
    try {
      printed = tree.toString();
    } catch (IllegalStateException inexpressible) {
      assertEquals("not", kind, inexpressible.getMessage()); // only a negation can need a `not`
      return;
    }
    Marker reparsed = printed.isEmpty() ? null : Marker.parse(printed);
    StringBuilder fromPrinted = new StringBuilder();
    for (int i = 0; i < COLUMNS.size(); i++) {
      char e = row[3 + i].charAt(0);
      if (e == 'E') {
        continue; // an undefined comparison: the tree keeps it as written
      }
      MarkerEnvironment env = COLUMNS.get(i);
      fromPrinted.append(reparsed == null ? 'T' : result(() -> reparsed.evaluate(env)));
    }
    assertEquals(expected.toString(), fromPrinted.toString(), "printed: " + printed);
    assertEquals(tree, MarkerTree.parse(printed.isEmpty() ? "python_version >= '0'" : printed),
        "the printed marker parses to the same tree");
  }

  private interface Eval {
    boolean get();
  }

  private static char result(Eval e) {
    try {
      return e.get() ? 'T' : 'F';
    } catch (InvalidMarkerException undefined) {
      return 'E';
    }
  }

  private static List<MarkerEnvironment> columns() {
    List<MarkerEnvironment> columns = new ArrayList<>();
    String[] names = Tables.columns("marker-algebra.tsv");
    for (int i = 3; i < names.length; i++) {
      String name = names[i];
      String extra = null;
      int plus = name.indexOf("+extra=");
      if (plus >= 0) {
        extra = name.substring(plus + "+extra=".length());
        name = name.substring(0, plus);
      }
      String[] parts = name.split("-");
      MarkerEnvironment.Platform platform =
          MarkerEnvironment.Platform.valueOf(parts[parts.length - 1]);
      MarkerEnvironment env;
      if (parts[0].equals("pypy")) {
        env = MarkerEnvironment.cpython(parts[2], platform)
            .with("implementation_name", "pypy")
            .with("implementation_version", parts[1])
            .with("platform_python_implementation", "PyPy");
      } else {
        env = MarkerEnvironment.cpython(parts[1], platform);
      }
      columns.add(extra == null ? env : env.with("extra", extra));
    }
    return columns;
  }
}

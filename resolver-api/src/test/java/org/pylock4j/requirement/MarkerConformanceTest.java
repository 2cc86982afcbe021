package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pylock4j.error.InvalidMarkerException;

/**
 * {@link Marker} against {@code packaging.markers.Marker}: parsing and {@code str()} of real and
 * hand-written markers ({@code markers.tsv}), and evaluation of each in every environment of
 * {@code environments.tsv}, with and without {@code extra} ({@code marker-evaluation.tsv}); the
 * same for random near-valid markers from a grammar ({@code fuzz-markers.tsv}, {@code
 * fuzz-marker-evaluation.tsv}).
 */
class MarkerConformanceTest {

  private static final Map<String, MarkerEnvironment> ENVIRONMENTS = environments();
  private static final List<MarkerEnvironment> COLUMNS = columns();

  static Stream<Arguments> markers() {
    return Stream.of("markers.tsv", "fuzz-markers.tsv")
        .flatMap(table -> Tables.read(table).stream().map(row -> Arguments.of(row[0], row)));
  }

  static Stream<Arguments> evaluations() {
    return Stream.of("marker-evaluation.tsv", "fuzz-marker-evaluation.tsv")
        .flatMap(table -> Tables.read(table).stream())
        .map(row -> Arguments.of(row[0], String.join("", Arrays.copyOfRange(row, 1, row.length))));
  }

  private static String reparsed(Marker marker) {
    try {
      return Marker.parse(marker.toString()).toString();
    } catch (InvalidMarkerException e) {
      return "<error>";
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("markers")
  void parsesAndPrintsAsPackagingDoes(String input, String[] row) {
    if (row[1].equals("ok")) {
      Marker marker = Marker.parse(input);
      assertEquals(row[2], marker.toString());
      assertEquals(row[3], reparsed(marker), "str(Marker(str(m)))");
    } else {
      InvalidMarkerException e =
          assertThrows(InvalidMarkerException.class, () -> Marker.parse(input));
      assertEquals(input, e.input());
      if (row[2].equals("InvalidMarker")) {
        assertEquals(row[3], e.reason(), "reason");
        assertEquals(Integer.parseInt(row[4]), e.column(), "column");
      }
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("evaluations")
  void evaluatesAsPackagingDoes(String input, String expected) {
    Marker marker = Marker.parse(input);
    StringBuilder actual = new StringBuilder();
    for (MarkerEnvironment environment : COLUMNS) {
      try {
        actual.append(marker.evaluate(environment) ? 'T' : 'F');
      } catch (InvalidMarkerException undefined) {
        actual.append('E');
      }
    }
    assertEquals(expected, actual.toString(), "results per column of marker-evaluation.tsv");
  }

  @Test
  void cpythonFactoryGivesTheTabulatedEnvironments() {
    int checked = 0;
    for (Map.Entry<String, MarkerEnvironment> e : ENVIRONMENTS.entrySet()) {
      String[] parts = e.getKey().split("-");
      if (parts[0].equals("cpython")) {
        MarkerEnvironment.Platform platform = MarkerEnvironment.Platform.valueOf(parts[2]);
        assertEquals(e.getValue(), MarkerEnvironment.cpython(parts[1], platform), e.getKey());
        checked++;
      }
    }
    assertEquals(14, checked);
  }

  private static Map<String, MarkerEnvironment> environments() {
    Map<String, MarkerEnvironment> environments = new LinkedHashMap<>();
    for (String[] row : Tables.read("environments.tsv")) {
      Map<String, String> values = new HashMap<>();
      for (int i = 1; i < row.length; i++) {
        int eq = row[i].indexOf('=');
        values.put(row[i].substring(0, eq), row[i].substring(eq + 1));
      }
      environments.put(row[0], MarkerEnvironment.of(values));
    }
    return environments;
  }

  private static List<MarkerEnvironment> columns() {
    List<MarkerEnvironment> columns = new ArrayList<>();
    String[] names = Tables.columns("marker-evaluation.tsv");
    for (int i = 1; i < names.length; i++) {
      int plus = names[i].indexOf("+extra=");
      if (plus < 0) {
        columns.add(ENVIRONMENTS.get(names[i]));
      } else {
        columns.add(
            ENVIRONMENTS
                .get(names[i].substring(0, plus))
                .with("extra", names[i].substring(plus + "+extra=".length())));
      }
    }
    return columns;
  }
}

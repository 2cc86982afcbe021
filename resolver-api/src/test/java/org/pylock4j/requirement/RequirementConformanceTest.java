package org.pylock4j.requirement;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pylock4j.error.InvalidRequirementException;

/**
 * {@link Requirement#parse} against {@code packaging.requirements.Requirement} on every distinct
 * Requires-Dist string of the PyPI snapshot, every root requirement line, and hand-written edge
 * cases ({@code requirements.tsv}), and on random near-valid texts from a grammar ({@code
 * fuzz-requirements.tsv}).
 */
class RequirementConformanceTest {

  static Stream<Arguments> rows() {
    return Stream.of("requirements.tsv", "fuzz-requirements.tsv")
        .flatMap(table -> Tables.read(table).stream().map(row -> Arguments.of(row[0], row)));
  }

  private static String roundTrip(Requirement r) {
    try {
      return Boolean.toString(r.equals(Requirement.parse(r.toString())));
    } catch (InvalidRequirementException e) {
      return "error";
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rows")
  void parsesAsPackagingDoes(String input, String[] row) {
    if (row[1].equals("ok")) {
      Requirement r = Requirement.parse(input);
      assertAll(
          () -> assertEquals(row[2], r.name(), "name"),
          () -> assertEquals(row[3], String.join(",", r.extras()), "extras"),
          () -> assertEquals(row[4], r.specifier().toString(), "specifier"),
          () -> assertEquals(row[5], r.directUrl().orElse(""), "url"),
          () -> assertEquals(row[6], r.markerIfAny().map(Marker::toString).orElse(""), "marker"),
          () -> assertEquals(row[7], r.toString(), "str"),
          () -> assertEquals(row[8], roundTrip(r), "Requirement(str(r)) == r"));
    } else {
      InvalidRequirementException e =
          assertThrows(InvalidRequirementException.class, () -> Requirement.parse(input));
      assertEquals(input, e.input());
      if (row[2].equals("InvalidRequirement")) {
        assertEquals(row[3], e.reason(), "reason");
        assertEquals(Integer.parseInt(row[4]), e.column(), "column");
      }
    }
  }
}

package org.pylock4j.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pylock4j.error.InvalidSpecifierException;

/** Specifiers and specifier sets behave exactly as {@code packaging}'s (tables it generated). */
class SpecifierConformanceTest {

  private static final List<Version> PROBES = Tables.probes();
  private static final List<String> TEXT_PROBES = Tables.textProbes();
  private static final List<List<Version>> FILTER_LISTS = Tables.filterLists();

  static Stream<Arguments> specifiers() {
    return Tables.rows("specifiers.tsv").stream().map(r -> Arguments.of(r[0], r));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("specifiers")
  void clauseParsesAsPackagingDoes(String input, String[] row) {
    if (row[1].equals("!") || row[1].equals("?")) {
      assertTrue(Specifier.tryParse(input).isEmpty());
      InvalidSpecifierException e =
          assertThrows(InvalidSpecifierException.class, () -> Specifier.parse(input));
      assertEquals(input, e.input());
      return;
    }
    Specifier s = Specifier.parse(input);
    assertEquals(row[1], s.toString(), "str");
    assertEquals(row[1], s.operator() + s.version(), "operator + version");
    assertEquals(row[2].equals("True"), s.prereleases(), "prereleases");
    assertEquals(row[3].replace("|", ""), s.canonicalKey(), "canonical key");
    assertEquals(s, Specifier.parse(s.toString()));
  }

  static Stream<Arguments> containment() {
    return Tables.rows("specifier-contains.tsv").stream().map(r -> Arguments.of(r[0], r));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("containment")
  void clauseContainsWhatPackagingContains(String spec, String[] row) {
    Specifier s = Specifier.parse(spec);
    assertEquals(row[1], bits(v -> s.contains(v)), "contains(v)");
    assertEquals(row[2], bits(v -> s.contains(v, true)), "contains(v, True)");
    assertEquals(row[3], bits(v -> s.contains(v, false)), "contains(v, False)");
    assertEquals(row[4], textBits(t -> s.contains(t)), "contains(str)");
    assertEquals(row[5], textBits(t -> s.contains(t, true)), "contains(str, True)");
    assertEquals(row[6], textBits(t -> s.contains(t, false)), "contains(str, False)");
  }

  static Stream<Arguments> sets() {
    return Tables.rows("specifier-sets.tsv").stream().map(r -> Arguments.of(r[0], r));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("sets")
  void setBehavesAsPackagingDoes(String input, String[] row) {
    if (row[1].equals("!") || row[1].equals("?")) {
      InvalidSpecifierException e =
          assertThrows(InvalidSpecifierException.class, () -> SpecifierSet.parse(input));
      assertEquals(input, e.input());
      return;
    }
    SpecifierSet s = SpecifierSet.parse(input);
    assertEquals(row[1], s.toString(), "str");
    assertEquals(row[2].equals("True"), s.prereleases(), "prereleases");
    assertEquals(row[3], bits(v -> s.contains(v)), "contains(v)");
    assertEquals(row[4], bits(v -> s.contains(v, true)), "contains(v, True)");
    assertEquals(row[5], bits(v -> s.contains(v, false)), "contains(v, False)");
    for (int i = 0; i < FILTER_LISTS.size(); i++) {
      assertEquals(row[6 + i], indexes(FILTER_LISTS.get(i), s.filter(FILTER_LISTS.get(i))),
          "filter of list " + i);
    }
    int f = 6 + FILTER_LISTS.size();
    assertEquals(row[f], indexes(PROBES, s.filter(PROBES)), "filter");
    assertEquals(row[f + 1], textBits(t -> s.contains(t)), "contains(str)");
    assertEquals(row[f + 2], textBits(t -> s.contains(t, true)), "contains(str, True)");
    assertEquals(row[f + 3], textBits(t -> s.contains(t, false)), "contains(str, False)");
    assertEquals(row[f + 4].equals("1"), s.isUnsatisfiable(), "is_unsatisfiable");
    assertEquals(s, SpecifierSet.parse(s.toString()));
    assertEquals(s.toString(), SpecifierSet.parse(s.toString()).toString());
  }

  private static String bits(java.util.function.Predicate<Version> p) {
    StringBuilder sb = new StringBuilder(PROBES.size());
    for (Version v : PROBES) {
      sb.append(p.test(v) ? '1' : '0');
    }
    return sb.toString();
  }

  private static String textBits(java.util.function.Predicate<String> p) {
    StringBuilder sb = new StringBuilder(TEXT_PROBES.size());
    for (String t : TEXT_PROBES) {
      sb.append(p.test(t) ? '1' : '0');
    }
    return sb.toString();
  }

  private static String indexes(List<Version> list, List<Version> kept) {
    List<String> idx = new ArrayList<>();
    for (Version v : kept) {
      int i = 0;
      while (list.get(i) != v) {
        i++;
      }
      idx.add(Integer.toString(i));
    }
    return idx.isEmpty() ? "-" : String.join(",", idx);
  }
}

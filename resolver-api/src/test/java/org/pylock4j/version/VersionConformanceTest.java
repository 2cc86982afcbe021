package org.pylock4j.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pylock4j.error.InvalidVersionException;

/** Versions parse, normalise and order exactly as {@code packaging} does (tables it generated). */
class VersionConformanceTest {

  @Test
  void everyDistinctLatestVersionOnPypiParsesAsPackagingDoes() {
    List<String[]> rows = Tables.rows("versions-pypi.tsv");
    assertTrue(rows.size() > 30_000, "table too small: " + rows.size());
    List<String> mismatches = new ArrayList<>();
    int invalid = 0;
    for (String[] row : rows) {
      String expected = row[1];
      String actual = Version.tryParse(row[0]).map(Version::toString).orElse("!");
      if (expected.equals("!")) {
        invalid++;
      }
      if (!expected.equals(actual)) {
        mismatches.add(row[0] + " -> " + actual + ", packaging: " + expected);
      }
    }
    assertTrue(invalid > 100, "the table should hold invalid versions too");
    assertEquals(List.of(), mismatches.stream().limit(50).collect(Collectors.toList()));
  }

  static Stream<Arguments> edgeCases() {
    return Tables.rows("versions-edge.tsv").stream().map(r -> Arguments.of(r[0], r));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("edgeCases")
  void spellingParsesAsPackagingDoes(String input, String[] row) {
    if (row[1].equals("!")) {
      assertFalse(Version.isValid(input));
      assertTrue(Version.tryParse(input).isEmpty());
      InvalidVersionException e =
          assertThrows(InvalidVersionException.class, () -> Version.parse(input));
      assertEquals(input, e.input());
      return;
    }
    Version v = Version.parse(input);
    assertEquals(row[1], v.toString(), "str");
    assertEquals(row[2], v.publicVersion().toString(), "public");
    assertEquals(row[3], v.baseVersion().toString(), "base_version");
    assertEquals(new BigInteger(row[4]), v.epoch(), "epoch");
    assertEquals(
        row[5],
        v.release().stream().map(BigInteger::toString).collect(Collectors.joining(".")),
        "release");
    assertEquals(row[6], v.pre().map(p -> p.label() + p.number()).orElse(""), "pre");
    assertEquals(row[7], v.post().map(BigInteger::toString).orElse(""), "post");
    assertEquals(row[8], v.dev().map(BigInteger::toString).orElse(""), "dev");
    assertEquals(row[9], v.local().orElse(""), "local");
    assertEquals(row[10].charAt(0) == '1', v.isPrerelease(), "is_prerelease");
    assertEquals(row[10].charAt(1) == '1', v.isPostRelease(), "is_postrelease");
    assertEquals(row[10].charAt(2) == '1', v.isDevRelease(), "is_devrelease");
    assertEquals(row[11], v.canonical(), "canonicalize_version");
    // the normal form parses back to an equal version with the same normal form
    Version again = Version.parse(v.toString());
    assertEquals(v, again);
    assertEquals(v.hashCode(), again.hashCode());
    assertEquals(v.toString(), again.toString());
  }

  @Test
  void ordersAsPackagingDoes() {
    List<String[]> rows = Tables.rows("version-order.tsv");
    int n = rows.size();
    Version[] vs = new Version[n];
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      vs[i] = Version.parse(rows.get(i)[0]);
      rank[i] = Integer.parseInt(rows.get(i)[1]);
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < n && mismatches.size() < 20; i++) {
      for (int j = 0; j < n; j++) {
        int expected = Integer.signum(Integer.compare(rank[i], rank[j]));
        int actual = Integer.signum(vs[i].compareTo(vs[j]));
        if (expected != actual) {
          mismatches.add(vs[i] + " vs " + vs[j] + ": " + actual + ", packaging: " + expected);
        } else if (expected == 0
            && (!vs[i].equals(vs[j]) || vs[i].hashCode() != vs[j].hashCode())) {
          mismatches.add(vs[i] + " equals " + vs[j] + " but equals/hashCode disagree");
        }
      }
    }
    assertEquals(List.of(), mismatches);
    // sorting a shuffled copy gives packaging's order back
    List<Version> shuffled = new ArrayList<>(List.of(vs));
    java.util.Collections.shuffle(shuffled, new java.util.Random(440));
    shuffled.sort(null);
    for (int i = 0; i < n; i++) {
      if (shuffled.get(i).compareTo(vs[i]) != 0) {
        fail("sorted position " + i + ": " + shuffled.get(i) + ", packaging: " + vs[i]);
      }
    }
  }
}

package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidMetadataException;
import org.pylock4j.internal.PyStrings;

/**
 * Wheel and sdist filenames against {@code packaging.utils.parse_wheel_filename} and {@code
 * parse_sdist_filename}: real pypi.org filenames, edge cases and mutations. Agreement must be
 * total; the rows marked {@code deviation} are names packaging lets through that are no PEP 508
 * name, which pylock4j rejects (documented on the parse methods).
 */
class FilenameConformanceTest {

  @Test
  void wheelFilenamesMatchPackaging() {
    List<List<String>> rows = Tables.rows("wheel-filenames.tsv");
    assertTrue(rows.size() > 5000, "table too small: " + rows.size());
    List<String> failures = new ArrayList<>();
    int ok = 0;
    for (List<String> row : rows) {
      String filename = row.get(0);
      String actual;
      try {
        WheelFilename wheel = WheelFilename.parse(filename);
        List<String> tags = wheel.tags().stream().map(Tag::toString).sorted().toList();
        String build = wheel.build() == null ? "" : wheel.build();
        String number = wheel.parsedBuildTag().map(b -> b.number().toString()).orElse("");
        String suffix = wheel.parsedBuildTag().map(WheelFilename.BuildTag::suffix).orElse("");
        actual = String.join("\t", "ok", wheel.name().normalized(), wheel.version().toString(),
            build, number, suffix, String.join(" ", tags));
        ok++;
      } catch (InvalidMetadataException e) {
        actual = "error\t" + e.getMessage();
      } catch (RuntimeException e) {
        actual = "threw " + e;
      }
      String expected = String.join("\t", row.subList(1, row.get(1).equals("ok") ? 8 : 3));
      if (!expected.equals(actual)) {
        failures.add(PyStrings.repr(filename) + "\n  expected " + expected
            + "\n  actual   " + actual);
      }
    }
    assertTrue(ok > 4000, "too few valid wheels: " + ok);
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())),
        failures.size() + " of " + rows.size() + " disagree");
  }

  @Test
  void sdistFilenamesMatchPackaging() {
    List<List<String>> rows = Tables.rows("sdist-filenames.tsv");
    assertTrue(rows.size() > 3000, "table too small: " + rows.size());
    List<String> failures = new ArrayList<>();
    for (List<String> row : rows) {
      String filename = row.get(0);
      String actual;
      try {
        SdistFilename sdist = SdistFilename.parse(filename);
        actual = "ok\t" + sdist.name().normalized() + "\t" + sdist.version();
      } catch (InvalidMetadataException e) {
        actual = "error\t" + e.getMessage();
      } catch (RuntimeException e) {
        actual = "threw " + e;
      }
      String expected = String.join("\t", row.subList(1, row.get(1).equals("ok") ? 4 : 3));
      if (!expected.equals(actual)) {
        failures.add(PyStrings.repr(filename) + "\n  expected " + expected + "\n  actual   "
            + actual);
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())),
        failures.size() + " of " + rows.size() + " disagree");
  }
}

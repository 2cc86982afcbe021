package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.error.InvalidMetadataException;

/**
 * Core metadata against {@code packaging.metadata.parse_email}: the real METADATA / PKG-INFO
 * files under core-metadata/, edge cases, and METADATA texts built around the snapshot's real
 * Requires-Dist lists with varied formatting (line ends, field case, separators, continuation
 * lines, bodies).
 */
class CoreMetadataConformanceTest {

  @Test
  void fieldsMatchPackagingParseEmail() {
    List<String> lines = Tables.lines("core-metadata.txt");
    List<String> failures = new ArrayList<>();
    int cases = 0;
    int files = 0;
    for (int i = 0; i < lines.size(); ) {
      String header = lines.get(i++);
      List<String> expected = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).startsWith("== ")) {
        expected.add(lines.get(i++));
      }
      String text;
      if (header.startsWith("== file ")) {
        text = Tables.resource("core-metadata/" + header.substring("== file ".length()));
        files++;
      } else {
        text = Tables.unescape(header.substring("== text ".length()));
      }
      cases++;
      List<String> actual = actual(text);
      if (!expected.equals(actual)) {
        failures.add(header + "\n  expected " + expected + "\n  actual   " + actual);
      }
    }
    assertTrue(cases > 800 && files > 100, cases + " cases, " + files + " files");
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())),
        failures.size() + " of " + cases + " disagree");
  }

  /** The fields as the table writes them (escaped), or the error's reason. */
  private static List<String> actual(String text) {
    List<String> out = new ArrayList<>();
    CoreMetadata metadata;
    try {
      metadata = CoreMetadata.parse(text);
    } catch (InvalidMetadataException e) {
      return List.of("error " + escape(e.reason()));
    } catch (RuntimeException e) {
      return List.of("threw " + e);
    }
    out.add("metadata-version " + escape(metadata.metadataVersion()));
    out.add("name " + escape(metadata.name()));
    out.add("version " + escape(metadata.version()));
    if (metadata.requiresPython() != null) {
      out.add("requires-python " + escape(metadata.requiresPython()));
    }
    metadata.requiresDist().forEach(v -> out.add("requires-dist " + escape(v)));
    metadata.providesExtra().forEach(v -> out.add("provides-extra " + escape(v)));
    metadata.dynamic().forEach(v -> out.add("dynamic " + escape(v)));
    return out;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  /** packaging.requirements.Requirement accepts all 769 of them (checked when generating). */
  @Test
  void requiresDistOfRealFilesParseAsRequirements() {
    int requirements = 0;
    for (String line : Tables.lines("core-metadata.txt")) {
      if (line.startsWith("== file ")) {
        CoreMetadata m = CoreMetadata.parse(
            Tables.resource("core-metadata/" + line.substring("== file ".length())));
        assertEquals(m.requiresDist().size(), m.requirements().size());
        requirements += m.requirements().size();
      }
    }
    assertTrue(requirements > 700, requirements + " requirements");
  }
}

package org.pylock4j.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pylock4j.requirement.MarkerEnvironment.Platform;

/**
 * The rank of each real pypi.org wheel (pypi-snapshot file-hashes.json) on ten targets, against
 * {@code packaging.tags.create_compatible_tags_selector} over the same tag lists.
 */
class WheelRankConformanceTest {

  @Test
  void realWheelsRankAsPackagingRanksThem() {
    List<String> lines = Tables.resource("wheel-ranks.tsv").lines().toList();
    String[] columns = lines.get(1).substring("# columns: ".length()).split("\t");
    List<TagSet> targets = new ArrayList<>();
    for (int i = 1; i < columns.length; i++) {
      String[] words = columns[i].split(" ");
      targets.add(TagSet.cpython(words[1], Platform.valueOf(words[2])));
    }
    List<String> failures = new ArrayList<>();
    int installable = 0;
    List<List<String>> rows = Tables.rows("wheel-ranks.tsv");
    for (List<String> row : rows) {
      WheelFilename wheel = WheelFilename.parse(row.get(0));
      for (int i = 0; i < targets.size(); i++) {
        int expected = Integer.parseInt(row.get(i + 1));
        int actual = targets.get(i).rank(wheel);
        installable += actual >= 0 ? 1 : 0;
        if (expected != actual) {
          failures.add(row.get(0) + " on " + columns[i + 1] + ": " + expected + " != " + actual);
        }
      }
    }
    assertTrue(rows.size() > 2500 && installable > 15_000, rows.size() + " " + installable);
    assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())),
        failures.size() + " disagree");
  }
}

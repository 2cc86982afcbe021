package org.pylock4j.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.version.Version;

class ResolutionProgressTest {

  @Test
  void totalsCountTheEventsAndDescribeThemAsTheCommandShowsThem() {
    List<ResolutionProgress> seen = new ArrayList<>();
    ResolutionListener listener = ResolutionListener.totals(seen::add);
    ProjectName a = ProjectName.of("a");
    ProjectName b = ProjectName.of("b");
    listener.projectDiscovered(a);
    listener.projectDiscovered(b);
    listener.pageFetched(ProjectPage.missing(a, "http://127.0.0.1/simple/"));
    listener.metadataFetched(new DistributionFile(a, Version.parse("1.0"), "a-1.0-py3-none-any.whl",
        "http://127.0.0.1/a-1.0-py3-none-any.whl", Map.of(), null, null, null, -1, Map.of()));
    listener.roundSolved(1, 1);
    listener.warning("ignored");

    assertEquals(5, seen.size(), "one report per counted event");
    assertEquals(new ResolutionProgress(2, 1, 1, 1), seen.get(4));
    assertEquals("resolving: 1/2 projects, 1 metadata file, round 1", seen.get(4).describe());
    assertEquals("resolving: 0/1 projects, 0 metadata files", seen.get(0).describe());
  }

  @Test
  void negativeTotalsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ResolutionProgress(1, -1, 0, 0));
    assertEquals("progress totals must not be negative: 1 projects, -1 pages, 0 metadata files, "
        + "round 0", e.getMessage());
  }
}

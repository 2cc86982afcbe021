package org.pylock4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplesTest {

  @Test
  void medianAndSpreadWithRatioToPip() {
    Samples ours = new Samples();
    for (double v : new double[] {120, 80, 100, 90}) {
      ours.add(v);
    }
    Samples pip = new Samples();
    pip.add(2500);
    assertEquals("95.0 ms (80.0 ms–120 ms)", ours.millis());
    assertEquals("26×", ours.ratioTo(pip));
    assertEquals("—", new Samples().millis());
  }

  @Test
  void requestCountsSplitPagesMetadataAndFiles() {
    Map<String, Long> before = Map.of("/simple/six/", 1L);
    Map<String, Long> after = Map.of("/simple/six/", 2L, "/simple/six/six-1.0-py3-none-any.whl.metadata",
        1L, "/simple/six/six-1.0-py3-none-any.whl", 1L, "/simple/attrs/", 1L);
    assertEquals("2+1+1", Compare.requests(before, after));
    assertEquals("0+0", Compare.requests(after, after));
  }
}

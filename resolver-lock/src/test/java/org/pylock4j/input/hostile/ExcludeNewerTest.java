package org.pylock4j.input.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.input.ToolSettings;

/** Relative cutoffs: every unit the message offers works, and out-of-range values are bad input. */
class ExcludeNewerTest {

  private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  @Test
  void weeksCountAsSevenDays() {
    // "1 week" ended in UnsupportedTemporalTypeException (exit 4): a Duration takes no weeks
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), ToolSettings.parseExcludeNewer("1 week", NOW));
    assertEquals(Instant.parse("2026-11-23T00:00:00Z"), ToolSettings.parseExcludeNewer("2 weeks", NOW));
    assertEquals(Instant.parse("2026-11-23T00:00:00Z"), ToolSettings.parseExcludeNewer("P2W", NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT99999999999999999999H", "99999999999 weeks", "P99999999999999999999D",
      "-1 days", "1 fortnight", "P", "PT", "2024-02-30"})
  void outOfRangeOrUnknownIsBadInputNamingTheValue(String value) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ToolSettings.parseExcludeNewer(value, NOW));
    assertEquals(value, e.input());
    assertTrue(e.getMessage().startsWith("exclude-newer must be"), e.getMessage());
  }
}

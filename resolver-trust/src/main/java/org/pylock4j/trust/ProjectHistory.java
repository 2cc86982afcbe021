package org.pylock4j.trust;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What an index page says of a project's past: how many releases it has and when the first was
 * uploaded (PEP 700 {@code upload-time}).
 *
 * @param releases the number of distinct versions on the page
 * @param firstUpload the earliest upload time of any file, or null when the index gives none
 * @param age the time from the first upload to the moment of the check, or null when unknown
 */
public record ProjectHistory(int releases, Instant firstUpload, Duration age) {

  /** A project younger than this is {@link #young()}. */
  public static final Duration YOUNG = Duration.ofDays(90);

  /**
   * Whether the project deserves a look: fewer than 3 releases, or first uploaded less than {@link
   * #YOUNG} ago. Unknown upload times count as young only through the release count.
   *
   * @return true when it needs a look because it is young
   */
  public boolean young() {
    return releases < 3 || (age != null && age.compareTo(YOUNG) < 0);
  }

  /** {@return the line, e.g. {@code first upload 2026-11-01, 12 days ago, 1 release}} */
  public String describe() {
    String count = releases + (releases == 1 ? " release" : " releases");
    if (firstUpload == null) {
      return count + ", upload times unknown";
    }
    return "first upload " + LocalDate.ofInstant(firstUpload, ZoneOffset.UTC) + ", " + age.toDays()
        + " days ago, " + count;
  }
}

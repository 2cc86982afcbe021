package org.pylock4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The background JVM's columns: its times and memory when there is one, n/a when not. */
class ReportTest {

  private static ChildProcess.Outcome run(double millis, long rssKb) {
    return new ChildProcess.Outcome(millis, rssKb, 0, "", "");
  }

  private static Report.Row row(String name) {
    Report.Row row = new Report.Row(new Compare.Case(name, Path.of("roots.txt"), "mirror", ""));
    row.pip.add(run(2000, 50 * 1024), "");
    row.cliCold.add(run(1000, 70 * 1024), "");
    return row;
  }

  @Test
  void theBackgroundJvmColumnsShowItsTimesAndMemory() {
    Report report = new Report(1);
    Report.Row row = row("with");
    row.daemonCold.add(run(400, 37 * 1024), "");
    row.daemonWarm.add(run(200, 36 * 1024), "");
    row.daemonPids = List.of(4242L);
    row.daemonMemoryKb = new long[] {120 * 1024, 100 * 1024};
    report.add(row);
    String md = report.markdown();
    assertTrue(md.contains("| 400 ms (400 ms–400 ms) **5.0×** | 200 ms (200 ms–200 ms) **10×** |"),
        md);
    assertTrue(md.contains("| 37 MB / 36 MB | 120 MB / 100 MB |"), md);
    assertTrue(md.contains("background JVM: process [4242]"), md);
  }

  @Test
  void withoutABackgroundJvmTheColumnsSayNotAvailable() {
    Report report = new Report(1);
    Report.Row row = row("without");
    row.daemonNote = "n/a: no background JVM (the launcher ran the command directly)";
    report.add(row);
    String md = report.markdown();
    assertTrue(md.contains("**2.0×** | — **—** | n/a | n/a |"), md);
    assertTrue(md.contains("| n/a | n/a |"), md);
    assertTrue(md.contains("background JVM: n/a: no background JVM"), md);
  }

  @Test
  void startUpThroughTheLauncherSitsBesideTheFreshJvm() {
    Report report = new Report(1);
    Report.Measured direct = new Report.Measured();
    direct.add(run(120, 47 * 1024), "");
    direct.label = "--version";
    Report.Measured launcher = new Report.Measured();
    launcher.add(run(60, 35 * 1024), "");
    launcher.label = "--version";
    report.startup(List.<Report.Measured[]>of(new Report.Measured[] {direct, launcher}));
    assertTrue(report.markdown().contains(
        "| `--version` | 120 ms (120 ms–120 ms) | 47 MB | 60.0 ms (60.0 ms–60.0 ms) | 35 MB |"),
        report.markdown());
  }
}

package org.pylock4j.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The Markdown tables of a {@link Compare} run. */
final class Report {

  /** Repeated runs of one tool on one set. */
  static final class Measured {
    final Samples millis = new Samples();
    final Samples rssKb = new Samples();
    final Set<String> requests = new LinkedHashSet<>();
    final Set<String> failures = new LinkedHashSet<>();
    String label = "";

    void add(ChildProcess.Outcome r, String requestCounts) {
      if (r.exit() == -1) {
        failures.add("timeout (> " + Samples.time(r.millis()) + ")");
        return;
      }
      millis.add(r.millis());
      if (r.rssKb() > 0) {
        rssKb.add(r.rssKb());
      }
      requests.add(requestCounts);
      if (!r.ok()) {
        failures.add("exit " + r.exit() + ": " + r.lastError());
      }
    }

    boolean timedOut() {
      return failures.stream().anyMatch(f -> f.startsWith("timeout"));
    }

    String time(Samples pip) {
      if (millis.isEmpty() && !failures.isEmpty()) {
        return "✗ " + failures.iterator().next();
      }
      String ratio = pip == millis ? "" : " **" + millis.ratioTo(pip) + "**";
      return millis.millis() + ratio + (failures.isEmpty() ? "" : " †");
    }
  }

  /** Everything measured for one root set. */
  static final class Row {
    final Compare.Case c;
    final Measured pipPrime = new Measured();
    final Measured pip = new Measured();
    final Measured pipWarm = new Measured();
    final Measured cliCold = new Measured();
    final Measured cliWarm = new Measured();
    final Measured daemonCold = new Measured();
    final Measured daemonWarm = new Measured();
    /** The background JVMs found after the first call through the launcher (process ids). */
    List<Long> daemonPids = List.of();
    /** Why there is no background JVM column ("n/a: …"), or null. */
    String daemonNote;
    /** VmHWM and VmRSS (kB) of the background JVM after this set's runs, or null. */
    long[] daemonMemoryKb;
    final Samples libFresh = new Samples();
    final Samples libReused = new Samples();
    final Samples relock = new Samples();
    Map<String, String> pipPins;
    Map<String, String> cliPins;
    Path pipReport;
    Map<String, String> lib = Map.of();
    ChildProcess.Outcome libRun;

    Row(Compare.Case c) {
      this.c = c;
    }

    void library(Map<String, String> values, ChildProcess.Outcome run) {
      this.lib = values;
      this.libRun = run;
      fill(libFresh, values.get("fresh.ms"));
      fill(libReused, values.get("reused.ms"));
      fill(relock, values.get("relock.ms"));
    }

    private static void fill(Samples s, String csv) {
      if (csv != null && !csv.isBlank()) {
        for (String v : csv.split(",")) {
          s.add(Double.parseDouble(v));
        }
      }
    }

    Map<String, String> libPins() {
      Map<String, String> pins = new java.util.TreeMap<>();
      String text = lib.get("pins");
      if (text != null && !text.isBlank()) {
        for (String p : text.split(" ")) {
          int eq = p.indexOf("==");
          pins.put(p.substring(0, eq), p.substring(eq + 2));
        }
      }
      return pins;
    }
  }

  private final int reps;
  private final List<String> header = new ArrayList<>();
  private final List<String> footer = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<Measured[]> startup = new ArrayList<>();

  Report(int reps) {
    this.reps = reps;
  }

  void header(List<String> lines) {
    header.addAll(lines);
  }

  void footer(String line) {
    footer.add(line);
  }

  void add(Row row) {
    rows.add(row);
  }

  /** Per command: the direct JVM's runs, and the launcher's with {@code PYLOCK4J_DAEMON=1}. */
  void startup(List<Measured[]> commands) {
    startup.addAll(commands);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    header.forEach(h -> md.append("- ").append(h).append('\n'));
    footer.forEach(h -> md.append("- ").append(h).append('\n'));
    if (!startup.isEmpty()) {
      md.append("\n#### Start-up: wall time, median (min–max)\n\n");
      md.append("| command | fresh JVM | peak RSS | `PYLOCK4J_DAEMON=1 ./pylock4j` | its peak RSS |\n"
          + "|---|---|---|---|---|\n");
      for (Measured[] m : startup) {
        md.append("| `").append(m[0].label).append("` | ").append(m[0].time(m[0].millis))
            .append(" | ").append(m[0].rssKb.megabytes())
            .append(" | ").append(m[1].millis.isEmpty() && m[1].failures.isEmpty() ? "—"
                : m[1].time(m[1].millis))
            .append(" | ").append(m[1].rssKb.megabytes()).append(" |\n");
      }
    }
    md.append("\n#### Wall time: median (min–max) of ").append(reps)
        .append(" runs; **N×** = pip's median (no cache) / this median\n\n");
    md.append("| set | pkgs | pip, no cache | pip, warm cache | CLI, cold cache | CLI, warm cache "
        + "| CLI via background JVM, cold cache | CLI via background JVM, warm cache "
        + "| library warm, new index | library warm, reused index | re-lock (+1 line) |\n");
    md.append("|---|---:|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ").append(r.c.name()).append(" | ").append(r.lib.getOrDefault("packages",
          r.lib.containsKey("result") ? r.lib.get("result") : "?"))
          .append(" | ").append(r.pip.time(r.pip.millis))
          .append(" | ").append(r.pipWarm.time(r.pip.millis))
          .append(" | ").append(r.cliCold.time(r.pip.millis))
          .append(" | ").append(r.cliWarm.time(r.pip.millis))
          .append(" | ").append(daemonTime(r, r.daemonCold))
          .append(" | ").append(daemonTime(r, r.daemonWarm))
          .append(" | ").append(r.libFresh.millis()).append(" **").append(r.libFresh.ratioTo(r.pip.millis)).append("**")
          .append(" | ").append(r.libReused.millis()).append(" **").append(r.libReused.ratioTo(r.pip.millis)).append("**")
          .append(" | ").append(r.relock.millis())
          .append(" |\n");
    }
    md.append("\n#### Peak RSS (median) and requests to the index (pages + metadata files "
        + "[+ whole files])\n\n");
    md.append("| set | RSS pip | RSS CLI cold | RSS CLI warm | RSS client via background JVM "
        + "(cold / warm) | RSS background JVM (VmHWM / VmRSS) "
        + "| RSS library JVM (VmHWM) | req. pip "
        + "| req. pip warm | req. CLI cold | req. CLI warm | req. library new index "
        + "| req. library reused |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ").append(r.c.name())
          .append(" | ").append(r.pip.rssKb.megabytes())
          .append(" | ").append(r.cliCold.rssKb.megabytes())
          .append(" | ").append(r.cliWarm.rssKb.megabytes())
          .append(" | ").append(r.daemonNote != null ? "n/a"
              : r.daemonCold.rssKb.megabytes() + " / " + r.daemonWarm.rssKb.megabytes())
          .append(" | ").append(r.daemonMemoryKb == null ? "n/a"
              : r.daemonMemoryKb[0] / 1024 + " MB / " + r.daemonMemoryKb[1] / 1024 + " MB")
          .append(" | ").append(libMemory(r))
          .append(" | ").append(String.join(", ", r.pip.requests))
          .append(" | ").append(String.join(", ", r.pipWarm.requests))
          .append(" | ").append(String.join(", ", r.cliCold.requests))
          .append(" | ").append(String.join(", ", r.cliWarm.requests))
          .append(" | ").append(r.lib.getOrDefault("fresh.requests", "—"))
          .append(" | ").append(r.lib.getOrDefault("reused.requests", "—"))
          .append(" |\n");
    }
    md.append("\n#### Answers: pylock4j (CLI and library) against pip\n\n");
    md.append("| set | pkgs pylock4j / pip | same versions as pip | CLI = library "
        + "| first difference in pylock4j's objective order | pip's pins as `==` roots, in pylock4j |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      Map<String, String> lib = r.libPins();
      List<String> diff = r.pipPins == null ? List.of() : Pins.differences(lib, r.pipPins);
      md.append("| ").append(r.c.name())
          .append(" | ").append(lib.isEmpty() ? r.lib.getOrDefault("result", "?") : lib.size())
          .append(" / ").append(r.pipPins == null ? "—" : r.pipPins.size())
          .append(" | ").append(r.pipPins == null ? "— (pip failed)" : diff.isEmpty() ? "yes" : "no, " + diff.size() + " differ")
          .append(" | ").append(r.cliPins == null ? (lib.isEmpty() ? "both fail" : "CLI failed")
              : r.cliPins.equals(lib) ? "yes" : "NO")
          .append(" | ").append(r.lib.getOrDefault("lexfirst", ""))
          .append(" | ").append(r.lib.getOrDefault("pipcheck", ""))
          .append(" |\n");
    }
    md.append("\n#### Details\n\n");
    for (Row r : rows) {
      md.append("- **").append(r.c.name()).append("** (roots `").append(r.c.roots().getFileName())
          .append("`, index `").append(r.c.index()).append("`)");
      md.append(": ").append(r.lib.getOrDefault("stats", ""));
      if (r.lib.containsKey("causes")) {
        md.append("; unsatisfiable: ").append(r.lib.get("causes"));
      }
      md.append('\n');
      if (r.pipPins != null && !r.libPins().isEmpty()) {
        for (String d : Pins.differences(r.libPins(), r.pipPins)) {
          md.append("  - ").append(d).append('\n');
        }
      }
      if (!r.c.relock().isEmpty()) {
        md.append("  - re-lock adds `").append(r.c.relock()).append("`: first ")
            .append(Samples.time(Double.parseDouble(r.lib.getOrDefault("relock.first.ms", "NaN"))))
            .append(", then ").append(r.relock.millis()).append("; changes: ")
            .append(r.lib.getOrDefault("relock.changed", "?")).append('\n');
      }
      note(md, "pip", r.pip);
      note(md, "pip warm", r.pipWarm);
      note(md, "CLI cold", r.cliCold);
      note(md, "CLI warm", r.cliWarm);
      note(md, "CLI via background JVM, cold", r.daemonCold);
      note(md, "CLI via background JVM, warm", r.daemonWarm);
      if (r.daemonNote != null) {
        md.append("  - background JVM: ").append(r.daemonNote).append('\n');
      } else {
        md.append("  - background JVM: process ").append(r.daemonPids).append('\n');
      }
      if (r.libRun != null && !r.libRun.ok()) {
        md.append("  - library run: exit ").append(r.libRun.exit()).append(": ")
            .append(r.libRun.lastError()).append('\n');
      }
      md.append("  - library: ").append(r.lib.getOrDefault("warmup.runs", "?"))
          .append(" warm-up resolutions; first resolution on the reused index ")
          .append(Samples.time(Double.parseDouble(r.lib.getOrDefault("reused.first.ms", "NaN"))))
          .append('\n');
    }
    return md.toString();
  }

  /** The background JVM column: its time and ratio to pip, or why there is none. */
  private static String daemonTime(Row r, Measured m) {
    return r.daemonNote != null ? "n/a" : m.time(r.pip.millis);
  }

  private static String libMemory(Row r) {
    String hwm = r.lib.get("vmhwm.kb");
    String rss = r.libRun == null || r.libRun.rssKb() < 0 ? "?" : r.libRun.rssKb() / 1024 + " MB";
    return (hwm == null ? "?" : Long.parseLong(hwm) / 1024 + " MB")
        + String.format(Locale.ROOT, " (RSS %s)", rss);
  }

  private static void note(StringBuilder md, String what, Measured m) {
    if (!m.failures.isEmpty()) {
      md.append("  - † ").append(what).append(": ").append(String.join("; ", m.failures))
          .append('\n');
    }
  }
}

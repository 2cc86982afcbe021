#!/usr/bin/env python3
"""CPU time, wall time and peak RSS of a command, repeated (bench/README.md section 4).

    python3 bench/cpu_time.py N COMMAND...

Runs COMMAND N times (stdout and stderr to /dev/null; SHOWERR=1 keeps stderr) and prints, per
run and as medians, wall time, CPU time (user + sys of the process and its children, from
wait4's rusage) and peak RSS. Every @CACHE@ in the command becomes a new empty directory per run
(a cold --cache-dir). CPU time is the figure to compare on a shared machine: it does not grow with
the number of processes waiting for a core, as wall time does.
"""
import os
import shutil
import statistics
import sys
import tempfile
import time


def main():
    n = int(sys.argv[1])
    command = sys.argv[2:]
    rows = []
    for _ in range(n):
        cache = tempfile.mkdtemp()
        argv = [a.replace("@CACHE@", cache) for a in command]
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            if not os.environ.get("SHOWERR"):
                os.dup2(null, 2)
            os.execvp(argv[0], argv)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        rows.append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                     os.waitstatus_to_exitcode(status)))
        shutil.rmtree(cache, ignore_errors=True)
    for row in rows:
        print("  wall %.3f s  cpu %.3f s  rss %.0f MB  exit %d" % row)
    print("median wall %.3f s  cpu %.3f s (min %.3f s)  rss %.0f MB" % (
        statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
        min(r[1] for r in rows), statistics.median(r[2] for r in rows)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The permaudit benchmark: audits generated JSON Lines batches end to end and prints
accounts per second, time per stage and peak memory for each size, then the wall time of a
single-account audit (the pre-go-live path). Figures are printed, never asserted.

Usage: bench/run.py [SIZE ...]        (default: 1000 10000 100000 1000000)
Environment: PERMAUDIT_BENCH_JOBS=N passes --jobs N (default: all cores).
"""
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "permaudit")
OUT = os.path.join(ROOT, "bench", "out")
NOW = "2026-12-03T12:00:00Z"
STAGES = ("read and parse", "merge", "evaluate and render", "write")


def evidence(size):
    """The batch of `size` accounts, generated once and kept under bench/out."""
    path = os.path.join(OUT, "evidence-%d.jsonl" % size)
    if not os.path.exists(path):
        print("generating %s …" % os.path.relpath(path, ROOT), file=sys.stderr, flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_evidence.py"),
                        str(size), path + ".tmp"], check=True)
        os.rename(path + ".tmp", path)
    return path


def run(arguments):
    """Runs permaudit; returns (exit code, seconds, peak resident KiB, standard error)."""
    start = time.perf_counter()
    process = subprocess.Popen([BINARY] + arguments, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, cwd=ROOT)
    stderr = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss, stderr


def batch(size):
    # The previous run's report goes first: a million accounts write gigabytes, and runs
    # kept around fill the disk and the page cache, which slows the next run's writes.
    reports = os.path.join(OUT, "reports")
    shutil.rmtree(reports, ignore_errors=True)
    arguments = ["audit", "--policy", "goprofiles-justworks", "--evidence", evidence(size),
                 "--now", NOW, "--format", "json", "--reports", reports,
                 "--quiet", "--timings", "--history", "-"]
    jobs = os.environ.get("PERMAUDIT_BENCH_JOBS")
    if jobs:
        arguments += ["--jobs", jobs]
    code, seconds, peak, stderr = run(arguments)
    if code not in (0, 1):
        sys.exit("permaudit failed (exit %d): %s" % (code, stderr.strip()))
    stages = {name: float(ms) for name, ms in re.findall(r"(read and parse|merge|evaluate and "
                                                         r"render|write) (\d+) ms", stderr)}
    return seconds, peak, stages


def single_account():
    """Median wall time of a one-account audit process, policy loading included."""
    path = os.path.join(OUT, "single.jsonl")
    with open(evidence(1000), encoding="utf-8") as source, open(path, "w") as target:
        target.write(source.readline())
    arguments = ["audit", "--policy", "goprofiles-justworks", "--evidence", path, "--now", NOW,
                 "--reports", "-", "--quiet"]
    times = [run(arguments)[1] for _ in range(21)]
    return statistics.median(times)


def main():
    sizes = [int(size) for size in sys.argv[1:]] or [1000, 10000, 100000, 1000000]
    if not os.access(BINARY, os.X_OK):
        sys.exit("build first: make build")
    os.makedirs(OUT, exist_ok=True)

    print("permaudit benchmark on %s, %d cores, Python %s" % (
        platform.machine(), os.cpu_count() or 0, platform.python_version()))
    header = "%10s %12s %9s %10s" % ("accounts", "accounts/s", "wall s", "peak MiB")
    header += "".join(" %14s" % ("%s ms" % name.split()[0]) for name in STAGES)
    print(header)
    for size in sizes:
        seconds, peak, stages = batch(size)
        row = "%10d %12.0f %9.2f %10.1f" % (size, size / seconds, seconds, peak / 1024)
        row += "".join(" %14.0f" % stages.get(name, 0) for name in STAGES)
        print(row, flush=True)
    print("single-account audit process: %.1f ms wall (median of 21)" % (single_account() * 1000))


if __name__ == "__main__":
    main()

"""A child process for the harness: consolidate a folder of commune reports and
write the summary, as the app does, then say how long it took and how much
memory it held. Prints one JSON line.

    python benchmarks/probe_consolidate.py FOLDER SUMMARY [--profile FILE]

With FRONTDESK_PROBE_ROOT set, the app is imported from that checkout instead
(the same folder consolidated by the code before and after a change).

Memory: this process's peak resident set (VmHWM, as probe_window reads it),
before the work (Python and the modules loaded) and at the end; and the peak
of the spreadsheet reader children it starts (``app.spreadsheets.sandbox``),
sampled from /proc while they run (VmHWM only grows, so the last sample of a
child is within a sampling interval of its end).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, os.environ.get("FRONTDESK_PROBE_ROOT") or str(Path(__file__).resolve().parents[1]))

PROVINCE_DAY = datetime(2026, 12, 5, 8, 0, tzinfo=timezone.utc)  # after the exports


def _hwm_mb(pid: str = "self") -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _cpu_seconds() -> float | None:
    """Processor time of this process and of its children that have ended (the
    readers are closed, so waited for): the work done, whatever else the machine runs."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class ChildPeaks(threading.Thread):
    """Samples the VmHWM of this process's children until stopped (Linux)."""

    def __init__(self, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.last: dict[str, float] = {}  # pid -> its latest VmHWM
        self._done = threading.Event()

    @property
    def peak(self) -> float:
        # each child's latest sample: a child caught between fork and exec still
        # shows this process's memory, its later samples its own
        return max(self.last.values(), default=0.0)

    def run(self) -> None:
        while not self._done.wait(self.interval):
            for pid in self._children():
                hwm = _hwm_mb(pid)
                if hwm is not None:
                    self.last[pid] = hwm

    @staticmethod
    def _children() -> list[str]:
        out = []
        for task in Path("/proc/self/task").glob("*"):
            try:
                out += (task / "children").read_text().split()
            except OSError:
                pass
        return out

    def stop(self) -> None:
        self._done.set()
        self.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("summary", type=Path)
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats of the work here")
    args = parser.parse_args()

    from app.clock import FixedClock
    from app.reports.consolidation import consolidate
    from app.reports.consolidation_workbook import write_summary

    before = _hwm_mb()
    peaks = ChildPeaks()
    peaks.start()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    result = consolidate(args.folder, clock=FixedClock(PROVINCE_DAY))
    write_summary(result, args.summary, now=PROVINCE_DAY)
    seconds = time.perf_counter() - started
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    peaks.stop()
    cpu = _cpu_seconds()
    print(json.dumps({
        "seconds": seconds, "cpu_seconds": cpu, "rss_mb": _hwm_mb(), "rss_before_mb": before, "readers_mb": peaks.peak or None,
        "readers": len(peaks.last), "kept": len(result.kept), "province": result.province.code,
        "reasons": dict(Counter(r.reason for r in result.rejected)), "missing": len(result.missing),
    }), flush=True)


if __name__ == "__main__":
    main()

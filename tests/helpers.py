"""What many tests share: the fixed "today" and the command line run in-process on it."""
from __future__ import annotations

import io
from datetime import date

from app.cli import run
from app.clock import Clock, FixedClock

TODAY = date(2026, 11, 22)
COMMUNE = "00004"  # Phường Ba Đình, Hà Nội


def cli(*argv: object, clock: Clock | None = None) -> tuple[int, str, str]:
    """``frontdesk ARGV`` in this process on the tests' fixed date: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in argv], out=out, err=err, clock=clock or FixedClock(TODAY))
    return code, out.getvalue(), err.getvalue()

"""Run a process to completion and read its wall time and, when it runs under
``peak_rss.py``, its own peak RSS (KiB)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PEAK_RSS = [sys.executable, str(Path(__file__).with_name("peak_rss.py"))]


def run_once(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time, and the peak RSS a ``PEAK_RSS`` command reports (else 0)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "peak"
        env = dict(os.environ if env is None else env, PEAK_RSS_FILE=str(report))
        start = time.perf_counter()
        code = subprocess.call(list(cmd), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
        elapsed = time.perf_counter() - start
        assert code == 0, f"{cmd} exited {code}"
        return elapsed, int(report.read_text()) if report.exists() else 0


def paired(
    a: Sequence[str], b: Sequence[str], env: dict[str, str], runs: int = 7
) -> dict[str, float]:
    """A and B in turn (A B A B …) after a warm-up; medians of time and RSS, and their ratios."""
    run_once(a, env), run_once(b, env)
    ta, tb, ra, rb = [], [], [], []
    for _ in range(runs):
        t, r = run_once(a, env)
        ta.append(t), ra.append(r)
        t, r = run_once(b, env)
        tb.append(t), rb.append(r)
    out = {"a_s": statistics.median(ta), "b_s": statistics.median(tb),
           "a_kib": statistics.median(ra), "b_kib": statistics.median(rb)}  # fmt: skip
    out["time_ratio"] = statistics.median(x / y for x, y in zip(ta, tb, strict=True))
    out["rss_ratio"] = out["a_kib"] / out["b_kib"] if out["b_kib"] else 0.0
    return out

"""Run a process to completion and read its wall time and peak RSS (ru_maxrss, KiB)."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence


def run_once(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}"
    return elapsed, int(usage.ru_maxrss)


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
    out["rss_ratio"] = out["a_kib"] / out["b_kib"]
    return out

"""Run a process to completion and read, when the probes are armed, the time of its
first painted frame (``packaging/first_paint_probe.py``) and its own peak RSS
(``peak_rss.py``). Times are CLOCK_MONOTONIC, shared by parent and child on Linux."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEAK_RSS = [sys.executable, str(Path(__file__).with_name("peak_rss.py"))]
FIRST_PAINT = [sys.executable, str(ROOT / "packaging" / "first_paint_probe.py")]
BARE_WINDOW = str(Path(__file__).with_name("bare_window.py"))


def _now() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


@dataclass(frozen=True)
class Run:
    exit_s: float
    """Start to process exit."""
    paint_s: float | None
    """Start to the end of the first painted frame (None when the probe was not armed)."""
    peak_kib: int


def run_once(cmd: Sequence[str], env: dict[str, str] | None = None) -> Run:
    with tempfile.TemporaryDirectory() as folder:
        peak, paint = Path(folder) / "peak", Path(folder) / "paint"
        env = dict(
            os.environ if env is None else env,
            PEAK_RSS_FILE=str(peak),
            LOKET_FIRST_PAINT_FILE=str(paint),
        )
        start = _now()
        code = subprocess.call(
            list(cmd), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        elapsed = _now() - start
        assert code == 0, f"{cmd} exited {code}"
        painted = float(paint.read_text()) - start if paint.exists() else None
        return Run(elapsed, painted, int(peak.read_text()) if peak.exists() else 0)


@dataclass
class Paired:
    a: list[Run] = field(default_factory=list)
    b: list[Run] = field(default_factory=list)

    def times(self, side: str) -> list[float]:
        runs = self.a if side == "a" else self.b
        return [r.paint_s if r.paint_s is not None else r.exit_s for r in runs]

    @property
    def time_ratios(self) -> list[float]:
        """A/B per pair: each pair ran back to back, so they share the machine's mood."""
        return [x / y for x, y in zip(self.times("a"), self.times("b"), strict=True)]

    @property
    def time_ratio(self) -> float:
        return statistics.median(self.time_ratios)

    def median_s(self, side: str) -> float:
        return statistics.median(self.times(side))

    def median_kib(self, side: str) -> float:
        return statistics.median(r.peak_kib for r in (self.a if side == "a" else self.b))

    @property
    def rss_ratios(self) -> list[float]:
        return [x.peak_kib / y.peak_kib for x, y in zip(self.a, self.b, strict=True)]

    @property
    def rss_ratio(self) -> float:
        return self.median_kib("a") / self.median_kib("b")


def paired(a: Sequence[str], b: Sequence[str], env: dict[str, str], runs: int = 7) -> Paired:
    """A and B in turn (A B A B …) after one warm-up each."""
    run_once(a, env), run_once(b, env)
    out = Paired()
    for _ in range(runs):
        out.a.append(run_once(a, env))
        out.b.append(run_once(b, env))
    return out


@contextmanager
def simulator_process(*args: str) -> Iterator[str]:
    """``python -m kiosk.sim`` on a free loopback port in its own process; yields its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk.sim", "--port", "0", *args], stdout=subprocess.PIPE, text=True
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        match = re.search(r"(http://\S+)", line)
        assert match, f"the simulator did not start: {line!r}"
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(10)

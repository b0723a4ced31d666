"""Cold start to the first painted home screen, and peak memory after a payment,
each against a bare PySide6 script showing an empty QMainWindow, interleaved in the
same run. The start-up clock stops when the first frame is painted (not at exit)."""

from __future__ import annotations

import compileall
import os
from pathlib import Path

import pytest

from tests.bench.procs import BARE_WINDOW, FIRST_PAINT, PEAK_RSS, ROOT, paired
from tests.bench.report import report

pytestmark = pytest.mark.bench
RUNS = int(os.environ.get("LOKET_BENCH_RUNS", "15"))


@pytest.mark.timeout(1200)
def test_cold_start_to_first_paint_against_a_bare_window(tmp_path: Path) -> None:
    compileall.compile_dir(ROOT / "kiosk", quiet=1)  # as an installed package would be
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LOKET_HOME=str(tmp_path),
        LOKET_QUIT_AFTER_FIRST_PAINT="1",
    )
    start = paired(
        [*FIRST_PAINT, "-m", "kiosk", "--demo"], [*FIRST_PAINT, BARE_WINDOW], env, runs=RUNS
    )
    assert all(r.paint_s is not None for r in start.a + start.b), "the probe saw no paint"
    ratios = start.time_ratios
    report(
        "cold start to first painted home (--demo) / bare QMainWindow",
        start.time_ratio,
        1.35,
        spread=(min(ratios), max(ratios)),
        detail=f"medians: app {start.median_s('a') * 1000:.0f} ms, bare "
        f"{start.median_s('b') * 1000:.0f} ms, {RUNS} interleaved pairs",
    )


def test_peak_rss_after_one_payment_against_a_bare_window(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOKET_HOME=str(tmp_path))
    paid = paired([*PEAK_RSS, "-m", "kiosk", "--self-test"], [*PEAK_RSS, BARE_WINDOW], env, runs=5)
    ratios = paid.rss_ratios
    report(
        "peak RSS after one full payment (--self-test) / bare window",
        paid.rss_ratio,
        1.5,
        spread=(min(ratios), max(ratios)),
        detail=f"medians: app {paid.median_kib('a') / 1024:.0f} MiB, bare "
        f"{paid.median_kib('b') / 1024:.0f} MiB (each process's own VmHWM)",
    )

"""Cold start to the first painted home screen, and peak memory after a payment,
each against a bare PySide6 script showing an empty QMainWindow, in the same run."""

from __future__ import annotations

import compileall
import os
import sys
from pathlib import Path

import pytest

from tests.bench.procs import PEAK_RSS, paired

pytestmark = pytest.mark.bench
ROOT = Path(__file__).resolve().parents[2]
BARE = [sys.executable, str(ROOT / "tests" / "bench" / "bare_window.py")]


def test_cold_start_and_memory_against_a_bare_window(tmp_path: Path) -> None:
    compileall.compile_dir(ROOT / "kiosk", quiet=1)  # as an installed package would be
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOKET_HOME=str(tmp_path))
    start = paired([sys.executable, "-m", "kiosk", "--demo"], BARE,
                   dict(env, LOKET_QUIT_AFTER_FIRST_PAINT="1"), runs=15)  # fmt: skip
    paid = paired([*PEAK_RSS, "-m", "kiosk", "--self-test"], [*PEAK_RSS, BARE[1]], env, runs=5)
    print(
        f"\ncold start to first frame: app {start['a_s'] * 1000:.0f} ms, bare "
        f"{start['b_s'] * 1000:.0f} ms, ratio {start['time_ratio']:.2f} (target <= 1.5)"
        f"\npeak RSS after one full payment (--self-test): app {paid['a_kib'] / 1024:.0f} MiB, "
        f"bare {paid['b_kib'] / 1024:.0f} MiB, ratio {paid['rss_ratio']:.2f} (target <= 1.8)"
    )

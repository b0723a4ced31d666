"""The longest GUI-thread stall while a customer pays: five full payments through the
real window (tile, keys, Cek Tagihan, Bayar, Transaksi Baru) in a fresh process, so the
first payment pays for every screen built on first use. A 1 ms timer records each gap;
the simulator runs in its own process. Target: no gap of 16 ms (one frame) or more."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.procs import simulator_process
from tests.bench.report import report

pytestmark = pytest.mark.bench
CHILD = str(Path(__file__).with_name("stall_child.py"))
RUNS = 3
Gap = tuple[float, str, str]


def run(*args: str) -> list[Gap]:
    done = subprocess.run(
        [sys.executable, CHILD, *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    assert out.get("paid", 5) == 5, f"{out['paid']} of 5 payments succeeded"
    return [tuple(g) for g in out["gaps"]]  # type: ignore[misc]


def worst(gaps: list[Gap], prefix: str = "pay ") -> Gap:
    return max((g for g in gaps if g[1].startswith(prefix)), default=(0.0, "-", "-"))


def describe(gap: Gap) -> str:
    return f"{gap[0]:.0f} ms at '{gap[1]}' (screen {gap[2]})"


@pytest.mark.timeout(1200)
def test_longest_gui_stall_over_five_payments(tmp_path: Path) -> None:
    ours, idle = [], []
    with simulator_process("--balance", "1000000000000") as url:  # 30 payments: never short
        for n in range(RUNS):  # interleaved, so both see the same machine
            ours.append(
                run(url, "--journal", str(tmp_path / f"j{n}.sqlite3"), "--first", str(100 * n + 1))
            )
            idle.append(run("--idle", "3"))
    peaks = [worst(g)[0] for g in ours]
    first = [worst(g, "pay 1:")[0] for g in ours]
    later = [max(worst(g, f"pay {i}:")[0] for i in range(2, 6)) for g in ours]
    worst_run = ours[peaks.index(max(peaks))]
    top = sorted((g for g in worst_run if g[1].startswith("pay ")), reverse=True)[:5]
    report(
        "longest GUI-thread stall during 5 payments (first included), ms",
        statistics.median(peaks),
        16.0,
        op="<",
        unit=" ms",
        spread=(min(peaks), max(peaks)),
        detail=f"payment 1: median {statistics.median(first):.0f} ms; payments 2-5: median "
        f"{statistics.median(later):.0f} ms; worst: "
        + "; ".join(describe(g) for g in top)
        + f"\n        before the first payment (first frame, balance, reconcile): "
        f"{describe(worst(worst_run, 'start'))}, {describe(worst(worst_run, 'wait'))}"
        f"\n        machine noise (the same timer, nothing to do, 3 s): median worst gap "
        f"{statistics.median(max(g[0] for g in r) for r in idle):.0f} ms"
        "\n        the app pre-builds and pre-draws the payment screens one per idle turn "
        "after its first frame (kiosk.ui.warmup.prebuild_screens), as in the app",
    )

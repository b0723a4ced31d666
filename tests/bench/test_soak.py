"""1,000 consecutive payments through the payment service, the simulator in its own
process and the payments in another: RSS is the paying process's own, from payment 100
to 1,000. A traced run names what grew (tracemalloc snapshots at 100, 500 and 1,000)."""

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
CHILD = str(Path(__file__).with_name("soak_child.py"))
RUNS = 3


def soak(url: str, journal: Path, *extra: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, CHILD, url, str(journal), *extra],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return dict(json.loads(done.stdout))


def growth(result: dict[str, object]) -> float:
    rss = result["rss_kib"]
    assert isinstance(rss, dict)
    return (rss["1000"] - rss["100"]) / rss["100"] * 100


@pytest.mark.timeout(1200)
def test_thousand_payments(tmp_path: Path) -> None:
    with simulator_process("--balance", "1000000000000") as url:
        runs = [soak(url, tmp_path / f"journal{n}.sqlite3") for n in range(RUNS)]
        bounded = soak(url, tmp_path / "bounded.sqlite3", "--cache-kib", "256")
        traced = soak(url, tmp_path / "traced.sqlite3", "--trace")
    growths = [growth(r) for r in runs]
    rss = runs[0]["rss_kib"]
    assert isinstance(rss, dict)
    report(
        "soak: RSS growth of the paying process, payment 100 -> 1,000",
        statistics.median(growths),
        5.0,
        op="<",
        unit=" %",
        spread=(min(growths), max(growths)),
        detail=f"run 1: {rss['100'] / 1024:.1f} MiB at 100, {rss['500'] / 1024:.1f} at 500, "
        f"{rss['1000'] / 1024:.1f} at 1,000; with SQLite's page cache bounded to 256 KiB "
        f"(PRAGMA cache_size=-256, a proposal for the journal): {growth(bounded):.1f} %; "
        f"Python heap (tracemalloc) at 100/500/1,000: {traced['python_heap_kib']} KiB; "
        "grew most:\n          " + "\n          ".join(traced["grew_100_to_end"]),
    )  # type: ignore[arg-type]
    unresolved = max(int(r["unresolved"]) for r in runs)  # type: ignore[call-overload]
    report("soak: journal rows not final at the end", unresolved, 0, op="==")
    assert unresolved == 0

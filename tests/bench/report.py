"""One way to print a benchmark row: what was measured, its spread, the issue's target
and a verdict. Each row is also appended to ``artifacts/bench/results.jsonl`` so the
README table can be built from several runs (median and min-max)."""

from __future__ import annotations

import json
import operator
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / "artifacts" / "bench" / "results.jsonl"
_OPS = {"<=": operator.le, "<": operator.lt, "==": operator.eq}


def report(
    name: str,
    value: float,
    target: float,
    *,
    op: str = "<=",
    spread: tuple[float, float] | None = None,
    detail: str = "",
    unit: str = "",
) -> bool:
    """Print ``name: value (min-max) target op T -> MEETS/MISSES`` and record it."""
    ok = _OPS[op](round(value, 2), target)
    span = f" (min {spread[0]:.2f} - max {spread[1]:.2f})" if spread else ""
    print(
        f"\n[bench] {name}: {value:.2f}{unit}{span}; target {op} {target}{unit} -> "
        f"{'MEETS TARGET' if ok else 'MISSES TARGET'}" + (f"\n        {detail}" if detail else "")
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(
            json.dumps(
                {
                    "name": name,
                    "value": value,
                    "target": target,
                    "op": op,
                    "spread": spread,
                    "ok": ok,
                    "detail": detail,
                    "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                }
            )
            + "\n"
        )
    return ok

"""The README table from ``artifacts/bench/results.jsonl``: per row, the median of the
runs' values, their min-max, the target and whether the median meets it.

    python -m tests.bench.table [--since 2026-12-03T10:00:00]
"""

from __future__ import annotations

import argparse
import json
import operator
import statistics

from tests.bench.report import RESULTS

OPS = {"<=": operator.le, "<": operator.lt, "==": operator.eq}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", default="")
    args = parser.parse_args()
    rows: dict[str, list[dict[str, object]]] = {}
    for line in RESULTS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["at"] >= args.since:
            rows.setdefault(str(row["name"]), []).append(row)
    print("| measure | median | min-max over runs | runs | target | meets |")
    print("|---|---|---|---|---|---|")
    for name, runs in rows.items():
        values = [float(r["value"]) for r in runs]  # type: ignore[arg-type]
        median, target, op = statistics.median(values), runs[0]["target"], str(runs[0]["op"])
        ok = OPS[op](round(median, 2), target)
        print(
            f"| {name} | {median:.2f} | {min(values):.2f}-{max(values):.2f} | {len(values)} "
            f"| {op} {target} | {'yes' if ok else 'NO'} |"
        )


if __name__ == "__main__":
    main()

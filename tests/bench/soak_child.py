"""The soak's app side, in its own process: N payments through the payment service
against a simulator URL; prints one JSON line.

``--trace`` adds tracemalloc snapshots at payments 100, 500 and N and prints what grew
(tracemalloc costs memory itself, so RSS is read in runs without it)."""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tracemalloc
from pathlib import Path

from kiosk.api import DigiswitchClient, Timeouts
from kiosk.journal import Journal
from kiosk.payment import BillRequest, PaymentService


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("journal", type=Path)
    parser.add_argument("--payments", type=int, default=1000)
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--cache-kib", type=int, help="try a bound on SQLite's page cache")
    args = parser.parse_args()
    client = DigiswitchClient(
        base_url=args.url,
        username="demo",
        key_provider=lambda: "demo-key",
        testing=True,
        timeouts=Timeouts(connect=2, read=5),
    )
    journal = Journal(args.journal)
    if args.cache_kib:  # an experiment: what the journal would do with this bound
        journal._conn.execute(f"PRAGMA cache_size=-{args.cache_kib}")
    service = PaymentService(client=client, journal=journal, status_interval=0)
    marks = {100, 500, args.payments}
    rss: dict[int, int] = {}
    snaps: dict[int, tracemalloc.Snapshot] = {}
    if args.trace:
        tracemalloc.start(10)
    for i in range(1, args.payments + 1):
        result = service.pay(service.inquire(BillRequest("pln", f"54{i:010d}")))
        assert result.state.final, result.state
        if i in marks:
            gc.collect()
            rss[i] = rss_kib()
            if args.trace:
                snaps[i] = tracemalloc.take_snapshot()
    out: dict[str, object] = {"rss_kib": rss, "unresolved": len(journal.unresolved())}
    if args.trace:
        grew = []
        for stat in snaps[args.payments].compare_to(snaps[100], "traceback")[:8]:
            frames = [
                f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in reversed(stat.traceback[-4:])
            ]
            grew.append(
                f"{stat.size_diff / 1024:+.0f} KiB ({stat.count_diff:+d} blocks) "
                f"at {' <- '.join(frames)}"
            )
        out["python_heap_kib"] = {
            k: sum(s.size for s in v.statistics("filename")) // 1024 for k, v in snaps.items()
        }
        out["grew_100_to_end"] = grew
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

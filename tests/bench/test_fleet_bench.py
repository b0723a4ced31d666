"""50 kiosks, each paying 1,000 times and replicating at once into one PostgreSQL.

Each kiosk is its own process (as on 50 machines): a real journal file written
through the Journal API as fast as it goes, and the replicator with its
defaults (2 s poll, 500-row batches) shipping meanwhile. Prints the rows per
second from the first payment to the last row stored, the replication lag
(``received_at - at`` per row: p50/p95); then each kiosk pays 1,000 more times
with no replicator running (the database "down") and the 50 backlogs ship at
once (catch-up rows per second); then the time of the owner's status query for
50 kiosks, and a check that every row arrived exactly once.

The 50 journals live on tmpfs (``/dev/shm``) when there is one: each real kiosk
has a disk of its own, and 150,000 ``synchronous=FULL`` commits on one shared
disk would measure that disk's fsync rate, not the replication.
"""

from __future__ import annotations

import multiprocessing
import shutil
import statistics
import tempfile
import threading
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.fleet.status import fetch
from tests.fleet.conftest import FleetDb, new_fleet_db, pay
from tests.support.pg_server import PgServer, pg_bindir

pytestmark = [pytest.mark.bench, pytest.mark.timeout(900)]

KIOSKS = 50
PAYMENTS = 1_000
ROWS_PER_PAYMENT = 3  # inquired, sending, success


def kiosk(
    kiosk_id: str, dsn: str, password: str, folder: str, go: Any, again: Any, done: Any
) -> None:
    from kiosk.fleet.link import connector
    from kiosk.fleet.replicator import Replicator
    from kiosk.journal import Journal

    journal = Journal(Path(folder) / f"{kiosk_id}.sqlite3")

    class Shipping(Replicator):
        """The real replicator, saying when it has shipped ``rows`` rows (no polling)."""

        def __init__(self, rows: int) -> None:
            super().__init__(
                journal_path=journal.path,
                kiosk_id=kiosk_id,
                target=kiosk_id,
                connect=connector(dsn, lambda: password),
            )
            self.rows, self.reached = rows, threading.Event()

        def work(self, conn: Any) -> float:
            pause = super().work(conn)
            if self.shipped >= self.rows:
                self.reached.set()
            return pause

    def ship_until(rows: int) -> None:
        worker = Shipping(rows)
        worker.start()
        if not worker.reached.wait(timeout=600):
            raise TimeoutError(f"{kiosk_id}: {worker.shipped} of {rows} rows shipped")
        worker.stop()

    # 1. live: paying as fast as the journal goes while the replicator ships (defaults).
    live = threading.Thread(target=ship_until, args=(PAYMENTS * ROWS_PER_PAYMENT,))
    live.start()
    go.wait()
    started = time.monotonic()
    for n in range(PAYMENTS):
        pay(journal, n)
    paid = time.monotonic() - started
    live.join()
    done.put(("live", kiosk_id, paid, time.monotonic()))
    # 2. backlog: another 1,000 payments while the database is "down", then catch up.
    for n in range(PAYMENTS, 2 * PAYMENTS):
        pay(journal, n)
    done.put(("written", kiosk_id, 0.0, 0.0))
    again.wait()
    ship_until(PAYMENTS * ROWS_PER_PAYMENT)
    done.put(("caught-up", kiosk_id, 0.0, time.monotonic()))
    # 3. one heartbeat, so the owner's status has today's figures.
    from kiosk.fleet.heartbeat import Heartbeat, send
    from kiosk.fleet.sources import JournalReader

    reader = JournalReader(journal.path, kiosk_id)
    now = datetime.now().astimezone()
    beat = Heartbeat(**asdict(reader.figures()))
    reader.close()
    with connector(dsn, lambda: password)() as conn:
        send(conn, kiosk_id, beat, [], now)
    done.put(("beat", kiosk_id, 0.0, 0.0))
    journal.close()


def test_fifty_kiosks_replicate_a_thousand_payments_each(tmp_path: Path) -> None:
    bindir = pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed")
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="loket-bench-", dir=shm if shm.is_dir() else tmp_path))
    server = PgServer(bindir).start()
    try:
        db = new_fleet_db(server)
        run(db, folder)
    finally:
        server.close()
        shutil.rmtree(folder, ignore_errors=True)


def run(db: FleetDb, folder: Path) -> None:
    ids = [f"toko{i:02d}" for i in range(KIOSKS)]
    for kiosk_id in ids:
        db.add_kiosk(kiosk_id)
    context = multiprocessing.get_context("fork")
    go, again, done = context.Event(), context.Event(), context.Queue()
    procs = [
        context.Process(
            target=kiosk, args=(k, db.kiosk_dsn(k), db.passwords[k], str(folder), go, again, done)
        )
        for k in ids
    ]
    for proc in procs:
        proc.start()
    started = time.monotonic()
    go.set()
    seen: list[tuple[str, str, float, float]] = []

    def collect(kind: str) -> list[tuple[str, str, float, float]]:
        while sum(1 for m in seen if m[0] == kind) < KIOSKS:
            seen.append(done.get(timeout=600))
        return [m for m in seen if m[0] == kind]

    results = collect("live")
    wall = max(r[3] for r in results) - started
    total = KIOSKS * PAYMENTS * ROWS_PER_PAYMENT
    with db.owner() as conn:
        p50, p95, worst = conn.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - at)),"
            " percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - at)),"
            " max(extract(epoch FROM received_at - at)) FROM fleet.kiosk_events"
        ).fetchone()
    collect("written")
    backlog_started = time.monotonic()
    again.set()
    caught = collect("caught-up")
    catch_up = max(r[3] for r in caught) - backlog_started
    collect("beat")
    for proc in procs:
        proc.join(30)
    total_rows = 2 * total
    with db.owner() as conn:
        count, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT (kiosk_id, source, event_id)) FROM fleet.kiosk_events"
        ).fetchone()
        gaps = conn.execute(
            "SELECT count(*) FROM (SELECT kiosk_id FROM fleet.kiosk_events GROUP BY kiosk_id"
            " HAVING count(*) <> max(event_id) OR min(event_id) <> 1) g"
        ).fetchone()[0]
        paid = conn.execute(
            "SELECT count(*) FROM fleet.payment_latest WHERE state = 'success'"
        ).fetchone()[0]
        timings = []
        for _ in range(7):
            began = time.perf_counter()
            kiosks, _alerts = fetch(conn)
            timings.append(time.perf_counter() - began)
    pay_s = statistics.median(r[2] for r in results)
    print(
        f"\nfleet bench, live: {KIOSKS} kiosks x {PAYMENTS} payments = {total:,} journal rows "
        f"in {wall:.1f} s (each kiosk paying for {pay_s:.1f} s, median) → "
        f"{total / wall:,.0f} rows/s; replication lag p50 {p50:.2f} s, p95 {p95:.2f} s, "
        f"max {worst:.2f} s\nfleet bench, backlog: {total:,} rows waiting on {KIOSKS} kiosks "
        f"shipped in {catch_up:.1f} s → {total / catch_up:,.0f} rows/s\n"
        f"fleet bench: status query for {len(kiosks)} kiosks and {paid:,} payments "
        f"{statistics.median(timings) * 1000:.0f} ms (median of 7); rows stored {count:,} "
        f"(distinct {distinct:,}; expected {total_rows:,}), kiosks with gaps {gaps}"
    )
    assert count == distinct == total_rows  # zero loss, zero duplicates
    assert gaps == 0
    assert paid == 2 * KIOSKS * PAYMENTS
    assert len(kiosks) == KIOSKS and all(k["today_count"] == 2 * PAYMENTS for k in kiosks)

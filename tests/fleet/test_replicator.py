"""The replicator against a real PostgreSQL: complete, idempotent, and never in a payment's way."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.fleet.link import LinkState, LinkStatus, connector
from kiosk.fleet.replicator import Replicator
from kiosk.journal import Journal, PaymentState
from tests.fleet.conftest import FleetDb, local_event_ids, new_fleet_db, pay
from tests.support.pg_server import PgServer


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Block until ``condition()`` holds (the replicator is a plain thread, not Qt)."""
    deadline = time.monotonic() + timeout
    done = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        done.wait(0.05)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


def replicator(
    db: FleetDb,
    kiosk_id: str,
    journal: Journal,
    *,
    password: str | None = None,
    statuses: list[LinkStatus] | None = None,
) -> Replicator:
    secret = password or db.passwords[kiosk_id]
    worker = Replicator(
        journal_path=journal.path,
        kiosk_id=kiosk_id,
        target=f"{kiosk_id}@test",
        connect=connector(db.kiosk_dsn(kiosk_id), lambda: secret),
        batch=50,
        poll_s=0.1,
        on_status=statuses.append if statuses is not None else None,
    )
    worker.BACKOFF_MAX_S = 0.5
    return worker


def remote_ids(db: FleetDb, kiosk_id: str) -> list[int]:
    with db.owner() as conn:
        rows = conn.execute(
            "SELECT event_id FROM fleet.kiosk_events WHERE kiosk_id = %s ORDER BY event_id",
            (kiosk_id,),
        ).fetchall()
    return [r[0] for r in rows]


def test_every_journal_row_arrives_once_with_its_payment_state(
    fleet_db: FleetDb, journal: Journal
) -> None:
    fleet_db.add_kiosk("toko1")
    refs = [pay(journal, n) for n in range(120)]
    stuck = pay(journal, 999, final=PaymentState.PENDING)
    worker = replicator(fleet_db, "toko1", journal)
    worker.start()
    try:
        wait_until(lambda: len(remote_ids(fleet_db, "toko1")) == len(local_event_ids(journal.path)))
    finally:
        worker.stop()
    assert remote_ids(fleet_db, "toko1") == local_event_ids(journal.path)
    with fleet_db.owner() as conn:
        states = dict(conn.execute("SELECT ref_id, state FROM fleet.payment_latest").fetchall())
        amount = conn.execute(
            "SELECT successes, amount, unresolved FROM fleet.daily_summary"
        ).fetchone()
        payload = conn.execute(
            "SELECT payload->>'customer_no', payload->>'reason' FROM"
            " fleet.kiosk_events WHERE ref_id = %s AND state = 'sending'",
            (refs[0],),
        ).fetchone()
    assert states == {**{r: "success" for r in refs}, stuck: "pending"}
    assert amount == (120, 120 * 51_000, 1)
    assert payload == ("53" + "0" * 10, "pay request about to be sent")


def test_database_restarted_during_payments_loses_and_duplicates_nothing(
    own_pg: PgServer, journal: Journal
) -> None:
    db = new_fleet_db(own_pg)
    db.add_kiosk("toko1")
    statuses: list[LinkStatus] = []
    worker = replicator(db, "toko1", journal, statuses=statuses)
    worker.start()
    slowest = 0.0
    try:
        for n in range(300):
            if n == 100:
                wait_until(lambda: worker.shipped > 0)
                own_pg.stop()  # the database goes away mid-stream
            if n == 250:
                own_pg.start()  # and comes back while payments go on
            started = time.monotonic()
            pay(journal, n)
            slowest = max(slowest, time.monotonic() - started)
            if n == 200:
                wait_until(lambda: worker.status.state is LinkState.OFFLINE)
                assert worker.status.backlog and worker.status.backlog > 0
        local = local_event_ids(journal.path)
        wait_until(lambda: remote_ids(db, "toko1") == local, timeout=30)
    finally:
        worker.stop()
    assert not worker.is_alive()
    assert remote_ids(db, "toko1") == local  # none lost, none twice (the key forbids twins)
    assert db.scalar("SELECT count(*) FROM fleet.kiosk_events") == len(local) == 900
    assert db.scalar("SELECT count(*) FROM fleet.payment_latest WHERE state = 'success'") == 300
    # Payments never waited on the database: each journal write stayed fast while it was down.
    assert slowest < 1.0, f"a payment's journal write took {slowest:.2f} s"
    seen = [s.state for s in statuses]
    assert LinkState.OFFLINE in seen and seen[-1] is LinkState.OK
    offline = next(s for s in statuses if s.state is LinkState.OFFLINE)
    assert "data dikirim begitu tersambung lagi" in offline.text.id


def test_a_lost_cursor_resends_without_duplicates(fleet_db: FleetDb, journal: Journal) -> None:
    fleet_db.add_kiosk("toko1")
    for n in range(40):
        pay(journal, n)
    worker = replicator(fleet_db, "toko1", journal)
    worker.start()
    wait_until(lambda: len(remote_ids(fleet_db, "toko1")) == 120)
    worker.stop()
    with sqlite3.connect(journal.path) as conn:  # the cursor lives in the journal file
        assert conn.execute("SELECT source, last_id FROM replication_cursor").fetchall() == [
            ("events", 120)
        ]
        conn.execute("DELETE FROM replication_cursor")  # as if the commit never reached disk
    again = replicator(fleet_db, "toko1", journal)
    again.start()
    wait_until(lambda: again.shipped == 120)
    again.stop()
    assert remote_ids(fleet_db, "toko1") == local_event_ids(journal.path)


def test_a_wrong_password_is_an_operator_alert_not_a_crash(
    fleet_db: FleetDb, journal: Journal
) -> None:
    fleet_db.add_kiosk("toko1")
    pay(journal, 1)
    password = ["not-the-password"]
    statuses: list[LinkStatus] = []
    worker = Replicator(
        journal_path=journal.path,
        kiosk_id="toko1",
        target="t",
        connect=connector(fleet_db.kiosk_dsn("toko1"), lambda: password[0]),
        poll_s=0.1,
        on_status=statuses.append,
    )
    worker.start()
    try:
        wait_until(lambda: worker.status.state is LinkState.AUTH_FAILED)
        assert worker.is_alive()
        assert "set-fleet-password" in worker.status.text.en
        assert worker.status.backlog == 3
        pay(journal, 2)  # the kiosk keeps paying meanwhile
        password[0] = fleet_db.passwords["toko1"]  # the operator fixes it
        worker.wake()
        wait_until(lambda: len(remote_ids(fleet_db, "toko1")) == 6)
    finally:
        worker.stop()
    assert worker.status.state is LinkState.OK


def test_a_kiosk_the_owner_never_added_is_told_so(fleet_db: FleetDb, journal: Journal) -> None:
    pay(journal, 1)
    with fleet_db.owner() as conn:  # a role without a kiosks row: a half-done add-kiosk
        conn.execute("DROP ROLE IF EXISTS loket_kiosk_ghost")
        conn.execute("CREATE ROLE loket_kiosk_ghost LOGIN PASSWORD 'ghost-pw' IN ROLE loket_kiosk")
    worker = Replicator(
        journal_path=journal.path,
        kiosk_id="ghost",
        target="t",
        poll_s=0.1,
        connect=connector(fleet_db.kiosk_dsn("ghost"), lambda: "ghost-pw"),
    )
    worker.start()
    try:
        wait_until(lambda: worker.status.state is LinkState.REFUSED)
    finally:
        worker.stop()
    assert "add-kiosk" in worker.status.text.en


# The cash work's tables as kiosk/cash/schema.py on main creates them (copied here until
# this branch has them: then use Journal.cash_ledger() instead).
CASH_TABLES = """
CREATE TABLE IF NOT EXISTS cash_notes (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, ref_id TEXT,
    kind TEXT NOT NULL, value INTEGER, detail TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS cash_sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, ref_id TEXT NOT NULL,
    at TEXT NOT NULL, state TEXT NOT NULL, total INTEGER NOT NULL, detail TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS vouchers (code TEXT PRIMARY KEY, amount INTEGER NOT NULL, issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL, ref_id TEXT, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS voucher_redemptions (code TEXT PRIMARY KEY REFERENCES vouchers(code),
    at TEXT NOT NULL, ref_id TEXT, how TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cash_collections (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
    upto_note INTEGER NOT NULL, counted TEXT NOT NULL, total INTEGER NOT NULL,
    uncertain TEXT NOT NULL, physical TEXT);
CREATE TABLE IF NOT EXISTS balance_checks (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
    balance TEXT NOT NULL);
"""


def test_cash_voucher_and_balance_rows_ship_once_and_voucher_codes_stay_home(
    fleet_db: FleetDb, journal: Journal
) -> None:
    fleet_db.add_kiosk("toko1")
    ref = pay(journal, 1)
    now = datetime.now().isoformat()
    with sqlite3.connect(journal.path) as conn:
        conn.executescript(CASH_TABLES)
        conn.execute(
            "INSERT INTO cash_sessions (ref_id, at, state, total) VALUES (?, ?, 'open', 51000)",
            (ref, now),
        )
        for value in (50_000, 2_000):
            conn.execute(
                "INSERT INTO cash_notes (at, ref_id, kind, value) VALUES (?, ?, 'credited', ?)",
                (now, ref, value),
            )
        conn.execute(
            "INSERT INTO vouchers VALUES ('ABCDE12345', 1000, ?, ?, ?, 'change')", (now, now, ref)
        )
        conn.execute(
            "INSERT INTO voucher_redemptions VALUES ('ABCDE12345', ?, NULL, 'counter')", (now,)
        )
        conn.execute(
            "INSERT INTO cash_collections (at, upto_note, counted, total, uncertain)"
            " VALUES (?, 2, '{}', 52000, '[]')",
            (now,),
        )
        conn.execute("INSERT INTO balance_checks (at, balance) VALUES (?, '1250000.50')", (now,))
    worker = replicator(fleet_db, "toko1", journal)
    worker.start()
    try:
        wait_until(lambda: worker.shipped == 3 + 7)
    finally:
        worker.stop()
    with fleet_db.owner() as conn:
        rows = conn.execute(
            "SELECT source, kind, state, amount, payload FROM fleet.kiosk_events"
            " WHERE source <> 'events' ORDER BY source, event_id"
        ).fetchall()
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("balance_checks", "balance", None, None),
        ("cash_collections", "cash_collection", None, 52_000),
        ("cash_notes", "cash_note", "credited", 50_000),
        ("cash_notes", "cash_note", "credited", 2_000),
        ("cash_sessions", "cash_session", "open", 51_000),
        ("voucher_redemptions", "voucher_redemption", "redeemed", None),
        ("vouchers", "voucher", "issued", 1_000),
    ]
    assert rows[0][4]["balance"] == "1250000.50"
    assert rows[-1][4]["code_tail"] == "2345" and "ABCDE12345" not in str(rows)


def test_a_journal_that_cannot_be_read_is_said_so(fleet_db: FleetDb, tmp_path: Path) -> None:
    fleet_db.add_kiosk("toko1")
    worker = Replicator(
        journal_path=tmp_path / "missing" / "journal.sqlite3",
        kiosk_id="toko1",
        target="t",
        poll_s=0.1,
        connect=connector(fleet_db.kiosk_dsn("toko1"), lambda: fleet_db.passwords["toko1"]),
    )
    worker.start()
    try:
        wait_until(lambda: worker.status.state is LinkState.CONFIG)
    finally:
        worker.stop()
    assert "journal cannot be read" in worker.status.text.en

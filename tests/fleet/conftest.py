"""Fleet tests run against a real PostgreSQL server started here (skipped only without one)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from kiosk.journal import Journal, PaymentState
from tests.support.pg_server import PgServer, pg_bindir

_numbers = itertools.count(1)


def _server() -> PgServer:
    bindir = pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (initdb/pg_ctl not found)")
    return PgServer(bindir).start()


@pytest.fixture(scope="session")
def pg() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole session (it is never stopped by a test)."""
    server = _server()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def own_pg() -> Iterator[PgServer]:
    """A server of the test's own, which the test may stop and start."""
    server = _server()
    try:
        yield server
    finally:
        server.close()


@dataclass
class FleetDb:
    """A fresh, initialised fleet database on a server, with helpers to add kiosks."""

    server: PgServer
    dbname: str
    passwords: dict[str, str] = field(default_factory=dict)

    @property
    def owner_dsn(self) -> str:
        return self.server.admin_dsn.replace("dbname=postgres", f"dbname={self.dbname}")

    def kiosk_dsn(self, kiosk_id: str) -> str:
        return self.server.tcp_dsn(f"loket_kiosk_{kiosk_id}", self.dbname)

    def owner(self) -> psycopg.Connection:
        return psycopg.connect(self.owner_dsn, autocommit=True)

    def add_kiosk(self, kiosk_id: str) -> str:
        from kiosk.fleet.admin import add_kiosk

        with self.owner() as conn:
            self.passwords[kiosk_id] = add_kiosk(conn, kiosk_id)
        return self.passwords[kiosk_id]

    def connect_kiosk(self, kiosk_id: str) -> psycopg.Connection:
        return psycopg.connect(
            self.kiosk_dsn(kiosk_id), password=self.passwords[kiosk_id], autocommit=True
        )

    def scalar(self, sql: str, params: tuple[object, ...] = ()) -> object:
        with self.owner() as conn:
            row = conn.execute(sql, params).fetchone()
        return row[0] if row else None


def new_fleet_db(server: PgServer) -> FleetDb:
    from kiosk.fleet.admin import init

    name = f"fleet_{next(_numbers)}"
    with psycopg.connect(server.admin_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    db = FleetDb(server, name)
    with db.owner() as conn:
        init(conn)
    return db


@pytest.fixture
def fleet_db(pg: PgServer) -> FleetDb:
    return new_fleet_db(pg)


def pay(
    journal: Journal,
    n: int,
    final: PaymentState | None = PaymentState.SUCCESS,
    *,
    at: datetime | None = None,
    total: int = 50_000,
) -> str:
    """One payment in the journal through its real API: inquiry, sending, then ``final``."""
    at = at or datetime.now()
    ref_id = f"{at:%y%m%d}{n:08d}"
    journal.record_inquiry(
        ref_id=ref_id,
        product="pln",
        customer_no=f"53{n:010d}",
        amount=None,
        customer_name="BUDI",
        tagihan=total - 2500,
        denda=0,
        admin=2500,
        total=total,
        shop_fee=1000,
        price=None,
        reply_json='{"rc": "00"}',
        at=at,
    )
    journal.mark_sending(ref_id, at=at + timedelta(milliseconds=1))
    if final is not None:
        journal.transition(
            ref_id,
            final,
            at=at + timedelta(milliseconds=2),
            reason="test",
            rc="00" if final is PaymentState.SUCCESS else "03",
            sn=f"SN{n}",
        )
    return ref_id


def local_event_ids(path: Path) -> list[int]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id")]

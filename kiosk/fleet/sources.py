"""What the replicator reads from the local journal, and where it remembers its place.

Each :class:`Source` is one append-only local table with an increasing integer
id. Its rows become ``fleet.kiosk_events`` rows keyed (kiosk_id, source,
event_id): the columns named like the common ones (``at``, ``ref_id``,
``state``, ``rc``, ``sn``, ``product``, ``amount``) fill the typed columns,
every other column goes into the ``payload`` JSON. A new event table (cash,
vouchers, manual resolutions) is shipped by adding one :class:`Source` to
:data:`SOURCES`; nothing on the server changes.

The reader has its own SQLite connection to the journal file: its queries are
short autocommit reads (WAL: a reader never blocks the journal's writer) and
its only write is one row of ``replication_cursor`` after each shipped batch.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.business_day import now as wib_now

CURSOR_TABLE = """
CREATE TABLE IF NOT EXISTS replication_cursor (
    target TEXT NOT NULL,
    source TEXT NOT NULL,
    last_id INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (target, source)
)
"""
COMMON = ("at", "ref_id", "state", "rc", "sn", "product", "amount")


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    """The local table; also the ``source`` column on the server."""
    kind: str
    """What the rows are about: ``payment``, later ``cash``, ``voucher``..."""
    select: str
    """Rows with ``id > ?`` in id order, ``LIMIT ?``; the first column is ``id``."""
    count: str
    """How many rows have ``id > ?`` (the backlog)."""


EVENTS = Source(
    name="events",
    kind="payment",
    select="""
        SELECT e.id, e.at, e.ref_id, e.state, e.rc, e.sn, t.product,
               t.total + t.shop_fee AS amount,
               e.message, e.balance, e.reason, e.reply, t.customer_no, t.customer_name,
               t.tagihan, t.denda, t.admin, t.total, t.shop_fee, t.price, t.amount AS nominal
        FROM events e JOIN transactions t ON t.ref_id = e.ref_id
        WHERE e.id > ? ORDER BY e.id LIMIT ?
    """,
    count="SELECT COUNT(*) FROM events WHERE id > ?",
)


def _source(
    name: str, kind: str, columns: str, table: str | None = None, key: str = "id"
) -> Source:
    table = table or name
    return Source(
        name=name,
        kind=kind,
        select=f"SELECT {key} AS id, {columns} FROM {table} WHERE {key} > ? ORDER BY {key} LIMIT ?",
        count=f"SELECT COUNT(*) FROM {table} WHERE {key} > ?",
    )


# The cash work's tables (kiosk/cash/schema.py) and the balance log; skipped while a
# journal file does not have them. Voucher codes are bearer values: only their last four
# characters leave the kiosk.
CASH_NOTES = _source(
    "cash_notes", "cash_note", "at, ref_id, kind AS state, value AS amount, detail"
)
CASH_SESSIONS = _source(
    "cash_sessions", "cash_session", "at, ref_id, state, total AS amount, detail"
)
VOUCHERS = _source(
    "vouchers",
    "voucher",
    "issued_at AS at, ref_id, 'issued' AS state, amount,"
    " substr(code, -4) AS code_tail, expires_at, reason",
    key="rowid",
)
VOUCHER_REDEMPTIONS = _source(
    "voucher_redemptions",
    "voucher_redemption",
    "at, ref_id, 'redeemed' AS state, how, substr(code, -4) AS code_tail",
    key="rowid",
)
CASH_COLLECTIONS = _source(
    "cash_collections",
    "cash_collection",
    "at, total AS amount, counted, uncertain, physical, upto_note",
)
BALANCE_CHECKS = _source("balance_checks", "balance", "at, balance")

SOURCES: tuple[Source, ...] = (
    EVENTS,
    CASH_NOTES,
    CASH_SESSIONS,
    VOUCHERS,
    VOUCHER_REDEMPTIONS,
    CASH_COLLECTIONS,
    BALANCE_CHECKS,
)
"""Every local append-only table the replicator ships, in this order each round."""


@dataclass(frozen=True, slots=True)
class Shipped:
    """One row for ``fleet.kiosk_events``."""

    source: str
    event_id: int
    at: datetime
    kind: str
    ref_id: str | None
    state: str | None
    rc: str | None
    sn: str | None
    product: str | None
    amount: int | None
    payload: dict[str, Any]


def aware(stamp: str) -> datetime:
    """A journal timestamp with its zone; a naive one is the kiosk's local time."""
    return datetime.fromisoformat(stamp).astimezone()


def _shipped(source: Source, row: sqlite3.Row) -> Shipped:
    values = dict(zip(row.keys(), tuple(row), strict=True))
    common = {name: values.pop(name, None) for name in COMMON}
    event_id = int(values.pop("id"))
    amount = common["amount"]
    return Shipped(
        source=source.name,
        event_id=event_id,
        at=aware(str(common["at"])),
        kind=source.kind,
        ref_id=common["ref_id"],
        state=common["state"],
        rc=common["rc"],
        sn=common["sn"],
        product=common["product"],
        amount=None if amount is None else int(amount),
        payload={k: v for k, v in values.items() if v is not None},
    )


@dataclass(frozen=True, slots=True)
class Figures:
    """What the heartbeat reports from the journal."""

    last_tx_at: datetime | None
    unresolved_count: int
    oldest_unresolved_at: datetime | None
    today_count: int
    today_amount: int


class JournalReader:
    """Read-mostly access to the journal file; one per thread."""

    def __init__(self, path: Path, target: str) -> None:
        self.target = target
        self._conn = sqlite3.connect(
            f"file:{path}?mode=rw", uri=True, isolation_level=None, check_same_thread=False
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA busy_timeout=5000")
        self._conn.execute(CURSOR_TABLE)
        self._tables: dict[str, bool] = {}

    def close(self) -> None:
        self._conn.close()

    def has(self, source: Source) -> bool:
        """Whether this journal file has the source's table (older files lack the cash ones)."""
        if source.name not in self._tables:
            found = self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (source.name,)
            ).fetchone()
            self._tables[source.name] = found is not None
        return self._tables[source.name]

    def cursor(self, source: Source) -> int:
        row = self._conn.execute(
            "SELECT last_id FROM replication_cursor WHERE target = ? AND source = ?",
            (self.target, source.name),
        ).fetchone()
        return int(row[0]) if row else 0

    def save_cursor(self, source: Source, last_id: int) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO replication_cursor VALUES (?, ?, ?, ?)",
            (self.target, source.name, last_id, datetime.now().astimezone().isoformat()),
        )

    def read(self, source: Source, after: int, limit: int) -> list[Shipped]:
        if not self.has(source):
            return []
        rows = self._conn.execute(source.select, (after, limit)).fetchall()
        return [_shipped(source, row) for row in rows]

    def backlog(self, source: Source) -> int:
        if not self.has(source):
            return 0
        return int(self._conn.execute(source.count, (self.cursor(source),)).fetchone()[0])

    def figures(self, today: date | None = None) -> Figures:
        """The heartbeat's journal figures; ``today`` defaults to the WIB business day
        (the journal writes created_at in WIB, whatever the machine's zone)."""
        today = today or wib_now().date()
        tomorrow = (today + timedelta(days=1)).isoformat()
        last = self._conn.execute(
            "SELECT MAX(created_at) FROM tx_state WHERE state != 'inquired'"
        ).fetchone()[0]
        stuck = self._conn.execute(
            "SELECT COUNT(*), MIN(created_at) FROM tx_state"
            " WHERE state IN ('sending', 'pending', 'unknown')"
        ).fetchone()
        done = self._conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(t.total + t.shop_fee), 0) FROM tx_state s"
            " JOIN transactions t ON t.ref_id = s.ref_id WHERE s.state = 'success'"
            " AND s.created_at >= ? AND s.created_at < ?",
            (today.isoformat(), tomorrow),
        ).fetchone()
        return Figures(
            last_tx_at=aware(last) if last else None,
            unresolved_count=int(stuck[0]),
            oldest_unresolved_at=aware(stuck[1]) if stuck[1] else None,
            today_count=int(done[0]),
            today_amount=int(done[1]),
        )

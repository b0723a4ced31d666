"""The ledger: the journal's one writer. SQLite, WAL, ``synchronous=FULL``, append-only.

A row committed here survives a crash or a power cut. The payment service
writes SENDING *before* a pay request leaves; whatever happens next is a new
event, never an edit (triggers refuse UPDATE and DELETE). Every pay and status
answer is journaled, also when it changes nothing, so the evidence the
decision table needs (a provider record seen, when rc 50 first came, when the
provider was last asked) survives a restart. The file is readable by its owner
only. Safe to call from worker threads (one lock). Read-only reports live in
:mod:`kiosk.journal.reports`, the records read back in :mod:`kiosk.journal.records`, the
one write transaction in :mod:`kiosk.journal.transaction`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import AbstractContextManager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.business_day import in_wib
from kiosk.cash.schema import migrate_cash
from kiosk.journal.records import ENTRY_SQL, Entry, Event, Evidence, entry_from_row
from kiosk.journal.schema import migrate
from kiosk.journal.states import ALLOWED, IllegalTransition, PaymentState
from kiosk.journal.transaction import JournalError, write_transaction

if TYPE_CHECKING:
    from kiosk.cash.ledger import CashLedger
    from kiosk.journal.reports import DailySummary, HistoryFilter, HistoryRow, Reports


CACHE_KIB = 256


def _stamp(at: datetime) -> str:
    return in_wib(at).isoformat()


def _owner_only(path: Path) -> None:
    """Create the file readable by its owner only (SQLite gives -wal/-shm the same mode)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


class Journal:
    """The append-only ledger. Report queries are on :attr:`reports` (read-only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _owner_only(path)
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA busy_timeout=5000")
            # A bounded page cache (256 KiB): the journal is written once and read by key,
            # and the default 2 MiB cache is what a day-long soak saw growing.
            self._conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            migrate(self._conn)
            migrate_cash(self._conn)  # the cash tables live in the same file, append-only too
        except (sqlite3.Error, OSError) as exc:
            raise JournalError(f"cannot open the journal: {exc}") from exc
        self._reports: Reports | None = None

    @property
    def reports(self) -> Reports:
        """History and Tutup Kasir's reader, on its own read-only connection, opened on
        first use: a payment never reads a report (issue 16)."""
        with self._lock:
            if self._reports is None:
                from kiosk.journal.reports import Reports

                self._reports = Reports(self.path)
            return self._reports

    def close(self) -> None:
        with self._lock:
            if self._reports is not None:
                self._reports.close()
            self._conn.close()

    def cash_ledger(self, **options: Any) -> CashLedger:
        """The cash sessions, notes and vouchers, on this journal's connection and lock."""
        from kiosk.cash.ledger import CashLedger

        return CashLedger(self._conn, lock=self._lock, **options)  # type: ignore[arg-type]

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return write_transaction(self._conn, self._lock)

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise JournalError(f"journal read failed: {exc}") from exc

    # -- writes ----------------------------------------------------------------------

    def record_inquiry(
        self,
        *,
        ref_id: str,
        product: str,
        customer_no: str,
        amount: int | None,
        customer_name: str | None,
        tagihan: int,
        denda: int,
        admin: int,
        total: int,
        shop_fee: int,
        price: int | None,
        reply_json: str,
        at: datetime,
    ) -> None:
        stamp = _stamp(at)
        with self._write() as db:
            db.execute(
                "INSERT INTO transactions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    ref_id,
                    product,
                    customer_no,
                    amount,
                    customer_name,
                    tagihan,
                    denda,
                    admin,
                    total,
                    shop_fee,
                    price,
                    stamp,
                    reply_json,
                ),
            )
            db.execute(
                "INSERT INTO events (ref_id, at, state, reason, reply, command)"
                " VALUES (?,?,?,?,?,?)",
                (ref_id, stamp, PaymentState.INQUIRED.value, "inquiry", reply_json, "inquiry"),
            )
            db.execute(
                "INSERT INTO tx_state (ref_id, state, rc, sn, updated_at, created_at, product,"
                " customer_no) VALUES (?,?,?,?,?,?,?,?)",
                (
                    ref_id,
                    PaymentState.INQUIRED.value,
                    "00",
                    None,
                    stamp,
                    stamp,
                    product,
                    customer_no,
                ),
            )

    def transition(
        self,
        ref_id: str,
        state: PaymentState,
        *,
        at: datetime,
        reason: str,
        rc: str | None = None,
        message: str | None = None,
        sn: str | None = None,
        balance: Decimal | None = None,
        reply_json: str | None = None,
        command: str | None = None,
        record: bool = False,
        charged_total: int | None = None,
        charged_price: int | None = None,
        actor: str | None = None,
        manual: bool = False,
        correction: bool = False,
    ) -> None:
        """Append an event; illegal moves raise :class:`IllegalTransition`.

        ``manual`` is a person's decision (``actor`` and ``reason`` required): it may
        move any unresolved state to a final one, REVIEW included.
        """
        stamp = _stamp(at)
        with self._write() as db:
            row = db.execute(
                "SELECT state, sn, charged_total, charged_price FROM tx_state WHERE ref_id = ?",
                (ref_id,),
            ).fetchone()
            if row is None:
                raise KeyError(ref_id)
            old = PaymentState(row[0])
            if manual:
                legal = old.unresolved and state.final and bool(actor) and bool(reason.strip())
            else:
                legal = state in ALLOWED[old] or (correction and old.final and state.final)
            if not legal or (correction and not reason):
                raise IllegalTransition(ref_id, old, state)
            db.execute(
                "INSERT INTO events (ref_id, at, state, rc, message, sn, balance, reason, reply,"
                " command, actor, record, charged_total, charged_price)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    ref_id,
                    stamp,
                    state.value,
                    rc,
                    message,
                    sn,
                    None if balance is None else str(balance),
                    reason,
                    reply_json,
                    "manual" if manual else command,
                    actor,
                    int(record),
                    charged_total,
                    charged_price,
                ),
            )
            db.execute(
                "INSERT OR REPLACE INTO tx_state (ref_id, state, rc, sn, updated_at, created_at,"
                " product, customer_no, charged_total, charged_price) SELECT ref_id, ?, ?, ?, ?,"
                " created_at, product, customer_no, ?, ? FROM transactions WHERE ref_id = ?",
                (
                    state.value,
                    rc,
                    sn or row[1],
                    stamp,
                    row[2] if charged_total is None else charged_total,
                    row[3] if charged_price is None else charged_price,
                    ref_id,
                ),
            )

    def mark_sending(self, ref_id: str, *, at: datetime) -> None:
        """Committed (and fsynced) before the pay request may leave."""
        self.transition(
            ref_id,
            PaymentState.SENDING,
            at=at,
            reason="pay request about to be sent",
            command="pay",
        )

    def record_balance(self, balance: Decimal, *, at: datetime) -> None:
        """A balance check's answer (Tutup Kasir's opening balance comes from these)."""
        with self._write() as db:
            db.execute(
                "INSERT INTO balance_checks (at, balance) VALUES (?, ?)", (_stamp(at), str(balance))
            )

    # -- the payment core's reads ----------------------------------------------------

    def get(self, ref_id: str) -> Entry | None:
        rows = self._read(ENTRY_SQL + " WHERE t.ref_id = ?", (ref_id,))
        return entry_from_row(rows[0]) if rows else None

    def events(self, ref_id: str) -> list[Event]:
        rows = self._read(
            "SELECT at, state, rc, message, sn, reason, command, actor FROM events"
            " WHERE ref_id = ? ORDER BY id",
            (ref_id,),
        )
        return [Event(datetime.fromisoformat(r[0]), PaymentState(r[1]), *r[2:]) for r in rows]

    def evidence(self, ref_id: str) -> Evidence:
        row = self._read(
            "SELECT MAX(record),"
            " MIN(CASE WHEN command = 'status' AND rc = '50' THEN at END),"
            " MAX(CASE WHEN command IN ('pay', 'status') THEN at END),"
            " SUM(CASE WHEN command = 'status' THEN 1 ELSE 0 END)"
            " FROM events WHERE ref_id = ?",
            (ref_id,),
        )[0]
        return Evidence(
            record_seen=bool(row[0]),
            first_not_found=datetime.fromisoformat(row[1]) if row[1] else None,
            last_call=datetime.fromisoformat(row[2]) if row[2] else None,
            status_calls=int(row[3] or 0),
        )

    def unresolved(self) -> list[Entry]:
        states = tuple(s.value for s in PaymentState if s.unresolved)
        sql = ENTRY_SQL + f" WHERE s.state IN ({','.join('?' * len(states))}) ORDER BY s.created_at"
        return [entry_from_row(r) for r in self._read(sql, states)]

    def unresolved_for(self, product: str, customer_no: str) -> Entry | None:
        for entry in self.unresolved():
            if (entry.product, entry.customer_no) == (product, customer_no):
                return entry
        return None

    def find(self, query: str, limit: int = 20) -> list[Entry]:
        """Paid transactions whose ref_id, customer number or SN is ``query``."""
        sql = (
            ENTRY_SQL + " WHERE (t.ref_id = ? OR t.customer_no = ? OR s.sn = ?)"
            " AND s.state != 'inquired' ORDER BY s.created_at DESC LIMIT ?"
        )
        return [entry_from_row(r) for r in self._read(sql, (query, query, query, limit))]

    # -- reports (read-only, on their own connection; here for views that hold a Journal)

    def count(self, flt: HistoryFilter) -> int:
        return self.reports.count(flt)

    def page(
        self,
        flt: HistoryFilter,
        offset: int,
        limit: int,
        *,
        after: HistoryRow | None = None,
        oldest_first: bool = False,
    ) -> list[HistoryRow]:
        return self.reports.page(flt, offset, limit, after=after, oldest_first=oldest_first)

    def export_csv(self, flt: HistoryFilter, path: Path) -> int:
        return self.reports.export_csv(flt, path)

    def daily_summary(self, day: date) -> DailySummary:
        return self.reports.daily_summary(day)

"""The transaction journal: SQLite, WAL, ``synchronous=FULL``, append-only.

A row committed here survives a crash or a power cut. The payment service
writes SENDING *before* a pay request leaves; whatever happens next is a new
event, never an edit. Safe to call from worker threads (one lock).
"""

from __future__ import annotations

import csv
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.i18n import Text
from kiosk.journal.schema import migrate
from kiosk.journal.states import ALLOWED, IllegalTransition, PaymentState


class JournalError(Exception):
    """The journal cannot be read or written (disk full, read-only, corrupt)."""

    message = Text(
        "Catatan transaksi tidak dapat disimpan (penyimpanan penuh atau rusak). "
        "Pembayaran tidak dikirim. Hubungi petugas toko.",
        "The transaction record cannot be saved (storage full or damaged). "
        "The payment was not sent. Please ask the shop staff.",
    )

    def user_message(self, lang: str) -> str:
        return self.message.en if lang == "en" else self.message.id


@dataclass(frozen=True, slots=True)
class Entry:
    ref_id: str
    product: str
    customer_no: str
    amount: int | None
    customer_name: str | None
    tagihan: int
    denda: int
    admin: int
    total: int
    shop_fee: int
    price: int | None
    created_at: datetime
    inquiry_reply: str
    state: PaymentState
    rc: str | None
    sn: str | None
    updated_at: datetime
    message: str | None
    last_reply: str | None


@dataclass(frozen=True, slots=True)
class Event:
    at: datetime
    state: PaymentState
    rc: str | None
    message: str | None
    sn: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    text: str = ""
    day_from: date | None = None
    day_to: date | None = None
    product: str | None = None
    state: PaymentState | None = None
    include_inquiries: bool = False


HISTORY_COLUMNS = ("s.created_at", "t.product", "t.customer_no", "t.customer_name",
                   "t.total + t.shop_fee", "s.state", "s.sn", "t.ref_id")  # fmt: skip
HistoryRow = tuple[str, str, str, str | None, int, str, str | None, str]

_ENTRY_SQL = """
SELECT t.ref_id, t.product, t.customer_no, t.amount, t.customer_name, t.tagihan, t.denda,
       t.admin, t.total, t.shop_fee, t.price, t.created_at, t.inquiry_reply,
       s.state, s.rc, s.sn, s.updated_at,
       (SELECT message FROM events e WHERE e.ref_id = t.ref_id ORDER BY id DESC LIMIT 1),
       (SELECT reply FROM events e WHERE e.ref_id = t.ref_id AND reply IS NOT NULL
        AND e.state != 'inquired'
        ORDER BY id DESC LIMIT 1)
FROM transactions t JOIN tx_state s ON s.ref_id = t.ref_id
"""


def _entry(row: tuple[Any, ...]) -> Entry:
    values = list(row)
    values[11] = datetime.fromisoformat(values[11])
    values[13] = PaymentState(values[13])
    values[16] = datetime.fromisoformat(values[16])
    return Entry(*values)


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA busy_timeout=5000")
            migrate(self._conn)
        except (sqlite3.Error, OSError) as exc:
            raise JournalError(f"cannot open the journal: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise JournalError(f"journal write failed: {exc}") from exc

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise JournalError(f"journal read failed: {exc}") from exc

    # -- writes ----------------------------------------------------------------------

    def record_inquiry(
        self, *, ref_id: str, product: str, customer_no: str, amount: int | None,
        customer_name: str | None, tagihan: int, denda: int, admin: int, total: int,
        shop_fee: int, price: int | None, reply_json: str, at: datetime,
    ) -> None:  # fmt: skip
        stamp = at.isoformat()
        with self._write() as db:
            db.execute(
                "INSERT INTO transactions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (ref_id, product, customer_no, amount, customer_name, tagihan, denda, admin,
                 total, shop_fee, price, stamp, reply_json),
            )  # fmt: skip
            db.execute(
                "INSERT INTO events (ref_id, at, state, reason, reply) VALUES (?,?,?,?,?)",
                (ref_id, stamp, PaymentState.INQUIRED.value, "inquiry", reply_json),
            )
            db.execute(
                "INSERT INTO tx_state VALUES (?,?,?,?,?,?,?,?)",
                (ref_id, PaymentState.INQUIRED.value, "00", None, stamp, stamp, product,
                 customer_no),
            )  # fmt: skip

    def transition(
        self, ref_id: str, state: PaymentState, *, at: datetime, reason: str,
        rc: str | None = None, message: str | None = None, sn: str | None = None,
        balance: Decimal | None = None, reply_json: str | None = None, correction: bool = False,
    ) -> None:  # fmt: skip
        """Append a state change; illegal moves raise :class:`IllegalTransition`."""
        stamp = at.isoformat()
        with self._write() as db:
            row = db.execute(
                "SELECT state, sn FROM tx_state WHERE ref_id = ?", (ref_id,)
            ).fetchone()
            if row is None:
                raise KeyError(ref_id)
            old = PaymentState(row[0])
            legal = state in ALLOWED[old] or (correction and old.final and state.final)
            if not legal or (correction and not reason):
                raise IllegalTransition(ref_id, old, state)
            db.execute(
                "INSERT INTO events (ref_id, at, state, rc, message, sn, balance, reason, reply)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (ref_id, stamp, state.value, rc, message, sn,
                 None if balance is None else str(balance), reason, reply_json),
            )  # fmt: skip
            db.execute(
                "INSERT OR REPLACE INTO tx_state (ref_id, state, rc, sn, updated_at, created_at,"
                " product, customer_no) SELECT ref_id, ?, ?, ?, ?, created_at, product,"
                " customer_no FROM transactions WHERE ref_id = ?",
                (state.value, rc, sn or row[1], stamp, ref_id),
            )

    def mark_sending(self, ref_id: str, *, at: datetime) -> None:
        """Committed (and fsynced) before the pay request may leave."""
        self.transition(ref_id, PaymentState.SENDING, at=at, reason="pay request about to be sent")

    # -- reads -----------------------------------------------------------------------

    def get(self, ref_id: str) -> Entry | None:
        rows = self._read(_ENTRY_SQL + " WHERE t.ref_id = ?", (ref_id,))
        return _entry(rows[0]) if rows else None

    def events(self, ref_id: str) -> list[Event]:
        rows = self._read(
            "SELECT at, state, rc, message, sn, reason FROM events WHERE ref_id = ? ORDER BY id",
            (ref_id,),
        )
        return [Event(datetime.fromisoformat(r[0]), PaymentState(r[1]), *r[2:]) for r in rows]

    def unresolved(self) -> list[Entry]:
        states = tuple(s.value for s in PaymentState if s.unresolved)
        sql = (
            _ENTRY_SQL + f" WHERE s.state IN ({','.join('?' * len(states))}) ORDER BY s.created_at"
        )
        return [_entry(r) for r in self._read(sql, states)]

    def unresolved_for(self, product: str, customer_no: str) -> Entry | None:
        for entry in self.unresolved():
            if (entry.product, entry.customer_no) == (product, customer_no):
                return entry
        return None

    def find(self, query: str, limit: int = 20) -> list[Entry]:
        """Paid transactions whose ref_id, customer number or SN is ``query``."""
        sql = (_ENTRY_SQL + " WHERE (t.ref_id = ? OR t.customer_no = ? OR s.sn = ?)"
               " AND s.state != 'inquired' ORDER BY s.created_at DESC LIMIT ?")  # fmt: skip
        return [_entry(r) for r in self._read(sql, (query, query, query, limit))]

    def _where(self, flt: HistoryFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if not flt.include_inquiries:
            clauses.append("s.state != 'inquired'")
        if flt.text:
            clauses.append("(t.ref_id LIKE ? OR t.customer_no LIKE ? OR s.sn LIKE ?)")
            params += [f"%{flt.text}%"] * 3
        if flt.day_from:
            clauses.append("s.created_at >= ?")
            params.append(flt.day_from.isoformat())
        if flt.day_to:
            clauses.append("s.created_at < ?")
            params.append(date.fromordinal(flt.day_to.toordinal() + 1).isoformat())
        if flt.product:
            clauses.append("s.product = ?")
            params.append(flt.product)
        if flt.state:
            clauses.append("s.state = ?")
            params.append(flt.state.value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count(self, flt: HistoryFilter) -> int:
        where, params = self._where(flt)
        sql = "SELECT COUNT(*) FROM tx_state s JOIN transactions t ON t.ref_id = s.ref_id" + where
        return int(self._read(sql, tuple(params))[0][0])

    def page(self, flt: HistoryFilter, offset: int, limit: int, *,
             after: HistoryRow | None = None, oldest_first: bool = False) -> list[HistoryRow]:  # fmt: skip
        """History rows, newest first: only the columns a table shows.

        Pass the last row already shown as ``after`` (keyset paging: constant time per
        page however deep the scroll); ``offset`` is for the first page or a jump.
        ``oldest_first`` walks the index from the other end, so a jump near the end
        is as cheap as one near the start.
        """
        where, params = self._where(flt)
        if after is not None:
            where += (" AND " if where else " WHERE ") + "(s.created_at, s.ref_id) < (?, ?)"
            params += [after[0], after[7]]
            offset = 0
        order = "ASC" if oldest_first else "DESC"
        sql = (f"SELECT {', '.join(HISTORY_COLUMNS)} FROM tx_state s JOIN transactions t"
               f" ON t.ref_id = s.ref_id{where} ORDER BY s.created_at {order}, s.ref_id {order}"
               " LIMIT ? OFFSET ?")  # fmt: skip
        return [tuple(r) for r in self._read(sql, (*params, limit, offset))]

    def export_csv(self, flt: HistoryFilter, path: Path) -> int:
        rows = self.page(flt, 0, 10**9)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["waktu", "produk", "nomor", "nama", "total", "status", "sn", "ref_id"])
            writer.writerows(rows)
        return len(rows)

    def balances_on(self, day: date) -> list[Decimal]:
        nxt = date.fromordinal(day.toordinal() + 1).isoformat()
        rows = self._read(
            "SELECT balance FROM events WHERE balance IS NOT NULL AND at >= ? AND at < ? ORDER BY id",
            (day.isoformat(), nxt),
        )
        return [Decimal(r[0]) for r in rows]

    def daily_summary(self, day: date) -> DailySummary:
        """Tutup kasir: the day's counts, money collected and the balance change."""
        nxt = date.fromordinal(day.toordinal() + 1).isoformat()
        rows = self._read(
            "SELECT s.state, COUNT(*), SUM(t.total + t.shop_fee), SUM(t.admin), SUM(t.shop_fee)"
            " FROM tx_state s JOIN transactions t ON t.ref_id = s.ref_id"
            " WHERE s.created_at >= ? AND s.created_at < ? AND s.state != 'inquired'"
            " GROUP BY s.state",
            (day.isoformat(), nxt),
        )
        by_state = {PaymentState(r[0]): r[1:] for r in rows}
        ok = by_state.get(PaymentState.SUCCESS, (0, 0, 0, 0))
        balances = self.balances_on(day)
        return DailySummary(
            day=day,
            transactions=sum(int(r[1]) for r in rows),
            successes=int(ok[0]),
            failures=int(by_state.get(PaymentState.FAILED, (0,))[0]),
            pendings=sum(int(v[0]) for s, v in by_state.items() if s.unresolved),
            collected=int(ok[1] or 0),
            admin_fees=int(ok[2] or 0),
            shop_fees=int(ok[3] or 0),
            balance_first=balances[0] if balances else None,
            balance_last=balances[-1] if balances else None,
        )


@dataclass(frozen=True, slots=True)
class DailySummary:
    day: date
    transactions: int
    successes: int
    failures: int
    pendings: int
    collected: int
    """What the shop collected for successful payments, shop fee included."""
    admin_fees: int
    shop_fees: int
    balance_first: Decimal | None
    balance_last: Decimal | None

    @property
    def balance_change(self) -> Decimal | None:
        if self.balance_first is None or self.balance_last is None:
            return None
        return self.balance_last - self.balance_first

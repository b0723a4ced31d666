"""The money rules for cash, journaled in SQLite (Qt-free, on a connection passed in).

* One cash session per ref_id: ``open → paying → paid | failed | pending``,
  ``pending → paid | failed``, ``open → cancelled``.
* A note counts as credit only once the acceptor stacked it **and** the row
  is committed here (:meth:`CashLedger.note_credited` returns after COMMIT);
  the screen shows :attr:`CashSession.credit`, read back from the file.
* A note whose fate a fault hid is journaled *uncertain*, with its value; so
  is a note that was in escrow when the app stopped (:meth:`recover`). It is
  settled at the next cash-box count (:mod:`kiosk.cash.cashbox`).
* Paid: a change voucher for any excess. Failed or cancelled: a refund
  voucher for the whole credit. Pending: no voucher yet; the money is held
  under the ref_id until the outcome is known.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import TypeVar

from kiosk.cash.cashbox import (
    CollectionReport,
    UncertainNote,
    box_count,
    cash_in,
    collect,
    uncertain_notes,
)
from kiosk.cash.voucher_code import normalise
from kiosk.cash.vouchers import (
    Voucher,
    VoucherSummary,
    issue_voucher,
    read_voucher,
    redeem_voucher,
    voucher_summary,
)
from kiosk.i18n import Text

_T = TypeVar("_T")


class SessionState(Enum):
    OPEN = "open"
    PAYING = "paying"
    PENDING = "pending"
    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"


NEXT: dict[SessionState, frozenset[SessionState]] = {
    SessionState.OPEN: frozenset({SessionState.PAYING, SessionState.CANCELLED}),
    SessionState.PAYING: frozenset({SessionState.PAID, SessionState.FAILED, SessionState.PENDING}),
    SessionState.PENDING: frozenset({SessionState.PAID, SessionState.FAILED}),
}
TERMINAL = frozenset({SessionState.PAID, SessionState.FAILED, SessionState.CANCELLED})


class CashError(Exception):
    """A cash rule refused the step; ``words`` say why."""

    def __init__(self, words: Text) -> None:
        super().__init__(words.en)
        self.words = words


@dataclass(frozen=True)
class CashSession:
    ref_id: str
    total: int
    state: SessionState
    notes: int  # Rupiah credited from stacked notes
    redeemed: int  # Rupiah credited from vouchers
    uncertain: tuple[int | None, ...]
    voucher: Voucher | None

    @property
    def credit(self) -> int:
        return self.notes + self.redeemed

    @property
    def due(self) -> int:
        return max(self.total - self.credit, 0)

    @property
    def excess(self) -> int:
        return max(self.credit - self.total, 0)


def utc_now() -> datetime:
    return datetime.now(UTC)


class CashLedger:
    """Cash sessions, notes and vouchers on ``conn`` (autocommit mode, WAL, FULL sync)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        lock: threading.Lock | None = None,
        clock: Callable[[], datetime] = utc_now,
        voucher_valid_for: timedelta = timedelta(days=30),
    ) -> None:
        self._conn = conn
        self._lock = lock or threading.Lock()
        self._clock = clock
        self.voucher_valid_for = voucher_valid_for

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        from kiosk.journal.transaction import write_transaction  # the journal's one way to write

        return write_transaction(self._conn, self._lock)

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="seconds")

    # -- sessions -----------------------------------------------------------------------------

    def open_session(self, ref_id: str, total: int) -> CashSession:
        """Start collecting ``total`` under ``ref_id``; opening it again resumes it."""
        if total <= 0:
            raise ValueError("a cash session needs a total above 0")
        with self._write() as conn:
            current = self._read(conn, ref_id)
            if current is None:
                conn.execute(
                    "INSERT INTO cash_sessions (ref_id, at, state, total) VALUES (?, ?, 'open', ?)",
                    (ref_id, self._now(), total),
                )
            elif current.state is not SessionState.OPEN or current.total != total:
                raise CashError(
                    Text(
                        f"Sesi uang tunai {ref_id} sudah {current.state.value}.",
                        f"The cash session {ref_id} is already {current.state.value}.",
                    )
                )
        return self._session(ref_id)

    def _move(self, ref_id: str, to: SessionState, detail: str = "") -> CashSession:
        with self._write() as conn:
            current = self._read(conn, ref_id)
            if current is None or to not in NEXT.get(current.state, frozenset()):
                was = current.state.value if current else "missing"
                raise CashError(
                    Text(
                        f"Sesi {ref_id}: {was} tidak bisa menjadi {to.value}.",
                        f"Session {ref_id}: {was} cannot become {to.value}.",
                    )
                )
            if to is SessionState.PAYING and current.due > 0:
                raise CashError(Text("Uang yang masuk belum cukup.", "Not enough money yet."))
            conn.execute(
                "INSERT INTO cash_sessions (ref_id, at, state, total, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                (ref_id, self._now(), to.value, current.total, detail),
            )
            amount, reason = 0, "change"
            if to is SessionState.PAID:
                amount = current.excess
            elif to in (SessionState.FAILED, SessionState.CANCELLED):
                amount, reason = current.credit, "refund"
            if amount > 0:
                issue_voucher(
                    conn,
                    amount=amount,
                    ref_id=ref_id,
                    reason=reason,
                    now=self._clock(),
                    valid_for=self.voucher_valid_for,
                )
        return self._session(ref_id)

    def start_paying(self, ref_id: str) -> CashSession:
        """Collecting is done (credit ≥ total); the pay request may go out now."""
        return self._move(ref_id, SessionState.PAYING)

    def paid(self, ref_id: str) -> CashSession:
        """Success: a change voucher for any excess."""
        return self._move(ref_id, SessionState.PAID)

    def failed(self, ref_id: str, why: str = "") -> CashSession:
        """Final failure: a refund voucher for the whole credit."""
        return self._move(ref_id, SessionState.FAILED, why)

    def pending(self, ref_id: str) -> CashSession:
        """The outcome is not known: the money stays held under the ref_id."""
        return self._move(ref_id, SessionState.PENDING)

    def cancel(self, ref_id: str, why: str = "") -> CashSession:
        """Cancel or idle timeout while collecting: stacked notes become a voucher."""
        return self._move(ref_id, SessionState.CANCELLED, why)

    # -- notes --------------------------------------------------------------------------------

    def _note(self, kind: str, ref_id: str | None, value: int | None, detail: str = "") -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO cash_notes (at, ref_id, kind, value, detail) VALUES (?, ?, ?, ?, ?)",
                (self._now(), ref_id, kind, value, detail),
            )

    def note_escrow(self, ref_id: str | None, value: int) -> None:
        """About to stack: if the app dies now, :meth:`recover` makes it uncertain."""
        self._note("escrow", ref_id, value)

    def note_credited(self, ref_id: str | None, value: int) -> int:
        """The acceptor stacked the note; returns the session's credit, once committed."""
        self._note("credited", ref_id, value)
        session = self._session(ref_id) if ref_id else None
        return session.credit if session else value

    def note_returned(self, ref_id: str | None, value: int) -> None:
        self._note("returned", ref_id, value)

    def note_uncertain(self, ref_id: str | None, value: int | None, cause: str) -> None:
        self._note("uncertain", ref_id, value, cause)

    def recover(self) -> list[tuple[str | None, int]]:
        """After a restart: a note left in escrow is journaled uncertain. Returns them."""
        rows = self._conn.execute(
            "SELECT ref_id, kind, value FROM cash_notes ORDER BY id"
        ).fetchall()
        waiting: dict[str | None, int] = {}
        for ref_id, kind, value in rows:
            if kind == "escrow":
                waiting[ref_id] = value
            else:
                waiting.pop(ref_id, None)
        for ref_id, value in waiting.items():
            self.note_uncertain(ref_id, value, "the app stopped while the note was in escrow")
        return list(waiting.items())

    # -- reading ------------------------------------------------------------------------------

    def session(self, ref_id: str) -> CashSession | None:
        with self._lock:
            return self._read(self._conn, ref_id)

    def _session(self, ref_id: str) -> CashSession:
        session = self.session(ref_id)
        assert session is not None
        return session

    def unfinished(self) -> list[CashSession]:
        """Sessions without a final outcome: resume them, or turn their credit into a voucher."""
        with self._lock:
            refs = [
                row[0]
                for row in self._conn.execute(
                    "SELECT ref_id FROM cash_sessions s WHERE id = "
                    "(SELECT MAX(id) FROM cash_sessions WHERE ref_id = s.ref_id) "
                    "AND state IN ('open', 'paying', 'pending') ORDER BY id"
                )
            ]
            sessions = [self._read(self._conn, ref) for ref in refs]
        return [s for s in sessions if s is not None]

    def _read(self, conn: sqlite3.Connection, ref_id: str) -> CashSession | None:
        row = conn.execute(
            "SELECT state, total FROM cash_sessions WHERE ref_id = ? ORDER BY id DESC LIMIT 1",
            (ref_id,),
        ).fetchone()
        if row is None:
            return None
        notes = conn.execute(
            "SELECT COALESCE(SUM(value), 0) FROM cash_notes WHERE ref_id = ? AND kind = 'credited'",
            (ref_id,),
        ).fetchone()[0]
        redeemed = conn.execute(
            "SELECT COALESCE(SUM(v.amount), 0) FROM voucher_redemptions r "
            "JOIN vouchers v ON v.code = r.code WHERE r.ref_id = ?",
            (ref_id,),
        ).fetchone()[0]
        uncertain = tuple(
            v
            for (v,) in conn.execute(
                "SELECT value FROM cash_notes WHERE ref_id = ? AND kind = 'uncertain' ORDER BY id",
                (ref_id,),
            )
        )
        code = conn.execute("SELECT code FROM vouchers WHERE ref_id = ?", (ref_id,)).fetchone()
        voucher = read_voucher(conn, code[0]) if code else None
        return CashSession(
            ref_id, int(row[1]), SessionState(row[0]), int(notes), int(redeemed), uncertain, voucher
        )

    # -- vouchers and the cash box ------------------------------------------------------------

    def redeem(self, typed: str, *, ref_id: str) -> CashSession:
        """A voucher typed or scanned at the kiosk becomes credit in an open session."""
        with self._write() as conn:
            session = self._read(conn, ref_id)
            if session is None or session.state is not SessionState.OPEN:
                raise CashError(
                    Text(
                        "Voucher hanya bisa dipakai saat membayar.",
                        "A voucher can only be used while paying.",
                    )
                )
            redeem_voucher(conn, typed, ref_id=ref_id, how="kiosk", now=self._clock())
        return self._session(ref_id)

    def pay_out(self, typed: str) -> Voucher:
        """The counter pays the voucher out in cash ("Tukar voucher")."""
        with self._write() as conn:
            return redeem_voucher(conn, typed, ref_id=None, how="counter", now=self._clock())

    def voucher(self, typed: str) -> Voucher | None:
        code = normalise(typed)
        with self._lock:
            return read_voucher(self._conn, code) if code else None

    def voucher_summary(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> VoucherSummary:
        with self._lock:
            return voucher_summary(self._conn, now=self._clock(), since=since, until=until)

    def box(self) -> Counter[int]:
        """Notes in the cash box by the journal: credited since the last collection."""
        with self._lock:
            return box_count(self._conn)

    def uncertain(self) -> tuple[UncertainNote, ...]:
        with self._lock:
            return uncertain_notes(self._conn)

    def collect(self, physical: Mapping[int, int] | None = None) -> CollectionReport:
        """ "Ambil uang": journal the collection report; the box count restarts."""
        with self._write() as conn:
            return collect(conn, now=self._clock(), physical=physical)

    def read(self, query: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run a read-only ``query`` under the ledger's lock (reports: Tutup Kasir)."""
        with self._lock:
            return query(self._conn)

    def cash_in(self, since: datetime, until: datetime) -> int:
        with self._lock:
            return cash_in(self._conn, since, until)

"""Read-only reports over the journal: history pages, CSV export, Tutup Kasir.

Reports open the file read-only (``mode=ro``), on their own connection, so a
history scroll can never write and never waits behind a payment's commit.
Days are WIB business days (:mod:`kiosk.business_day`); amounts are what was
charged (a pay reply's figures win over the inquiry's).
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.business_day import day_bounds
from kiosk.journal.states import PaymentState


class ReportError(Exception):
    """The journal cannot be read."""


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    text: str = ""
    day_from: date | None = None
    day_to: date | None = None
    product: str | None = None
    state: PaymentState | None = None
    include_inquiries: bool = False


PAID_TOTAL = "COALESCE(s.charged_total, t.total) + t.shop_fee"
HISTORY_COLUMNS = (
    "s.created_at",
    "t.product",
    "t.customer_no",
    "t.customer_name",
    PAID_TOTAL,
    "s.state",
    "s.sn",
    "t.ref_id",
)
HistoryRow = tuple[str, str, str, str | None, int, str, str | None, str]


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
    """The provider balance before the day's first payment (the opening balance)."""
    balance_last: Decimal | None

    @property
    def balance_change(self) -> Decimal | None:
        if self.balance_first is None or self.balance_last is None:
            return None
        return self.balance_last - self.balance_first


def where_clause(flt: HistoryFilter, *, numbers: str = "t") -> tuple[str, list[Any]]:
    """The SQL ``WHERE`` for ``flt`` over ``tx_state s``; ``numbers`` names the table whose
    ref_id and customer_no are searched (``t``: transactions; ``s``: tx_state's copies,
    so a count needs no join)."""
    clauses: list[str] = []
    params: list[Any] = []
    if not flt.include_inquiries:
        clauses.append("s.state != 'inquired'")
    if flt.text:
        clauses.append(f"({numbers}.ref_id LIKE ? OR {numbers}.customer_no LIKE ? OR s.sn LIKE ?)")
        params += [f"%{flt.text}%"] * 3
    if flt.day_from:
        clauses.append("s.created_at >= ?")
        params.append(flt.day_from.isoformat())
    if flt.day_to:
        clauses.append("s.created_at < ?")
        params.append((flt.day_to + timedelta(days=1)).isoformat())
    if flt.product:  # also its banks or wallets from the price list: kirimuang-bca, emoney_ovo
        clauses.append("(s.product = ? OR substr(s.product, 1, ?) IN (?, ?))")
        params += [flt.product, len(flt.product) + 1, f"{flt.product}-", f"{flt.product}_"]
    if flt.state:
        clauses.append("s.state = ?")
        params.append(flt.state.value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Reports:
    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        uri = path.resolve().as_uri() + "?mode=ro"
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise ReportError(f"journal read failed: {exc}") from exc

    def _where(self, flt: HistoryFilter) -> tuple[str, list[Any]]:
        return where_clause(flt)

    def count(self, flt: HistoryFilter) -> int:
        where, params = self._where(flt)
        sql = "SELECT COUNT(*) FROM tx_state s JOIN transactions t ON t.ref_id = s.ref_id" + where
        return int(self._read(sql, tuple(params))[0][0])

    def page(
        self,
        flt: HistoryFilter,
        offset: int,
        limit: int,
        *,
        after: HistoryRow | None = None,
        oldest_first: bool = False,
    ) -> list[HistoryRow]:
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
        sql = (
            f"SELECT {', '.join(HISTORY_COLUMNS)} FROM tx_state s JOIN transactions t"
            f" ON t.ref_id = s.ref_id{where} ORDER BY s.created_at {order}, s.ref_id {order}"
            " LIMIT ? OFFSET ?"
        )
        return [tuple(r) for r in self._read(sql, (*params, limit, offset))]

    def export_csv(self, flt: HistoryFilter, path: Path) -> int:
        import csv  # the shopkeeper's export only: not in every kiosk's memory

        rows = self.page(flt, 0, 10**9)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["waktu", "produk", "nomor", "nama", "total", "status", "sn", "ref_id"])
            writer.writerows(rows)
        return len(rows)

    def _balances(self, start: str, end: str) -> list[tuple[str, Decimal]]:
        rows = self._read(
            "SELECT at, balance FROM events WHERE balance IS NOT NULL AND at >= ? AND at < ?"
            " UNION ALL SELECT at, balance FROM balance_checks WHERE at >= ? AND at < ?"
            " ORDER BY at",
            (start, end, start, end),
        )
        return [(r[0], Decimal(r[1])) for r in rows]

    def opening_and_closing(self, day: date) -> tuple[Decimal | None, Decimal | None]:
        """The balance just before the day's first payment, and the day's last balance."""
        start, end = (b.isoformat() for b in day_bounds(day))
        first_pay = self._read(
            "SELECT MIN(at) FROM events WHERE state = 'sending' AND at >= ? AND at < ?",
            (start, end),
        )[0][0]
        before = first_pay or end
        opening = self._read(
            "SELECT balance FROM (SELECT at, balance FROM balance_checks WHERE at < ?"
            " UNION ALL SELECT at, balance FROM events WHERE balance IS NOT NULL AND at < ?)"
            " ORDER BY at DESC LIMIT 1",
            (before, before),
        )
        seen = self._balances(start, end)
        return (
            Decimal(opening[0][0]) if opening else (seen[0][1] if seen else None),
            seen[-1][1] if seen else None,
        )

    def balances_on(self, day: date) -> list[Decimal]:
        start, end = (b.isoformat() for b in day_bounds(day))
        return [balance for _, balance in self._balances(start, end)]

    def daily_summary(self, day: date) -> DailySummary:
        """Tutup kasir: the WIB day's counts, money collected and the balance change."""
        start, end = (b.isoformat() for b in day_bounds(day))
        rows = self._read(
            f"SELECT s.state, COUNT(*), SUM({PAID_TOTAL}), SUM(t.admin), SUM(t.shop_fee)"
            " FROM tx_state s JOIN transactions t ON t.ref_id = s.ref_id"
            " WHERE s.created_at >= ? AND s.created_at < ? AND s.state != 'inquired'"
            " GROUP BY s.state",
            (start, end),
        )
        by_state = {PaymentState(r[0]): r[1:] for r in rows}
        ok = by_state.get(PaymentState.SUCCESS, (0, 0, 0, 0))
        opening, closing = self.opening_and_closing(day)
        return DailySummary(
            day=day,
            transactions=sum(int(r[1]) for r in rows),
            successes=int(ok[0]),
            failures=int(by_state.get(PaymentState.FAILED, (0,))[0]),
            pendings=sum(int(v[0]) for s, v in by_state.items() if s.unresolved),
            collected=int(ok[1] or 0),
            admin_fees=int(ok[2] or 0),
            shop_fees=int(ok[3] or 0),
            balance_first=opening,
            balance_last=closing,
        )

"""Read-only report queries for the history table, beside the journal's own.

* :func:`count_rows` counts what a filter keeps from ``tx_state`` alone: every
  column the history filters on is there (``Journal.count`` also joins
  ``transactions`` row by row, about twice the time at 100,000 rows).
* :func:`history_totals` sums the Total column of those rows (and of the successful
  ones) on its own read-only connection, so a worker thread can run it without
  holding the journal's lock while the table reads its pages.

Money is whole Rupiah (``int``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kiosk.journal.ledger import Journal
from kiosk.journal.reports import PAID_TOTAL, HistoryFilter, where_clause
from kiosk.journal.states import PaymentState
from kiosk.journal.transaction import JournalError


@dataclass(frozen=True, slots=True)
class HistoryTotals:
    rows: int
    total: int
    """The Total column (bill + admin + shop fee) of every filtered row, whatever its state."""
    successes: int
    success_total: int
    """The same over the successful rows only: the money actually collected."""


def state_where(flt: HistoryFilter) -> tuple[str, list[Any]]:
    """The history filter on ``tx_state s`` alone (``s.ref_id`` and ``s.customer_no``
    are copies of the transaction's; tests/core/test_history_totals.py keeps them equal)."""
    return where_clause(flt, numbers="s")


def count_rows(journal: Journal, flt: HistoryFilter) -> int:
    if not (flt.text or flt.product or flt.state or flt.include_inquiries):
        # The usual view (a date range, no inquiries): every row in the range, counted
        # in the created_at index alone, less the few inquiries never paid (found
        # through the state index). Checking each row's state costs 4x as much.
        dates = replace(flt, include_inquiries=True)
        where, params = state_where(dates)
        in_range = journal.reports._read("SELECT COUNT(*) FROM tx_state s" + where, tuple(params))
        where, params = state_where(replace(dates, state=PaymentState.INQUIRED))
        inquiries = journal.reports._read("SELECT COUNT(*) FROM tx_state s" + where, tuple(params))
        return int(in_range[0][0]) - int(inquiries[0][0])
    where, params = state_where(flt)
    return int(
        journal.reports._read("SELECT COUNT(*) FROM tx_state s" + where, tuple(params))[0][0]
    )


def history_totals(path: Path, flt: HistoryFilter) -> HistoryTotals:
    """Count and sums over the filtered rows, read on a private read-only connection."""
    where, params = state_where(flt)
    sql = (
        f"SELECT COUNT(*), COALESCE(SUM({PAID_TOTAL}), 0),"
        " COALESCE(SUM(s.state = 'success'), 0),"
        f" COALESCE(SUM(CASE WHEN s.state = 'success' THEN {PAID_TOTAL} END), 0)"
        " FROM tx_state s JOIN transactions t ON t.ref_id = s.ref_id" + where
    )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows, total, successes, success_total = conn.execute(sql, params).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise JournalError(f"journal read failed: {exc}") from exc
    return HistoryTotals(int(rows), int(total), int(successes), int(success_total))

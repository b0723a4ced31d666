"""The append-only SQLite transaction journal (no Qt): the ledger writes, reports read.

Re-exports are lazy (PEP 562): ``kiosk.journal.states`` is needed by the
first frame, ``sqlite3`` and the store are not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.journal.ledger import Journal
    from kiosk.journal.records import Entry, Event, Evidence
    from kiosk.journal.reports import DailySummary, HistoryFilter, HistoryRow, Reports
    from kiosk.journal.states import ALLOWED, IllegalTransition, PaymentState
    from kiosk.journal.transaction import JournalError

__all__ = [
    "ALLOWED",
    "DailySummary",
    "Entry",
    "Event",
    "Evidence",
    "HistoryFilter",
    "HistoryRow",
    "IllegalTransition",
    "Journal",
    "JournalError",
    "PaymentState",
    "Reports",
]
_STATES = {"ALLOWED", "IllegalTransition", "PaymentState"}
_REPORTS = {"DailySummary", "HistoryFilter", "HistoryRow", "Reports"}
_RECORDS = {"Entry", "Event", "Evidence"}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'kiosk.journal' has no attribute {name!r}")
    if name in _STATES:
        module = "kiosk.journal.states"
    elif name in _REPORTS:
        module = "kiosk.journal.reports"
    elif name in _RECORDS:
        module = "kiosk.journal.records"
    elif name == "JournalError":
        module = "kiosk.journal.transaction"
    else:
        module = "kiosk.journal.ledger"
    return getattr(importlib.import_module(module), name)

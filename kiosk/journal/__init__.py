"""The append-only SQLite transaction journal (no Qt)."""

from __future__ import annotations

from kiosk.journal.states import ALLOWED, IllegalTransition, PaymentState
from kiosk.journal.store import (
    DailySummary,
    Entry,
    Event,
    HistoryFilter,
    HistoryRow,
    Journal,
    JournalError,
)

__all__ = [
    "ALLOWED",
    "DailySummary",
    "Entry",
    "Event",
    "HistoryFilter",
    "HistoryRow",
    "IllegalTransition",
    "Journal",
    "JournalError",
    "PaymentState",
]

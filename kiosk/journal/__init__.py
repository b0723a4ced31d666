"""The append-only SQLite transaction journal (no Qt).

Re-exports are lazy (PEP 562): ``kiosk.journal.states`` is needed by the
first frame, ``sqlite3`` and the store are not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    "ALLOWED", "DailySummary", "Entry", "Event", "HistoryFilter", "HistoryRow",
    "IllegalTransition", "Journal", "JournalError", "PaymentState",
]  # fmt: skip
_STATES = {"ALLOWED", "IllegalTransition", "PaymentState"}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'kiosk.journal' has no attribute {name!r}")
    module = "kiosk.journal.states" if name in _STATES else "kiosk.journal.store"
    return getattr(importlib.import_module(module), name)

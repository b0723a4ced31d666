"""A journal file opened the way the app opens it, with the cash tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.cash.schema import migrate_cash


def open_journal(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    migrate_cash(conn)
    return conn

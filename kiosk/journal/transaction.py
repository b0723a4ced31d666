"""The journal file's one way to write: an immediate transaction under the file's lock,
rolled back on any error, SQLite's errors said as :class:`JournalError` (the payments'
journal and the cash ledger share it)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.i18n import Text


class JournalError(Exception):
    """The journal cannot be read or written (disk full, read-only, corrupt)."""

    message = Text(
        "Catatan transaksi tidak dapat disimpan (penyimpanan penuh atau rusak). "
        "Hubungi petugas toko.",
        "The transaction record cannot be saved (storage full or damaged). "
        "Please ask the shop staff.",
    )

    def user_message(self, lang: str) -> str:
        return self.message.en if lang == "en" else self.message.id


@contextmanager
def write_transaction(
    conn: sqlite3.Connection, lock: threading.RLock | threading.Lock
) -> Iterator[sqlite3.Connection]:
    """One immediate transaction on the journal file's connection, under its lock: the
    payments' journal and the cash ledger share both. Rolled back on any error (a failed
    COMMIT too, so the shared connection is never left inside a transaction); a SQLite
    error comes out as :class:`JournalError`."""
    with lock:
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise JournalError(f"journal write failed: {exc}") from exc

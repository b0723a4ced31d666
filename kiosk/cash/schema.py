"""The cash tables and their forward migrations, kept apart from the journal's own.

Every table is append-only: triggers abort any UPDATE or DELETE, so what the
cash box took, what was credited, and every voucher stay an audit trail. A
state is the latest row, never an edited one.

The migrations record themselves in ``cash_schema`` (one row per step), not in
``PRAGMA user_version``, which the journal owns; folded into the journal's
list later, they keep working as they are.
"""

from __future__ import annotations

import sqlite3

_TABLES = (
    "cash_schema",
    "cash_notes",
    "cash_sessions",
    "vouchers",
    "voucher_redemptions",
    "cash_collections",
)


def _append_only(table: str) -> str:
    return (
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'cash rows are never edited'); END; "
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'cash rows are never deleted'); END;"
    )


CASH_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE cash_schema (version INTEGER PRIMARY KEY, at TEXT NOT NULL);
    -- one row per fact about a note; value NULL only for an uncertain note of unknown value
    CREATE TABLE cash_notes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        ref_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('escrow', 'credited', 'returned', 'uncertain')),
        value INTEGER CHECK (value IS NULL OR value > 0),
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX cash_notes_ref ON cash_notes(ref_id, id);
    CREATE TABLE cash_sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ref_id TEXT NOT NULL,
        at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN
            ('open', 'paying', 'pending', 'paid', 'failed', 'cancelled')),
        total INTEGER NOT NULL CHECK (total > 0),
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX cash_sessions_ref ON cash_sessions(ref_id, id);
    CREATE TABLE vouchers (
        code TEXT PRIMARY KEY,
        amount INTEGER NOT NULL CHECK (amount > 0),
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        ref_id TEXT,
        reason TEXT NOT NULL CHECK (reason IN ('change', 'refund'))
    );
    -- a session gives at most one voucher: a retry cannot pay out twice
    CREATE UNIQUE INDEX vouchers_one_per_session ON vouchers(ref_id) WHERE ref_id IS NOT NULL;
    -- the primary key makes a voucher single use
    CREATE TABLE voucher_redemptions (
        code TEXT PRIMARY KEY REFERENCES vouchers(code),
        at TEXT NOT NULL,
        ref_id TEXT,
        how TEXT NOT NULL CHECK (how IN ('kiosk', 'counter'))
    );
    CREATE TABLE cash_collections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        upto_note INTEGER NOT NULL,
        counted TEXT NOT NULL,
        total INTEGER NOT NULL,
        uncertain TEXT NOT NULL,
        physical TEXT
    );
    """
    + "".join(_append_only(table) for table in _TABLES),
)
CASH_SCHEMA_VERSION = len(CASH_MIGRATIONS)


def cash_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cash_schema'"
    ).fetchone()
    if exists is None:
        return 0
    row = conn.execute("SELECT MAX(version) FROM cash_schema").fetchone()
    return int(row[0] or 0)


def migrate_cash(conn: sqlite3.Connection) -> int:
    """Bring the cash tables forward; refuse a file from a newer app.

    ``conn`` is in autocommit mode (``isolation_level=None``), as the journal's."""
    version = cash_version(conn)
    if version > CASH_SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"cash schema {version} is newer than this app ({CASH_SCHEMA_VERSION})"
        )
    for number in range(version, CASH_SCHEMA_VERSION):
        step = CASH_MIGRATIONS[number]
        done = f"INSERT INTO cash_schema VALUES ({number + 1}, datetime('now'))"  # noqa: S608
        conn.executescript(f"BEGIN IMMEDIATE; {step}; {done}; COMMIT;")
    return CASH_SCHEMA_VERSION

"""The journal's schema and its forward migrations (``PRAGMA user_version``).

``transactions`` holds the facts fixed at inquiry; ``events`` every state
change with its reason and the reply. Both are append-only: triggers abort
any UPDATE or DELETE, so the journal is an audit trail. ``tx_state`` is a
derived index of the latest event per transaction, kept in the same SQL
transaction as each event, for fast history filters.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE transactions (
        ref_id TEXT PRIMARY KEY,
        product TEXT NOT NULL,
        customer_no TEXT NOT NULL,
        amount INTEGER,
        customer_name TEXT,
        tagihan INTEGER NOT NULL,
        denda INTEGER NOT NULL,
        admin INTEGER NOT NULL,
        total INTEGER NOT NULL,
        shop_fee INTEGER NOT NULL,
        price INTEGER,
        created_at TEXT NOT NULL,
        inquiry_reply TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ref_id TEXT NOT NULL REFERENCES transactions(ref_id),
        at TEXT NOT NULL,
        state TEXT NOT NULL,
        rc TEXT,
        message TEXT,
        sn TEXT,
        balance TEXT,
        reason TEXT NOT NULL,
        reply TEXT
    );
    CREATE INDEX events_ref ON events(ref_id, id);
    CREATE TABLE tx_state (
        ref_id TEXT PRIMARY KEY REFERENCES transactions(ref_id),
        state TEXT NOT NULL,
        rc TEXT,
        sn TEXT,
        updated_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        product TEXT NOT NULL,
        customer_no TEXT NOT NULL
    );
    CREATE INDEX tx_state_created ON tx_state(created_at);
    CREATE INDEX tx_state_state ON tx_state(state);
    CREATE INDEX tx_state_customer ON tx_state(customer_no);
    CREATE INDEX tx_state_sn ON tx_state(sn);
    CREATE TRIGGER transactions_no_update BEFORE UPDATE ON transactions
        BEGIN SELECT RAISE(ABORT, 'journal rows are never edited'); END;
    CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions
        BEGIN SELECT RAISE(ABORT, 'journal rows are never deleted'); END;
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'journal rows are never edited'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'journal rows are never deleted'); END;
    """,
    # v2: keyset paging for the history (newest first) instead of OFFSET scans.
    """
    CREATE INDEX tx_state_created_ref ON tx_state(created_at DESC, ref_id DESC);
    """,
    # v3: the money core's evidence. Each event says which call it came from (inquiry,
    # pay, status, manual, journal), who decided a manual resolution, whether the reply
    # showed a provider record, and the figures a pay reply charged. Balance checks are
    # kept so Tutup Kasir knows the opening balance.
    """
    ALTER TABLE events ADD COLUMN command TEXT;
    ALTER TABLE events ADD COLUMN actor TEXT;
    ALTER TABLE events ADD COLUMN record INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN charged_total INTEGER;
    ALTER TABLE events ADD COLUMN charged_price INTEGER;
    ALTER TABLE tx_state ADD COLUMN charged_total INTEGER;
    ALTER TABLE tx_state ADD COLUMN charged_price INTEGER;
    CREATE INDEX events_command ON events(ref_id, command, at);
    CREATE TABLE balance_checks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        balance TEXT NOT NULL
    );
    CREATE INDEX balance_checks_at ON balance_checks(at);
    CREATE TRIGGER balance_checks_no_update BEFORE UPDATE ON balance_checks
        BEGIN SELECT RAISE(ABORT, 'journal rows are never edited'); END;
    CREATE TRIGGER balance_checks_no_delete BEFORE DELETE ON balance_checks
        BEGIN SELECT RAISE(ABORT, 'journal rows are never deleted'); END;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file forward to :data:`SCHEMA_VERSION`; refuse a newer file."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"journal schema {version} is newer than this app ({SCHEMA_VERSION})"
        )
    for number in range(version, SCHEMA_VERSION):
        conn.executescript(
            f"BEGIN IMMEDIATE; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;"
        )
    return SCHEMA_VERSION

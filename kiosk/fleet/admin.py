"""The owner's writes: create/upgrade the database, add a kiosk, acknowledge an alert."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from kiosk.fleet.dsn import connect_options, is_local, kiosk_role, parse
from kiosk.fleet.schema import KIOSK_GROUP, migrate

if TYPE_CHECKING:
    import psycopg

KIOSK_CONNECTION_LIMIT = 4
"""Connections one kiosk role may hold (it uses two): a runaway kiosk cannot starve the rest."""
_KEEP = ("sslmode", "sslrootcert", "sslcrl", "target_session_attrs", "connect_timeout")


def connect_owner(dsn: str) -> psycopg.Connection[tuple[object, ...]]:
    """The owner's connection; the password comes from libpq (``~/.pgpass``, ``PGPASSWORD``)."""
    import psycopg

    options = connect_options(dsn)
    return psycopg.connect(autocommit=True, **options)  # type: ignore[arg-type]


def init(conn: psycopg.Connection[tuple[object, ...]]) -> tuple[int, int]:
    """Create or upgrade the schema, roles, grants and policies (idempotent)."""
    return migrate(conn)


def add_kiosk(conn: psycopg.Connection[tuple[object, ...]], kiosk_id: str, name: str = "") -> str:
    """Create (or re-key) the kiosk's role with a new random password; returns the password.

    Only the SCRAM verifier, computed here, reaches the server: the password is
    never in a statement the server could log.
    """
    from psycopg import sql

    role = kiosk_role(kiosk_id)
    password = secrets.token_urlsafe(24)
    verifier = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            sql.SQL(verb + " ROLE {} LOGIN INHERIT CONNECTION LIMIT {} PASSWORD {}").format(
                sql.Identifier(role),
                sql.Literal(KIOSK_CONNECTION_LIMIT),
                sql.Literal(verifier.decode()),
            )
        )
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(KIOSK_GROUP), sql.Identifier(role))
        )
        conn.execute(
            "INSERT INTO fleet.kiosks (kiosk_id, role_name, name) VALUES (%s, %s, %s)"
            " ON CONFLICT (kiosk_id) DO UPDATE SET name ="
            " coalesce(nullif(EXCLUDED.name, ''), fleet.kiosks.name)",
            (kiosk_id, role, name),
        )
    return password


def kiosk_dsn(owner_dsn: str, kiosk_id: str, host: str | None = None) -> str:
    """The DSN the kiosk should use: the owner's database as the kiosk's role, no password.

    ``host`` (``HOST`` or ``HOST:PORT``) replaces the owner's host, e.g. when the
    owner connects over a unix socket and kiosks over the network.
    """
    options = parse(owner_dsn)
    if host:
        name, _, port = host.rpartition(":") if host.count(":") == 1 else (host, "", "")
        options["host"], options["port"] = (name, port) if port else (host, options.get("port", ""))
        if not options["port"]:
            del options["port"]
    query = {k: v for k, v in options.items() if k in _KEEP}
    if not is_local(options):
        query["sslmode"] = "verify-full"
    address = options.get("host", "")
    netloc = quote(kiosk_role(kiosk_id)) + "@"
    if address.startswith("/"):
        query = {"host": address, **query}
        if options.get("port"):
            query["port"] = options["port"]
    else:
        netloc += address + (f":{options['port']}" if options.get("port") else "")
    tail = f"?{urlencode(query)}" if query else ""
    return f"postgresql://{netloc}/{quote(options.get('dbname', ''))}{tail}"


def acknowledge(conn: psycopg.Connection[tuple[object, ...]], alert_id: int, by: str) -> bool:
    """Mark one open alert as seen; False when there is no such open alert."""
    cur = conn.execute(
        "UPDATE fleet.alerts SET acknowledged_at = now(), acknowledged_by = %s"
        " WHERE id = %s AND resolved_at IS NULL AND acknowledged_at IS NULL",
        (by, alert_id),
    )
    return cur.rowcount == 1


def prune_heartbeats(conn: psycopg.Connection[tuple[object, ...]], keep_days: int) -> int:
    """Delete heartbeat history older than ``keep_days`` (the latest beat of each kiosk stays)."""
    cur = conn.execute(
        "DELETE FROM fleet.heartbeats WHERE sent_at < now() - make_interval(days => %s)",
        (keep_days,),
    )
    return cur.rowcount

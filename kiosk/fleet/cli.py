"""``python -m kiosk fleet ...``: the owner's commands.

* ``init --dsn DSN`` — create or upgrade the schema, roles, grants and row-level
  security (idempotent; run it again after every upgrade of Loket).
* ``add-kiosk KIOSK_ID --dsn DSN [--name N] [--kiosk-host HOST[:PORT]]`` —
  create the kiosk's role with a new random password (again: a new password)
  and print the commands to run on that kiosk.
* ``status --dsn DSN [--json] [--lang id|en]`` — one row per kiosk, then the
  open alerts; exit 1 when an alert is open and not acknowledged.
* ``ack ALERT_ID --dsn DSN`` — acknowledge an alert.
* ``prune [--keep-days 90] --dsn DSN`` — delete heartbeat history older than that
  (a beat a minute is ~1,440 rows per kiosk per day; the journal rows are kept).
* no command (``[--dsn DSN] [--lang id|en]``) — the owner window (Qt).

The DSN may come from env ``LOKET_FLEET_DSN``; it never holds a password
(libpq reads ``~/.pgpass`` or ``PGPASSWORD``). Exit codes: 0 done, 1 failed or
an alert open, 2 usage error.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

OK, FAILED, USAGE = 0, 1, 2
DSN_ENV = "LOKET_FLEET_DSN"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk fleet",
        description="Loket fleet: many kiosks, one PostgreSQL. "
        "Without a command: the owner window.",
    )
    parser.add_argument(
        "--dsn",
        dest="window_dsn",
        metavar="DSN",
        help=f"the fleet database, without a password (env {DSN_ENV})",
    )
    parser.add_argument(
        "--lang",
        dest="window_lang",
        choices=("id", "en"),
        default="id",
        help="the owner window's language",
    )
    sub = parser.add_subparsers(dest="command")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dsn", help=f"the fleet database, without a password (env {DSN_ENV})")
    sub.add_parser("init", parents=[common], help="create or upgrade the fleet database")
    add = sub.add_parser("add-kiosk", parents=[common], help="create a kiosk's role")
    add.add_argument("kiosk_id")
    add.add_argument("--name", default="", help="a readable name, e.g. the warung's")
    add.add_argument("--kiosk-host", help="HOST[:PORT] the kiosk connects to (default: the DSN's)")
    status = sub.add_parser("status", parents=[common], help="the fleet at a glance")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.add_argument("--lang", choices=("id", "en"), default="en")
    ack = sub.add_parser("ack", parents=[common], help="acknowledge an alert")
    ack.add_argument("alert_id", type=int)
    prune = sub.add_parser("prune", parents=[common], help="delete old heartbeat history")
    prune.add_argument("--keep-days", type=int, default=90, help="days of history kept (90)")
    return parser


def _fail(message: str) -> int:
    print(f"FAILED: {message}")
    return FAILED


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return OK if exc.code in (0, None) else USAGE
    dsn = getattr(args, "dsn", None) or args.window_dsn or os.environ.get(DSN_ENV, "")
    if args.command is None:
        from kiosk.ui.fleet_app import run_owner_window

        return int(run_owner_window(dsn, args.window_lang))
    if not dsn:
        print(f"error: give --dsn DSN (or set {DSN_ENV})", file=sys.stderr)
        return USAGE
    try:
        import psycopg
    except ImportError:
        return _fail("psycopg is missing: pip install 'loket-kiosk[fleet]'")
    from kiosk.fleet import admin
    from kiosk.fleet.dsn import DsnError

    try:
        with admin.connect_owner(dsn) as conn:
            return _run(args, dsn, conn)
    except DsnError as exc:
        print(f"error: {exc.text.en}", file=sys.stderr)
        return USAGE
    except psycopg.Error as exc:
        return _fail(f"{type(exc).__name__}: {str(exc).strip()}")


def _run(args: argparse.Namespace, dsn: str, conn: psycopg.Connection[tuple[object, ...]]) -> int:
    from kiosk.fleet import admin, status
    from kiosk.fleet.dsn import DsnError

    if args.command == "init":
        before, after = admin.init(conn)
        state = "up to date" if before == after else f"upgraded from version {before}"
        print(f"OK: fleet schema version {after} ({state}); roles, grants and policies applied.")
        return OK
    if args.command == "add-kiosk":
        try:
            kiosk_dsn = admin.kiosk_dsn(dsn, args.kiosk_id, args.kiosk_host)
        except DsnError as exc:
            print(f"error: {exc.text.en}", file=sys.stderr)
            return USAGE
        password = admin.add_kiosk(conn, args.kiosk_id, args.name)
        print(
            f"OK: kiosk {args.kiosk_id!r} can connect as its own role.\n\n"
            "On that kiosk, run:\n"
            f"  python -m kiosk config set kiosk_id {args.kiosk_id}\n"
            f"  python -m kiosk config set fleet_dsn '{kiosk_dsn}'\n"
            "  python -m kiosk config set-fleet-password\n\n"
            "and type this password at its prompt (shown once, stored nowhere here):\n"
            f"  {password}"
        )
        return OK
    if args.command == "status":
        kiosks, alerts = status.fetch(conn)
        text = (
            status.to_json(kiosks, alerts)
            if args.json
            else status.render(kiosks, alerts, lang=args.lang)
        )
        print(text)
        return FAILED if status.needs_attention(alerts) else OK
    if args.command == "prune":
        gone = admin.prune_heartbeats(conn, max(1, args.keep_days))
        print(f"OK: {gone} heartbeat(s) older than {max(1, args.keep_days)} days deleted.")
        return OK
    done = admin.acknowledge(conn, args.alert_id, getpass.getuser())
    if not done:
        return _fail(f"no open, unacknowledged alert #{args.alert_id}")
    print(f"OK: alert #{args.alert_id} acknowledged.")
    return OK

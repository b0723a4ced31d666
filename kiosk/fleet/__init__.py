"""Fleet: many kiosks, one owner, one PostgreSQL database (extra ``[fleet]``, psycopg 3).

Kiosk side: :func:`start_fleet_agent` starts the journal replicator and the
heartbeat (``kiosk.fleet.agent``). Owner side: ``python -m kiosk fleet
{init,add-kiosk,status,ack}`` (``kiosk.fleet.cli``) and the database's views
(``kiosk.fleet.schema``). No Qt here; psycopg is imported only when used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.fleet.agent import FleetAgent
    from kiosk.fleet.heartbeat import Heartbeat
    from kiosk.fleet.link import LinkStatus
    from kiosk.settings import Settings

log = logging.getLogger("kiosk.fleet")


def start_fleet_agent(
    settings: Settings,
    journal_path: Path,
    snapshot: Callable[[], Heartbeat],
    on_status: Callable[[LinkStatus], None] | None = None,
) -> FleetAgent | None:
    """Start shipping the journal and heartbeats, or None when the fleet is not set up.

    Not set up: ``kiosk_id`` or ``fleet_dsn`` empty, or psycopg not installed
    (logged). Everything else that can go wrong (bad DSN, no password, wrong
    password, database down) is the agent's ``status``, in words, never an
    exception. Call ``agent.stop()`` before closing the journal.
    """
    if not settings.kiosk_id or not settings.fleet_dsn:
        return None
    try:
        import psycopg  # noqa: F401  # the optional extra
    except ImportError:
        log.warning("fleet is set but psycopg is missing: pip install 'loket-kiosk[fleet]'")
        return None
    from kiosk.fleet.agent import FleetAgent
    from kiosk.fleet.alerts import Thresholds
    from kiosk.fleet.dsn import KIOSK_ID_RE, DsnError, describe
    from kiosk.fleet.link import connector, keychain_password

    try:
        target = f"{settings.kiosk_id}:{describe(settings.fleet_dsn)}"
    except DsnError:
        target = settings.kiosk_id  # the agent reports the bad DSN as its status
    if not KIOSK_ID_RE.match(settings.kiosk_id):
        log.warning("kiosk_id %r is not a valid fleet ID; fleet not started", settings.kiosk_id)
        return None
    agent = FleetAgent(
        journal_path=journal_path,
        kiosk_id=settings.kiosk_id,
        target=target,
        connect=connector(
            settings.fleet_dsn, keychain_password(settings.kiosk_id), settings.kiosk_id
        ),
        snapshot=snapshot,
        thresholds=Thresholds(
            deposit_below=settings.low_balance_warning,
            unresolved_after_min=settings.unresolved_alert_min,
        ),
        on_status=on_status,
    )
    return agent.start()

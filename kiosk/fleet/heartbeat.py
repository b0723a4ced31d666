"""The heartbeat: the kiosk's state every minute, and urgent alerts at once.

The app supplies a callable returning a :class:`Heartbeat` with what only it
knows (deposit, provider reachable, printer and paper, acceptor and cash box,
the last configuration rc). The sender fills the journal figures itself (last
transaction, unresolved payments, today's totals) from its own read of the
journal, and adds the app version and uptime. Every ``check_s`` seconds it
takes a snapshot and works out the alerts; a heartbeat goes out every
``interval_s`` seconds, or at once when the set of alerts changed. Each
heartbeat re-states the open alerts and resolves the ones that ended, so the
server heals after an outage.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.fleet.alerts import Alert, Thresholds, alerts_for
from kiosk.fleet.link import Connect, LinkStatus, LinkWorker
from kiosk.fleet.sources import JournalReader

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger("kiosk.fleet")


@dataclass(frozen=True, slots=True)
class Heartbeat:
    app_version: str = ""
    uptime_s: int = 0
    deposit: Decimal | None = None
    """The provider balance (saldo), as last seen."""
    online: bool | None = None
    """Whether the provider answers."""
    printer: str | None = None
    """``ok`` | ``fault`` | ``none`` (no thermal printer set)."""
    paper: str | None = None
    """``ok`` | ``low`` | ``out``."""
    acceptor: str | None = None
    """``ok`` | ``fault`` (None until cash acceptance lands)."""
    cash_box_notes: int | None = None
    cash_box_capacity: int | None = None
    config_rc: str | None = None
    """The last rc 41/42/45 the provider gave (wrong key, username, IP); None once a call works."""
    last_tx_at: datetime | None = None
    unresolved_count: int = 0
    oldest_unresolved_at: datetime | None = None
    today_count: int = 0
    today_amount: int = 0
    extra: dict[str, object] = field(default_factory=dict)
    """Anything else worth keeping (goes into the payload JSON)."""

    @property
    def cash_box(self) -> str | None:
        if self.cash_box_notes is None:
            return None
        return f"{self.cash_box_notes}/{self.cash_box_capacity or '?'}"


_BEAT = """
INSERT INTO fleet.{table} (kiosk_id, sent_at, app_version, uptime_s, deposit, online, printer,
    paper, acceptor, cash_box, last_tx_at, unresolved_count, oldest_unresolved_at, today_count,
    today_amount, payload)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)
"""
_LATEST_UPDATE = """
ON CONFLICT (kiosk_id) DO UPDATE SET sent_at = EXCLUDED.sent_at, received_at = now(),
    app_version = EXCLUDED.app_version, uptime_s = EXCLUDED.uptime_s,
    deposit = EXCLUDED.deposit, online = EXCLUDED.online, printer = EXCLUDED.printer,
    paper = EXCLUDED.paper, acceptor = EXCLUDED.acceptor, cash_box = EXCLUDED.cash_box,
    last_tx_at = EXCLUDED.last_tx_at, unresolved_count = EXCLUDED.unresolved_count,
    oldest_unresolved_at = EXCLUDED.oldest_unresolved_at, today_count = EXCLUDED.today_count,
    today_amount = EXCLUDED.today_amount, payload = EXCLUDED.payload
WHERE fleet.heartbeat_latest.sent_at <= EXCLUDED.sent_at
"""
_RAISE = """
INSERT INTO fleet.alerts (kiosk_id, kind, subject, message_id, message_en, details)
VALUES (%s, %s, %s, %s, %s, %s::jsonb)
ON CONFLICT (kiosk_id, kind, subject) WHERE resolved_at IS NULL DO UPDATE SET
    message_id = EXCLUDED.message_id, message_en = EXCLUDED.message_en,
    details = EXCLUDED.details, last_seen_at = now()
"""
_RESOLVE = """
UPDATE fleet.alerts SET resolved_at = now()
WHERE kiosk_id = %s AND resolved_at IS NULL AND NOT (kind || '/' || subject = ANY(%s))
"""


def beat_params(kiosk_id: str, beat: Heartbeat, sent_at: datetime) -> tuple[object, ...]:
    payload = json.dumps(asdict(beat), default=str, ensure_ascii=False)
    return (
        kiosk_id,
        sent_at,
        beat.app_version,
        beat.uptime_s,
        beat.deposit,
        beat.online,
        beat.printer,
        beat.paper,
        beat.acceptor,
        beat.cash_box,
        beat.last_tx_at,
        beat.unresolved_count,
        beat.oldest_unresolved_at,
        beat.today_count,
        beat.today_amount,
        payload,
    )


def send(
    conn: psycopg.Connection[tuple[object, ...]],
    kiosk_id: str,
    beat: Heartbeat,
    alerts: list[Alert],
    sent_at: datetime,
) -> None:
    """One heartbeat and the full set of open alerts, in one transaction."""
    params = beat_params(kiosk_id, beat, sent_at)
    with conn.transaction():
        conn.execute(_BEAT.format(table="heartbeats") + " ON CONFLICT DO NOTHING", params)
        conn.execute(_BEAT.format(table="heartbeat_latest") + _LATEST_UPDATE, params)
        for alert in alerts:
            conn.execute(
                _RAISE,
                (
                    kiosk_id,
                    alert.kind,
                    alert.subject,
                    alert.text.id,
                    alert.text.en,
                    json.dumps(alert.details, default=str),
                ),
            )
        conn.execute(_RESOLVE, (kiosk_id, [a.key for a in alerts]))


class HeartbeatSender(LinkWorker):
    """Sends :class:`Heartbeat` snapshots and alerts; its own thread and connection."""

    def __init__(
        self,
        *,
        journal_path: Path,
        kiosk_id: str,
        target: str,
        connect: Connect,
        snapshot: Callable[[], Heartbeat],
        thresholds: Thresholds | None = None,
        interval_s: float = 60.0,
        check_s: float = 5.0,
        on_status: Callable[[LinkStatus], None] | None = None,
    ) -> None:
        super().__init__(f"fleet-heartbeat-{kiosk_id}", connect, on_status)
        self.journal_path, self.kiosk_id, self.target = journal_path, kiosk_id, target
        self.snapshot, self.thresholds = snapshot, thresholds or Thresholds()
        self.interval_s, self.check_s = interval_s, check_s
        self.sent = 0
        self.last_alerts: list[Alert] = []
        self._born = time.monotonic()
        self._next_beat = 0.0
        self._sent_keys: frozenset[str] | None = None
        self._reader: JournalReader | None = None

    def current(self) -> Heartbeat:
        """The snapshot with the journal figures, version and uptime filled in."""
        from kiosk import __version__

        try:
            beat = self.snapshot()
        except Exception:  # the app's snapshot failed: still report what the journal says
            log.exception("heartbeat snapshot failed")
            beat = Heartbeat()
        if self._reader is None:
            self._reader = JournalReader(self.journal_path, self.target)
        figures = self._reader.figures()  # today: the WIB business day
        return replace(
            beat,
            app_version=beat.app_version or __version__,
            uptime_s=beat.uptime_s or int(time.monotonic() - self._born),
            **asdict(figures),
        )

    def work(self, conn: psycopg.Connection[tuple[object, ...]]) -> float:
        beat = self.current()
        now = datetime.now().astimezone()
        alerts = alerts_for(beat, self.thresholds, now)
        keys = frozenset(a.key for a in alerts)
        if time.monotonic() >= self._next_beat or keys != self._sent_keys:
            send(conn, self.kiosk_id, beat, alerts, now)
            self.sent += 1
            self.last_alerts = alerts
            self._sent_keys = keys
            self._next_beat = time.monotonic() + self.interval_s
        return max(0.0, min(self.check_s, self._next_beat - time.monotonic()))

    def _fail(self, exc: Exception) -> None:
        self._sent_keys = None  # after an outage: send everything again at once
        super()._fail(exc)

    def run(self) -> None:
        try:
            super().run()
        finally:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

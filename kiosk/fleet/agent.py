"""The kiosk's fleet agent: the replicator and the heartbeat, started and stopped together.

Built by :func:`kiosk.fleet.start_fleet_agent`. Two daemon threads, each with
its own PostgreSQL connection and its own SQLite connection to the journal, so
a backlog being shipped never delays an urgent alert, and neither ever waits
on (or makes wait) a payment.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.fleet.alerts import Thresholds
from kiosk.fleet.heartbeat import Heartbeat, HeartbeatSender
from kiosk.fleet.link import Connect, LinkState, LinkStatus
from kiosk.fleet.replicator import Replicator

_WORST_FIRST = (
    LinkState.CONFIG,
    LinkState.AUTH_FAILED,
    LinkState.NO_PASSWORD,
    LinkState.REFUSED,
    LinkState.OFFLINE,
    LinkState.STARTING,
    LinkState.OK,
)


class FleetAgent:
    """``start()``, ``stop()``, ``notify()``; ``status`` is the worse of the two links.

    ``on_status(LinkStatus)`` is called from a worker thread whenever the
    combined status changes (a Qt listener must re-post it to the GUI thread).
    """

    def __init__(
        self,
        *,
        journal_path: Path,
        kiosk_id: str,
        target: str,
        connect: Connect,
        snapshot: Callable[[], Heartbeat],
        thresholds: Thresholds | None = None,
        on_status: Callable[[LinkStatus], None] | None = None,
        poll_s: float = 2.0,
        interval_s: float = 60.0,
        check_s: float = 5.0,
    ) -> None:
        self.kiosk_id = kiosk_id
        self._on_status = on_status
        self._lock = threading.Lock()
        self._last: LinkStatus | None = None
        self.replicator = Replicator(
            journal_path=journal_path,
            kiosk_id=kiosk_id,
            target=target,
            connect=connect,
            poll_s=poll_s,
            on_status=self._changed,
        )
        self.heartbeat = HeartbeatSender(
            journal_path=journal_path,
            kiosk_id=kiosk_id,
            target=target,
            connect=connect,
            snapshot=snapshot,
            thresholds=thresholds,
            interval_s=interval_s,
            check_s=check_s,
            on_status=self._changed,
        )

    @property
    def status(self) -> LinkStatus:
        one, two = self.replicator.status, self.heartbeat.status
        worse = one if _WORST_FIRST.index(one.state) <= _WORST_FIRST.index(two.state) else two
        if worse is two and one.backlog is not None:  # keep the replicator's backlog
            return LinkStatus(two.state, two.text, two.since, one.backlog)
        return worse

    def _changed(self, _status: LinkStatus) -> None:
        status = self.status
        with self._lock:
            if self._last == status:
                return
            self._last = status
        if self._on_status is not None:
            self._on_status(status)

    def start(self) -> FleetAgent:
        self.replicator.start()
        self.heartbeat.start()
        return self

    def notify(self) -> None:
        """Something changed (a payment, the printer): ship and check now, not at the next tick."""
        self.replicator.wake()
        self.heartbeat.wake()

    def stop(self, timeout: float = 5.0) -> None:
        self.replicator.stop(timeout)
        self.heartbeat.stop(timeout)

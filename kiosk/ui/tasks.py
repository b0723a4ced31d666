"""The one worker pattern: run a function off the GUI thread, answer on it.

``TaskRunner.submit`` runs ``fn()`` in a ``QThreadPool`` and delivers its
result (or exception) to ``on_done`` / ``on_error`` on the GUI thread through
a queued signal. Two lanes: NETWORK runs calls in parallel; SERIAL has one
thread, so payments and journal writes never overlap. Worker code never
touches widgets; timeouts live in the HTTP client, not here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("kiosk.ui.tasks")


class Lane(Enum):
    NETWORK = "network"
    SERIAL = "serial"


class _Relay(QObject):
    """Lives on the GUI thread; its signals cross threads as queued calls."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """Signals: ``busy_changed(bool)`` when the first task starts or the last ends."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {Lane.NETWORK: QThreadPool(self), Lane.SERIAL: QThreadPool(self)}
        self._pools[Lane.NETWORK].setMaxThreadCount(4)
        self._pools[Lane.SERIAL].setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    @property
    def in_flight(self) -> int:
        return len(self._relays)

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        lane: Lane = Lane.NETWORK,
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)

        @Slot(object)
        def finish_ok(result: Any) -> None:
            self._finish(relay)
            on_done(result)

        @Slot(object)
        def finish_err(exc: BaseException) -> None:
            self._finish(relay)
            if not isinstance(exc, Exception):
                log.error("worker ended with %s", type(exc).__name__)
            on_error(exc)

        relay.done.connect(finish_ok)
        relay.failed.connect(finish_err)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)
        self._pools[lane].start(_Task(fn, relay))

    def _finish(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self._relays:
            self.busy_changed.emit(False)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """For shutdown and the self-test only: never call from a slot."""
        ok = all(pool.waitForDone(msecs) for pool in self._pools.values())
        return ok

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

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger("kiosk.ui.tasks")


class Lane(Enum):
    NETWORK = "network"
    SERIAL = "serial"


class _Relay(QObject):
    """Lives on the GUI thread; its signals cross threads as queued calls."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(runner)
        self._runner, self._on_done, self._on_error = runner, on_done, on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self._runner._finish(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_failed(self, exc: BaseException) -> None:
        self._runner._finish(self)
        if not isinstance(exc, Exception):
            log.error("worker ended with %s", type(exc).__name__)
        self._on_error(exc)


def _run(fn: Callable[[], Any], relay: _Relay) -> None:
    """Worker side: call ``fn`` and post its outcome; never touches a widget."""
    try:
        result = fn()
    except BaseException as exc:  # delivered to the GUI thread, never lost
        relay.failed.emit(exc)
    else:
        relay.done.emit(result)


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
        relay = _Relay(self, on_done, on_error)
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)
        # A plain callable, not a QRunnable subclass: the pool owns no Python wrapper.
        self._pools[lane].start(lambda: _run(fn, relay))

    def _finish(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self._relays:
            self.busy_changed.emit(False)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """For shutdown and the self-test only: never call from a slot."""
        ok = all(pool.waitForDone(msecs) for pool in self._pools.values())
        return ok

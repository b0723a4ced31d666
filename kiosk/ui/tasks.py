"""The one worker pattern: run a function off the GUI thread, answer on it.

``TaskRunner.submit`` runs ``fn()`` in a ``QThreadPool`` and delivers its
result (or exception) to ``on_done`` / ``on_error`` on the GUI thread through
a queued signal. Two lanes: NETWORK runs calls in parallel; SERIAL has one
thread, so payments and journal writes never overlap. Worker code never
touches widgets; timeouts live in the HTTP client, not here.

Lifetimes: the worker holds only a plain ``_Task`` and the runner's one relay,
which lives as long as the runner. Everything a task refers to (``fn`` and what
it closes over, the callbacks and the widgets they are bound to, the result or
the exception and its frames) is held by the GUI thread until it is delivered
and is freed there: a Qt object's Python wrapper dropped last by a worker would
be freed in that thread, and a wrapper kept alive by a worker outlives its widget.
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


class _Task:
    """One submit. The runner keeps it until delivery; the worker only sets ``outcome``."""

    __slots__ = ("fn", "on_done", "on_error", "outcome")
    outcome: tuple[bool, Any]  # (True, result) or (False, exception)

    def __init__(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.fn, self.on_done, self.on_error = fn, on_done, on_error


class _Relay(QObject):
    """Lives on the GUI thread as long as its runner; ``finished`` crosses as a queued call."""

    finished = Signal(object)


def _run(task: _Task, relay: _Relay) -> None:
    """Worker side: call ``fn`` and post its outcome; never touches a widget.

    The outcome goes into the task, not into a local, and ``exc`` is gone by the end of
    the ``except``: after the emit the worker holds nothing the GUI thread has not got."""
    try:
        task.outcome = (True, task.fn())
    except BaseException as exc:  # delivered to the GUI thread, never lost
        task.outcome = (False, exc)
    relay.finished.emit(task)


class TaskRunner(QObject):
    """Signals: ``busy_changed(bool)`` when the first task starts or the last ends.

    Destroy it only when idle (``wait_idle``): its relay goes with it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {Lane.NETWORK: QThreadPool(self), Lane.SERIAL: QThreadPool(self)}
        self._pools[Lane.NETWORK].setMaxThreadCount(4)
        self._pools[Lane.SERIAL].setMaxThreadCount(1)
        # One relay for all tasks, never deleted on its own: a worker may still hold it
        # after its answer has been delivered.
        self._relay = _Relay(self)
        # Queued: emitted in a worker thread, received by this runner on the GUI thread.
        # (Not spelled out as Qt.ConnectionType: the Qt namespace costs the first frame.)
        self._relay.finished.connect(self._deliver)
        self._tasks: set[_Task] = set()

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        lane: Lane = Lane.NETWORK,
    ) -> None:
        task = _Task(fn, on_done, on_error)
        self._tasks.add(task)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        relay = self._relay
        # A plain callable, not a QRunnable subclass: the pool owns no Python wrapper.
        self._pools[lane].start(lambda: _run(task, relay))

    @Slot(object)
    def _deliver(self, task: _Task) -> None:
        """GUI side. Everything is taken out of the task here: the worker's callable may
        drop the task last, and then it frees an empty one."""
        self._tasks.discard(task)
        on_done, on_error, (ok, value) = task.on_done, task.on_error, task.outcome
        del task.fn, task.on_done, task.on_error, task.outcome
        if not self._tasks:
            self.busy_changed.emit(False)
        if ok:
            on_done(value)
            return
        if not isinstance(value, Exception):
            log.error("worker ended with %s", type(value).__name__)
        on_error(value)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """For shutdown and the self-test only: never call from a slot."""
        ok = all(pool.waitForDone(msecs) for pool in self._pools.values())
        return ok

"""The GUI side of the status resolver: one background tick, explicit re-checks.

Every status call goes through :class:`kiosk.payment.StatusResolver` in the
worker; the resolver decides whether a call may go out (spacing, a pay in
flight). This object only asks it, on a timer and on request, and announces
each answer on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kiosk.payment import CheckAnswer, StatusResolver

log = logging.getLogger("kiosk.ui")


def tick_ms(interval_s: float) -> int:
    """How often the background asks the resolver what is due: half an interval,
    between 0.1 s and 15 s (the resolver itself keeps the provider's spacing)."""
    return int(min(15_000, max(100, interval_s * 500)))


class StatusWatch(QObject):
    """Signals: ``answered(CheckAnswer)`` for every answer, asked or not."""

    answered = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.resolver: StatusResolver | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.run_due)
        self._running = False

    def start(self, resolver: StatusResolver) -> None:
        """Reconcile what a previous run left, then keep checking in the background."""
        self.resolver = resolver
        self.run_due()
        self._timer.start(tick_ms(resolver.service.interval.total_seconds()))

    def keep_watching(self, resolver: StatusResolver) -> None:
        """Make sure the background tick runs (an unresolved payment is on screen)."""
        self.resolver = resolver
        if not self._timer.isActive():
            self._timer.start(tick_ms(resolver.service.interval.total_seconds()))

    def stop(self) -> None:
        self._timer.stop()

    def run_due(self) -> None:
        resolver = self.resolver
        if resolver is None or self._running:
            return  # one background round at a time
        self._running = True
        self.runner.submit(
            resolver.run_due, on_done=self._on_round_done, on_error=self._on_round_error
        )

    def _on_round_done(self, answers: list[CheckAnswer]) -> None:
        self._running = False
        for answer in answers:
            self.answered.emit(answer)

    def _on_round_error(self, exc: BaseException) -> None:
        self._running = False
        log.warning("status round failed: %s", type(exc).__name__)

    def check(self, ref_id: str) -> None:
        """An explicit re-check: asked now if the spacing allows, else told when."""
        resolver = self.resolver
        if resolver is None:
            return
        self.runner.submit(
            lambda: resolver.check(ref_id, explicit=True),
            on_done=self.answered.emit,
            on_error=self._on_check_error,
        )

    def _on_check_error(self, exc: BaseException) -> None:
        log.warning("status check failed: %s", type(exc).__name__)

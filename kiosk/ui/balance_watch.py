"""The provider deposit: checked every minute and on request, off the GUI thread.

A check that fails because of the key or the account (rc 41/42/45) blocks new
payments in words on the home screen; the next good check lifts that block.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.api.errors import ApiRefusal, KeyUnavailableError, NotSentError
from kiosk.ui.screens.home import BalanceInfo

if TYPE_CHECKING:
    from decimal import Decimal

    from kiosk.composition import Core
    from kiosk.i18n import Text
    from kiosk.settings import Settings
    from kiosk.ui.navigation import Navigation
    from kiosk.ui.tasks import TaskRunner

log = logging.getLogger("kiosk.ui")

BALANCE_EVERY_MS = 60_000
ACCOUNT_RCS = ("41", "42", "45")
"""Refusals of a balance check that mean the account or its set-up, not the network."""


class BalanceWatch(QObject):
    """Signals (GUI thread): ``balance_changed(BalanceInfo)``, ``balance_checked()``
    (after every check, good or not)."""

    balance_changed = Signal(object)
    balance_checked = Signal()

    def __init__(
        self, nav: Navigation, runner: TaskRunner, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.nav, self.runner, self.settings = nav, runner, settings
        self.core: Core | None = None
        self.deposit: Decimal | None = None
        """The last provider deposit a check saw (kept while offline)."""
        self._blocked_by: str | None = None
        """What set the navigation's block when the provider or keychain did ("key", "config")."""
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)

    def attach(self, core: Core) -> None:
        self.core = core

    def start(self) -> None:
        self.refresh()
        self._timer.start(BALANCE_EVERY_MS)

    def stop(self) -> None:
        self._timer.stop()

    def block(self, reason: Text) -> None:
        """The provider refuses the account's set-up (an operator alert): no new
        payments until a balance check succeeds."""
        self._blocked_by = "config"
        self.nav.set_blocked(reason)

    def mark_offline(self) -> None:
        """A request was not sent: the provider is unreachable (the deposit is kept)."""
        self._set(None, online=False)

    def refresh(self) -> None:
        core = self.core
        if core is None:
            return

        def work() -> Decimal:
            from kiosk.business_day import now

            balance: Decimal = core.client.balance()
            try:
                core.journal.record_balance(balance, at=now())
            except Exception as exc:  # the opening balance is a nicety; the check is not
                log.warning("balance not journaled: %s", type(exc).__name__)
            return balance

        self.runner.submit(work, on_done=self._on_check_done, on_error=self._on_check_error)

    def _on_check_done(self, balance: Decimal) -> None:
        if self.nav.blocked is not None and self._blocked_by is not None:
            self._blocked_by = None
            self.nav.set_blocked(None)  # the keychain and the account work again
        self._set(balance, online=True)
        self.balance_checked.emit()

    def _on_check_error(self, exc: BaseException) -> None:
        if isinstance(exc, KeyUnavailableError):
            # Not "offline": the key cannot be read (no backend, locked, deleted). Say so
            # in words on the home screen and refuse payments until the check succeeds.
            self._blocked_by = "key"
            self.nav.set_blocked(exc.message)
        elif isinstance(exc, ApiRefusal) and exc.rc in ACCOUNT_RCS:
            self.block(exc.info.message)
        else:
            self._set(None, online=not isinstance(exc, NotSentError))
        self.balance_checked.emit()

    def _set(self, balance: Decimal | None, *, online: bool) -> None:
        if balance is not None:
            self.deposit = balance
        low = balance is not None and balance < self.settings.low_balance_warning
        self.balance_changed.emit(BalanceInfo(online=online, balance=balance, low=low))

"""Builds the fleet heartbeat from what the kiosk window already knows.

Listens to the controller (balance and provider reachability, the reason new
payments are refused, inquiry errors) and keeps the latest
:class:`~kiosk.fleet.heartbeat.Heartbeat` as one immutable value: the
heartbeat thread calls the snapshot at any time and reads it without a lock
(one attribute read). A finished payment or a changed state wakes the agent,
so urgent alerts leave at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from kiosk.fleet.alerts import CONFIG_RCS
from kiosk.fleet.heartbeat import Heartbeat
from kiosk.i18n import Text
from kiosk.rc import lookup
from kiosk.receipt.escpos import NO_PAPER, NOT_CONFIGURED, OFFLINE

if TYPE_CHECKING:
    from kiosk.fleet.agent import FleetAgent
    from kiosk.settings import Settings
    from kiosk.ui.controller import KioskController


class FleetSnapshot(QObject):
    """``snapshot()`` for :func:`kiosk.fleet.start_fleet_agent`; set ``agent`` once started."""

    def __init__(self, controller: KioskController, settings: Settings) -> None:
        super().__init__(controller)
        nav, flow = controller.nav, controller.payment
        self.agent: FleetAgent | None = None
        self._beat = Heartbeat(
            printer="ok" if settings.thermal_printer else "none",
            paper="ok" if settings.thermal_printer else None,
        )
        self._config_texts = {lookup(rc).message: rc for rc in CONFIG_RCS}
        controller.balance.balance_changed.connect(self._on_balance_changed)
        nav.blocked_changed.connect(self._on_blocked_changed)
        flow.inquiry_failed.connect(self._on_inquiry_failed)
        flow.payment_finished.connect(self._poke)
        flow.status_updated.connect(self._poke)

    def snapshot(self) -> Heartbeat:
        return self._beat

    def _set(self, **changes: Any) -> None:
        new = replace(self._beat, **changes)
        if new != self._beat:
            self._beat = new
            self._poke()

    def _poke(self, *_: object) -> None:
        if self.agent is not None:
            self.agent.notify()

    def _on_balance_changed(self, info: Any) -> None:
        changes: dict[str, Any] = {"online": bool(info.online)}
        if info.balance is not None:
            changes.update(deposit=info.balance, config_rc=None)  # a call worked
        self._set(**changes)

    def _on_blocked_changed(self, reason: Text | None) -> None:
        rc = self._config_texts.get(reason) if reason is not None else None
        if rc is not None:  # a balance check refused with rc 41/42/45 blocks payments
            self._set(config_rc=rc)
            return
        if self._beat.printer == "none":
            return
        if reason is None:
            self._set(printer="ok", paper="ok")
        elif reason == NO_PAPER:
            self._set(printer="ok", paper="out")
        elif reason in (OFFLINE, NOT_CONFIGURED):
            self._set(printer="fault")
        # anything else (a locked keychain) is not the printer's state

    def _on_inquiry_failed(self, text: Text) -> None:
        rc = self._config_texts.get(text)
        if rc is not None:
            self._set(config_rc=rc)

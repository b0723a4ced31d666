"""The heartbeat the kiosk window would send, built from its controller's signals."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kiosk.api.errors import ApiRefusal
from kiosk.fleet.alerts import Thresholds, alerts_for
from kiosk.rc import lookup
from kiosk.receipt.escpos import NO_PAPER, OFFLINE
from kiosk.settings import Settings
from kiosk.ui.controller import KioskController
from kiosk.ui.error_words import explain
from kiosk.ui.fleet_snapshot import FleetSnapshot
from kiosk.ui.screens.home import BalanceInfo
from kiosk.ui.tasks import TaskRunner


def new_controller(settings: Settings, runner: TaskRunner) -> KioskController:
    """A controller with no payment parts."""
    return KioskController(core=None, settings=settings, runner=runner)


class Woken:
    """Stands in for the running agent: counts how often it was told to look now."""

    def __init__(self) -> None:
        self.times = 0

    def notify(self) -> None:
        self.times += 1


def test_the_snapshot_follows_the_kiosk_and_wakes_the_agent(qtbot) -> None:
    settings = Settings(thermal_printer="network:127.0.0.1:9100")
    runner = TaskRunner()
    controller = new_controller(settings, runner)
    fleet = FleetSnapshot(controller, settings)
    woken = Woken()
    fleet.agent = woken  # type: ignore[assignment]
    assert fleet.snapshot().printer == "ok" and fleet.snapshot().deposit is None

    controller.balance.balance_changed.emit(
        BalanceInfo(online=True, balance=Decimal(40_000), low=True)
    )
    controller.nav.set_blocked(NO_PAPER)
    beat = fleet.snapshot()
    assert (beat.online, beat.deposit, beat.paper) == (True, Decimal(40_000), "out")
    assert [a.kind for a in alerts_for(beat, Thresholds(), _now())] == ["deposit_low", "paper_out"]
    assert woken.times == 2

    controller.nav.set_blocked(OFFLINE)
    assert fleet.snapshot().printer == "fault"
    controller.payment.inquiry_failed.emit(explain(ApiRefusal(lookup("42"), "inquiry")))
    assert fleet.snapshot().config_rc == "42"
    controller.nav.set_blocked(None)
    controller.balance.balance_changed.emit(
        BalanceInfo(online=True, balance=Decimal(900_000), low=False)
    )
    beat = fleet.snapshot()
    assert (beat.printer, beat.paper, beat.config_rc) == ("ok", "ok", None)
    assert alerts_for(beat, Thresholds(), _now()) == []
    controller.nav.set_blocked(lookup("45").message)  # a balance check refused: wrong IP
    assert fleet.snapshot().config_rc == "45" and fleet.snapshot().printer == "ok"


def _now() -> datetime:
    return datetime.now().astimezone()

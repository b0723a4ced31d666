"""Saving Settings while a payment is in flight leaves that payment alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk import keychain
from kiosk.journal import PaymentState
from kiosk.settings import Settings
from kiosk.sim import Simulator
from kiosk.ui.desks import SettingsDesk
from kiosk.ui.setup_view import SetupResult
from tests.ui.conftest import make_kiosk
from tests.ui.test_flow import fill_and_inquire, open_form


def test_settings_saved_during_a_slow_pay_apply_after_it(qtbot, tmp_path: Path) -> None:
    with Simulator(port=0, slow_seconds=1.0) as slow, Simulator(port=0) as other:
        k = make_kiosk(qtbot, slow, tmp_path, read=3.0)
        core = k.controller.core
        service, journal, old_client = core.service, core.journal, core.client
        desk = SettingsDesk(k.window, core.settings, tmp_path / "settings.json",
                            k.controller.apply_settings)  # fmt: skip
        open_form(qtbot, k, "pdam")
        fill_and_inquire(qtbot, k, "990000091")  # pay is made, its reply comes after 1 s
        ref = k.controller.payment.bill.ref_id
        with qtbot.waitSignal(k.controller.payment.payment_started, timeout=3000):
            qtbot.mouseClick(k.window.confirm.pay, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: slow.pay_count(ref) == 1, timeout=3000)  # in flight now
        new = Settings(shop_name="Toko Baru", api_username="demo", endpoint=other.url,
                       testing=True, status_poll_min_s=0.2)  # fmt: skip
        with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=8000) as paid:
            desk._on_view_saved(SetupResult(new, key="demo-key"))
        assert paid.args[0].state is PaymentState.SUCCESS  # the old client finished it
        qtbot.waitUntil(lambda: core.client is not old_client, timeout=5000)
        assert core.service is service and core.journal is journal  # no second service
        assert core.client.base_url == other.url and core.settings.shop_name == "Toko Baru"
        assert keychain.get_key("demo") == "demo-key"
        assert journal.get(ref).state is PaymentState.SUCCESS  # type: ignore[union-attr]
        assert [e.state for e in journal.events(ref)] == [
            PaymentState.INQUIRED, PaymentState.SENDING, PaymentState.SUCCESS]  # fmt: skip
        assert slow.requests("status-pasca") == [] and slow.payments() == {ref: 1}
        k.controller.shutdown()
        k.runner.wait_idle(10_000)

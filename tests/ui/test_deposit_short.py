"""A deposit too low for the bill is said on the confirm screen, before Bayar: the
shopkeeper reads the deposit, the public reads no amount, and nothing is paid."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.sim import Simulator
from tests.ui.conftest import make_kiosk
from tests.ui.test_flow import fill_and_inquire, open_form


@pytest.fixture
def poor_sim() -> object:
    with Simulator(port=0, balance=100_000) as server:  # less than a PLN bill of ~Rp 260.000
        yield server


@pytest.mark.parametrize("kiosk_mode", [False, True], ids=["desktop", "kiosk"])
def test_a_short_deposit_disables_bayar_with_words(
    qtbot, poor_sim: Simulator, tmp_path: Path, kiosk_mode: bool, screenshots_dir: Path
) -> None:
    k = make_kiosk(qtbot, poor_sim, tmp_path)
    k.window.set_kiosk_mode(kiosk_mode)
    with qtbot.waitSignal(k.controller.balance.balance_changed, timeout=5000):
        k.controller.balance.refresh()
    open_form(qtbot, k, "pln")
    fill_and_inquire(qtbot, k, "530000000001")
    confirm = k.window.confirm
    qtbot.waitUntil(lambda: confirm.blocked.isVisible(), timeout=5000)
    words = confirm.blocked.text()
    if kiosk_mode:
        assert words == ("Loket belum dapat menerima pembayaran ini. "
                         "Silakan hubungi petugas toko.")  # fmt: skip
        assert "Rp" not in words and "aldo" not in words
    else:
        assert words == "Saldo deposit tidak cukup (Rp 100.000), isi deposit dulu."
    assert not confirm.pay.isEnabled()
    qtbot.mouseClick(confirm.pay, Qt.MouseButton.LeftButton)
    qtbot.keyClick(confirm, Qt.Key.Key_Return)
    assert k.controller.payment.paying is False and poor_sim.requests("pay-pasca") == []
    mode = "kiosk" if kiosk_mode else "desktop"
    k.window.grab().save(str(screenshots_dir / f"confirm-deposit-short-{mode}.png"))
    k.controller.nav.set_language("en")
    english = confirm.blocked.text()
    k.controller.nav.set_language("id")
    assert english.startswith("This kiosk cannot" if kiosk_mode else "The deposit is too low")
    k.controller.shutdown()
    k.runner.wait_idle(5000)


def test_a_bill_the_deposit_covers_keeps_bayar(qtbot, poor_sim: Simulator, tmp_path: Path) -> None:
    k = make_kiosk(qtbot, poor_sim, tmp_path)
    with qtbot.waitSignal(k.controller.balance.balance_changed, timeout=5000):
        k.controller.balance.refresh()
    open_form(qtbot, k, "emoney")
    fill_and_inquire(qtbot, k, "082100000001", amount="50000")
    with qtbot.waitSignal(k.controller.balance.balance_changed, timeout=5000):
        pass  # the fresh balance asked for when the bill arrived
    confirm = k.window.confirm
    assert not confirm.blocked.isVisible() and confirm.pay.isEnabled()
    k.controller.shutdown()
    k.runner.wait_idle(5000)

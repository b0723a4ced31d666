"""The confirm screen: the bill card and its lines, Bayar once, Batal and Kembali before
paying, and Bayar held back when the deposit cannot pay the bill."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.money import format_rupiah
from kiosk.sim import Simulator
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk, make_kiosk
from tests.ui.customer import fill_and_inquire, open_form, pay


def test_shop_fee_is_its_own_line(qtbot, sim: Simulator, tmp_path: Path) -> None:
    k = make_kiosk(qtbot, sim, tmp_path, shop_fees={"pdam": 3000})
    open_form(qtbot, k, "pdam")
    fill_and_inquire(qtbot, k, "1013226")
    card = k.window.confirm.card.values
    assert card["shop_fee"].text() == "Rp 3.000"
    assert card["total"].text() == format_rupiah(k.controller.payment.bill.amounts.total + 3000)
    k.runner.wait_idle(5000)


def test_double_tap_and_held_enter_pay_once(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000001")
    confirm = kiosk.window.confirm
    with qtbot.waitSignal(kiosk.controller.payment.payment_finished, timeout=8000):
        qtbot.mouseClick(confirm.pay, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(confirm.pay, Qt.MouseButton.LeftButton)
        for _ in range(5):
            qtbot.keyClick(confirm, Qt.Key.Key_Return)
        confirm._on_pay_clicked()  # a click that raced the disabling
    assert len(kiosk.sim.requests("pay-pasca")) == 1


def test_back_and_cancel_before_paying_and_new_transaction_clears(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pln")
    qtbot.keyClick(kiosk.window.form, Qt.Key.Key_Escape)
    assert kiosk.controller.nav.screen is Screen.HOME
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000001")
    qtbot.mouseClick(kiosk.window.confirm.cancel, Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.FORM
    fill_and_inquire(qtbot, kiosk, "")
    pay(qtbot, kiosk)
    qtbot.mouseClick(kiosk.window.result.new, Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.HOME
    assert kiosk.window.form.field1.text() == ""
    assert kiosk.window.result.result is None and kiosk.controller.payment.bill is None
    assert kiosk.sim.requests("pay-pasca") and len(kiosk.sim.payments()) == 1


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
        assert words == ("Loket belum dapat menerima pembayaran ini. Silakan hubungi petugas toko.")
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
    # The fresh balance asked for when the bill arrives (it may land while the confirm
    # screen is being shown: the wait starts before the inquiry).
    with qtbot.waitSignal(k.controller.balance.balance_changed, timeout=5000):
        fill_and_inquire(qtbot, k, "082100000001", amount="50000")
    confirm = k.window.confirm
    assert not confirm.blocked.isVisible() and confirm.pay.isEnabled()
    k.controller.shutdown()
    k.runner.wait_idle(5000)

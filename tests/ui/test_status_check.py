"""Cek Status: a customer finds a payment made at this kiosk by the number on the bill
or the receipt's ref, opens it, and goes back; an unknown number is said in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.journal import PaymentState
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk
from tests.ui.customer import fill_and_inquire, open_form, pay, texts


def found_buttons(k: Kiosk) -> list[QPushButton]:
    screen = k.window.status
    return [b for b in screen.findChildren(QPushButton) if " · " in b.text() and b.isVisible()]


def test_a_paid_bill_is_found_by_its_number_and_opens_its_result(
    qtbot, kiosk: Kiosk, screenshots_dir: Path
) -> None:
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000001")
    pay(qtbot, kiosk)
    paid = kiosk.controller.payment.shown_result
    qtbot.mouseClick(kiosk.window.result.new, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.window.home.status_tile, Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.STATUS
    screen = kiosk.window.status
    qtbot.keyClicks(screen.field, "530000000001")
    with qtbot.waitSignal(kiosk.controller.payment.lookup_finished, timeout=5000):
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(found_buttons(kiosk)), timeout=5000)  # shown on the next turn
    buttons = found_buttons(kiosk)
    assert len(buttons) == 1 and "530000000001" in buttons[0].text()
    assert "Sukses" in buttons[0].text()
    kiosk.window.grab().save(str(screenshots_dir / "status-check-found.png"))
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.RESULT
    shown = kiosk.controller.payment.shown_result
    assert shown.ref_id == paid.ref_id and shown.state is PaymentState.SUCCESS
    assert kiosk.controller.payment.reopened  # its receipt is a reprint
    assert "Sukses" in texts(kiosk.window.result)


def test_an_unknown_number_is_said_in_words_and_kembali_goes_home(qtbot, kiosk: Kiosk) -> None:
    qtbot.mouseClick(kiosk.window.home.status_tile, Qt.MouseButton.LeftButton)
    screen = kiosk.window.status
    qtbot.keyClicks(screen.field, "539999999999")
    with qtbot.waitSignal(kiosk.controller.payment.lookup_finished, timeout=5000):
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert not found_buttons(kiosk)
    assert any("tidak ditemukan" in t for t in texts(screen))
    qtbot.mouseClick(screen.back, Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.HOME
    qtbot.mouseClick(kiosk.window.home.status_tile, Qt.MouseButton.LeftButton)
    assert screen.field.text() == "" and not any("tidak ditemukan" in t for t in texts(screen))

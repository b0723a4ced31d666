"""The PIN prompt: a big keypad, wrong tries counted, the lock-out shown in minutes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.pin import LOCK_SECONDS, MAX_TRIES, PinGuard, hash_pin
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.theme import KIOSK, stylesheet
from tests.test_pin import FakeClock
from tests.test_setup_view import controls, shot

PIN = "2468"
HASH = hash_pin(PIN)


@pytest.fixture
def kiosk_style() -> Iterator[None]:
    """The dialog as it looks on the kiosk (the app's stylesheet), restored afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(stylesheet(KIOSK))
    yield
    app.setStyleSheet(before)


def make(qtbot, clock: FakeClock | None = None) -> PinDialog:
    dialog = PinDialog(PinGuard(HASH, clock=clock or FakeClock()), "PIN admin untuk Pengaturan")
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def tap(qtbot, dialog: PinDialog, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(dialog.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_the_right_pin_is_accepted(qtbot, kiosk_style, screenshots_dir: Path) -> None:
    dialog = make(qtbot)
    dialog.keypad.buttons["2"].click()
    shot(dialog, screenshots_dir / "pin-dialog-kiosk.png")
    dialog.field.clear()
    with qtbot.waitSignal(dialog.accepted_pin, timeout=1000):
        tap(qtbot, dialog, PIN)
    assert dialog.result() == PinDialog.DialogCode.Accepted and not dialog.isVisible()


def test_wrong_pins_are_counted_then_locked_for_five_minutes(qtbot, screenshots_dir: Path) -> None:
    clock = FakeClock()
    dialog = make(qtbot, clock)
    with qtbot.assertNotEmitted(dialog.accepted_pin):
        tap(qtbot, dialog, "1111")
    assert dialog.message.text() == "PIN salah."
    assert f"Sisa {MAX_TRIES - 1} kali" in dialog.tries.text()
    assert dialog.field.text() == ""  # cleared for the next try
    for _ in range(MAX_TRIES - 2):
        tap(qtbot, dialog, "1111")
    assert "Sisa 1 kali" in dialog.tries.text()
    shot(dialog, screenshots_dir / "pin-dialog-wrong.png")
    tap(qtbot, dialog, "1111")
    assert "Coba lagi dalam 5:00" in dialog.message.text()
    assert not dialog.keypad.isEnabled() and not dialog.ok.isEnabled()
    assert dialog.countdown.isActive()
    shot(dialog, screenshots_dir / "pin-dialog-locked.png")
    dialog.field.setText(PIN)
    with qtbot.assertNotEmitted(dialog.accepted_pin):
        dialog.field.returnPressed.emit()  # Enter does not get around the lock
    clock.now += 61
    with qtbot.waitSignal(dialog.countdown.timeout, timeout=2000):
        pass
    assert "3:59" in dialog.message.text()
    clock.now += LOCK_SECONDS
    with qtbot.waitSignal(dialog.countdown.timeout, timeout=2000):
        pass
    assert dialog.keypad.isEnabled() and dialog.message.text() == ""
    assert not dialog.countdown.isActive()
    dialog.field.clear()
    with qtbot.waitSignal(dialog.accepted_pin, timeout=1000):
        tap(qtbot, dialog, PIN)


def test_a_dialog_opened_while_locked_says_so_at_once(qtbot) -> None:
    clock = FakeClock()
    guard = PinGuard(HASH, clock=clock)
    for _ in range(MAX_TRIES):
        guard.check("0000")
    dialog = PinDialog(guard, "PIN")
    qtbot.addWidget(dialog)
    assert "Coba lagi dalam 5:00" in dialog.message.text() and not dialog.ok.isEnabled()


def test_batal_rejects_and_ask_is_non_blocking(qtbot) -> None:
    opened: list[bool] = []
    dialog = PinDialog.ask(
        PinGuard(HASH, clock=FakeClock()), "PIN", None, lambda: opened.append(True)
    )
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and opened == []
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert opened == []
    again = PinDialog.ask(
        PinGuard(HASH, clock=FakeClock()), "PIN", None, lambda: opened.append(True)
    )
    qtbot.addWidget(again)
    qtbot.keyClicks(again.field, PIN + "9x")  # only digits, at most eight
    assert again.field.text() == PIN + "9"
    again.field.setText(PIN)
    qtbot.keyClick(again.field, Qt.Key.Key_Return)
    assert opened == [True]
    assert again.pin_accepted is not None  # the older name still works for existing callers


def test_touch_targets_and_names(qtbot, kiosk_style: None) -> None:
    dialog = make(qtbot)
    buttons = [w for w in dialog.findChildren(QPushButton) if w.isVisible()]
    assert len(buttons) == 14  # 12 keys, Batal, OK
    for button in buttons:
        assert button.height() >= 64 and button.width() >= 64, button.accessibleName()
    assert [w for w in controls(dialog) if not w.accessibleName()] == []
    font = dialog.font()  # the stylesheet sizes type in pixels, scaled to the screen
    assert font.pixelSize() >= 16 or font.pointSize() >= 12


def test_on_a_small_panel_the_keypad_sits_beside_the_field(qtbot) -> None:
    """800×480: the stacked dialog is ~590 px tall; beside, it fits with room to spare."""
    from kiosk.ui.theme import scale_for

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(stylesheet(scale_for(800, 480, kiosk=True)))
    try:
        dialog = PinDialog(PinGuard(HASH, clock=FakeClock()), "Keluar dari mode kiosk", beside=True)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        assert dialog.height() <= 480 - 40 and dialog.width() <= 800
        keys = dialog.keypad.buttons.values()
        assert all(key.height() >= 64 and key.width() >= 64 for key in keys)
        assert dialog.keypad.x() > dialog.field.x() + dialog.field.width()  # beside, not under
    finally:
        app.setStyleSheet(before)

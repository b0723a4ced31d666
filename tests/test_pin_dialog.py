"""The PIN prompt: a big keypad, the tries left, and the lock-out in minutes with a
countdown, kept by the one guard on disk (so a new dialog or a restart resets nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.pin import PinGuard, hash_pin
from kiosk.pin_lockout import FILE_NAME, MAX_TRIES
from kiosk.ui.pin_dialog import PinDialog
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import KIOSK, stylesheet
from tests.core.test_pin import FakeClock
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


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def lockout_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / FILE_NAME


@pytest.fixture
def guard(lockout_file: Path, clock: FakeClock) -> PinGuard:
    return PinGuard(lockout_file, clock=clock)


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_idle(5000)


def make(qtbot, guard: PinGuard, runner: TaskRunner) -> PinDialog:
    """A dialog, open, once it has read the tries from disk."""
    dialog = PinDialog(guard, "PIN admin untuk Pengaturan", stored_hash=HASH, runner=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.lockout_loaded, timeout=3000):
        dialog.open()
    return dialog


def tap(qtbot, dialog: PinDialog, digits: str, *, right: bool = False) -> None:
    for digit in digits:
        qtbot.mouseClick(dialog.keypad.buttons[digit], Qt.MouseButton.LeftButton)
    signal = dialog.accepted_pin if right else dialog.pin_refused
    with qtbot.waitSignal(signal, timeout=3000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def tick(qtbot, dialog: PinDialog) -> None:
    with qtbot.waitSignal(dialog.countdown.timeout, timeout=2000):
        pass


def test_the_right_pin_is_accepted(
    qtbot, kiosk_style, guard, runner, screenshots_dir: Path
) -> None:
    dialog = make(qtbot, guard, runner)
    assert dialog.tries.text() == "" and dialog.message.text() == ""
    dialog.keypad.buttons["2"].click()
    shot(dialog, screenshots_dir / "pin-dialog-kiosk.png")
    dialog.field.clear()
    tap(qtbot, dialog, PIN, right=True)
    assert dialog.result() == PinDialog.DialogCode.Accepted and not dialog.isVisible()


def test_five_wrong_pins_lock_for_a_minute_then_each_more_doubles(
    qtbot, kiosk_style, guard, runner, clock: FakeClock, screenshots_dir: Path
) -> None:
    dialog = make(qtbot, guard, runner)
    with qtbot.assertNotEmitted(dialog.accepted_pin):
        tap(qtbot, dialog, "1111")
    assert dialog.message.text() == "PIN salah."
    assert (
        dialog.tries.text() == f"Sisa {MAX_TRIES - 1} kali percobaan sebelum PIN dikunci 1 menit."
    )
    assert dialog.field.text() == ""  # cleared for the next try
    assert dialog.focusWidget() is dialog.field  # the keyboard types into the field again
    for _ in range(MAX_TRIES - 2):
        tap(qtbot, dialog, "1111")
    assert "Sisa 1 kali" in dialog.tries.text()
    shot(dialog, screenshots_dir / "pin-dialog-wrong.png")
    tap(qtbot, dialog, "1111")
    assert "Terkunci, coba lagi dalam 1 menit (1:00)." in dialog.message.text()
    assert dialog.tries.text() == "Setelah itu, satu PIN salah lagi mengunci 2 menit."
    assert not dialog.keypad.isEnabled() and not dialog.ok.isEnabled()
    assert dialog.countdown.isActive()
    shot(dialog, screenshots_dir / "pin-dialog-locked.png")
    dialog.field.setText(PIN)
    with qtbot.assertNotEmitted(dialog.accepted_pin):
        dialog.field.returnPressed.emit()  # Enter does not get around the lock
    clock.now += 25
    tick(qtbot, dialog)
    assert "coba lagi dalam 1 menit (0:35)" in dialog.message.text()
    clock.now += 35
    tick(qtbot, dialog)
    assert dialog.keypad.isEnabled() and dialog.message.text() == ""
    assert not dialog.countdown.isActive()
    assert dialog.tries.text() == "Sisa 1 kali percobaan sebelum PIN dikunci 2 menit."
    dialog.field.clear()
    tap(qtbot, dialog, "1111")  # one more wrong: twice as long
    assert "Terkunci, coba lagi dalam 2 menit (2:00)." in dialog.message.text()
    clock.now += 120
    tick(qtbot, dialog)
    tap(qtbot, dialog, PIN, right=True)


def test_tries_survive_a_new_dialog_and_a_restart(
    qtbot, guard, lockout_file: Path, clock: FakeClock, runner: TaskRunner
) -> None:
    first = make(qtbot, guard, runner)
    for _ in range(3):
        tap(qtbot, first, "1111")
    first.reject()
    reopened = make(qtbot, guard, runner)  # the same guard: a second prompt
    assert reopened.tries.text() == "Sisa 2 kali percobaan sebelum PIN dikunci 1 menit."
    reopened.reject()
    restarted = make(qtbot, PinGuard(lockout_file, clock=clock), runner)  # a new app process
    assert restarted.tries.text() == "Sisa 2 kali percobaan sebelum PIN dikunci 1 menit."
    for _ in range(2):
        tap(qtbot, restarted, "1111")
    restarted.reject()
    locked = make(qtbot, PinGuard(lockout_file, clock=clock), runner)
    assert "Terkunci, coba lagi dalam 1 menit (1:00)." in locked.message.text()
    assert not locked.ok.isEnabled() and not locked.keypad.isEnabled()


def test_a_damaged_lockout_file_locks_for_an_hour(qtbot, lockout_file: Path, clock, runner) -> None:
    lockout_file.parent.mkdir(parents=True)
    lockout_file.write_text("{not json")
    dialog = make(qtbot, PinGuard(lockout_file, clock=clock), runner)
    assert "Terkunci, coba lagi dalam 60 menit (60:00)." in dialog.message.text()
    assert not dialog.ok.isEnabled()


def test_batal_while_checking_opens_nothing(qtbot, guard, runner: TaskRunner) -> None:
    opened: list[bool] = []
    dialog = PinDialog.ask(
        guard, "PIN", None, lambda: opened.append(True), stored_hash=HASH, runner=runner
    )
    qtbot.addWidget(dialog)
    dialog.field.setText(PIN)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # the check is in the worker now
    assert not dialog.ok.isEnabled() and not dialog.keypad.isEnabled()
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=3000)
    assert opened == []


def test_batal_rejects_and_ask_is_non_blocking(qtbot, guard, runner) -> None:
    opened: list[bool] = []
    dialog = PinDialog.ask(
        guard, "PIN", None, lambda: opened.append(True), stored_hash=HASH, runner=runner
    )
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and opened == []
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert opened == []
    again = PinDialog.ask(
        guard, "PIN", None, lambda: opened.append(True), stored_hash=HASH, runner=runner
    )
    qtbot.addWidget(again)
    qtbot.keyClicks(again.field, PIN + "9x")  # only digits, at most eight
    assert again.field.text() == PIN + "9"
    again.field.setText(PIN)
    with qtbot.waitSignal(again.accepted_pin, timeout=3000):
        qtbot.keyClick(again.field, Qt.Key.Key_Return)
    # Each ask also reads the tries, and the guard may run that read after the check: the
    # prompts are gone (deleted on close) by the time it answers, and it must open nothing.
    # Waiting for it also keeps its answer from landing after this test has ended.
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=3000)
    assert opened == [True]
    assert again.pin_accepted is not None  # the older name still works for existing callers


def test_touch_targets_and_names(qtbot, guard, runner, kiosk_style: None) -> None:
    dialog = make(qtbot, guard, runner)
    buttons = [w for w in dialog.findChildren(QPushButton) if w.isVisible()]
    assert len(buttons) == 14  # 12 keys, Batal, OK
    for button in buttons:
        assert button.height() >= 64 and button.width() >= 64, button.accessibleName()
    assert [w for w in controls(dialog) if not w.accessibleName()] == []
    font = dialog.font()  # the stylesheet sizes type in pixels, scaled to the screen
    assert font.pixelSize() >= 16 or font.pointSize() >= 12


def test_on_a_small_panel_the_keypad_sits_beside_the_field(qtbot, guard, runner) -> None:
    """800×480: the stacked dialog is ~590 px tall; beside, it fits with room to spare."""
    from kiosk.ui.theme import scale_for

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(stylesheet(scale_for(800, 480, kiosk=True)))
    try:
        dialog = PinDialog(
            guard, "Keluar dari mode kiosk", stored_hash=HASH, runner=runner, beside=True
        )
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        assert dialog.height() <= 480 - 40 and dialog.width() <= 800
        keys = dialog.keypad.buttons.values()
        assert all(key.height() >= 64 and key.width() >= 64 for key in keys)
        assert dialog.keypad.x() > dialog.field.x() + dialog.field.width()  # beside, not under
    finally:
        app.setStyleSheet(before)

"""Kiosk mode: the idle reset clears the customer's data; leaving needs the admin PIN."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from kiosk.pin import hash_pin
from kiosk.settings import Settings
from kiosk.ui.desks import SettingsDesk
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.kiosk_mode import KioskMode
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk
from tests.ui.customer import fill_and_inquire, open_form


def test_idle_countdown_then_home_with_the_data_gone(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000001")
    assert kiosk.controller.nav.screen is Screen.CONFIRM
    # watched from the confirm screen on: a slow inquiry cannot use up the idle time
    watcher = IdleWatcher(kiosk.window, kiosk.controller, idle_ms=50, countdown_s=2, tick_ms=20)
    qtbot.waitUntil(watcher.prompt.isVisible, timeout=3000)
    assert watcher.prompt.isVisible() and "Masih di sana?" in watcher.prompt.title.text()
    # a large card on a dark backdrop over the whole window: the bill is not readable
    assert watcher.prompt.geometry() == kiosk.window.rect()
    assert watcher.prompt.card.width() >= kiosk.window.width() // 2
    shot = kiosk.window.grab().toImage()
    behind = shot.pixelColor(kiosk.window.confirm.card.mapTo(kiosk.window, QPoint(4, 4)))
    assert behind.lightness() < 60, behind.name()
    with qtbot.waitSignal(watcher.session_reset, timeout=3000):
        pass
    assert kiosk.controller.nav.screen is Screen.HOME
    assert kiosk.controller.payment.bill is None
    assert kiosk.window.form.field1.text() == ""
    assert kiosk.window.confirm.bill is None
    assert kiosk.sim.requests("pay-pasca") == []


def test_a_touch_keeps_the_session(qtbot, kiosk: Kiosk) -> None:
    watcher = IdleWatcher(kiosk.window, kiosk.controller, idle_ms=50, countdown_s=50, tick_ms=20)
    open_form(qtbot, kiosk, "pdam")
    qtbot.keyClicks(kiosk.window.form.field1, "1013226")
    with qtbot.waitSignal(watcher.prompt_shown, timeout=3000):
        pass
    qtbot.mouseClick(watcher.prompt.stay, Qt.MouseButton.LeftButton)
    assert not watcher.prompt.isVisible()
    assert kiosk.controller.nav.screen is Screen.FORM
    assert kiosk.window.form.field1.text() == "1013226"


def test_leaving_kiosk_mode_needs_the_admin_pin(qtbot, kiosk: Kiosk, screenshots_dir) -> None:
    settings = Settings(admin_pin_hash=hash_pin("2468"))
    mode = KioskMode(kiosk.window, settings, idle_ms=60_000)
    assert not kiosk.window.menuBar().isVisible()
    kiosk.window.close()
    assert kiosk.window.isVisible()  # no closing a kiosk
    mode.ask_pin()
    dialog = mode.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.field, "1111")
    with qtbot.waitSignal(dialog.pin_refused, timeout=3000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "PIN salah." and mode.active
    dialog.grab().save(str(screenshots_dir / "pin-dialog.png"))
    with qtbot.waitSignal(mode.left, timeout=2000):
        for key in "2468":
            qtbot.mouseClick(dialog.keypad.buttons[key], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not mode.active and kiosk.window.allow_close


def test_kiosk_exit_and_settings_count_wrong_pins_together(qtbot, kiosk: Kiosk, tmp_path) -> None:
    """One guard for every PIN prompt: four wrong tries at the kiosk's exit leave one try
    for Settings, and the fifth, wherever it is typed, locks both."""
    settings = Settings(admin_pin_hash=hash_pin("2468"))
    mode = KioskMode(kiosk.window, settings, idle_ms=60_000)
    desk = SettingsDesk(kiosk.window, settings, tmp_path / "s.json", lambda s: None)
    assert mode.guard is kiosk.window.pin_guard()
    for _ in range(4):
        mode.ask_pin()
        exit_dialog = mode.dialog
        assert exit_dialog is not None
        qtbot.keyClicks(exit_dialog.field, "1111")
        with qtbot.waitSignal(exit_dialog.pin_refused, timeout=3000):
            qtbot.mouseClick(exit_dialog.ok, Qt.MouseButton.LeftButton)
        exit_dialog.reject()  # closed and opened again: the count stays
    desk.ask_pin("PIN admin untuk Pengaturan", lambda: None)
    dialog = desk.dialog
    qtbot.waitUntil(lambda: "Sisa 1 kali" in dialog.tries.text(), timeout=3000)
    qtbot.keyClicks(dialog.field, "1111")
    with qtbot.waitSignal(dialog.pin_refused, timeout=3000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "Terkunci, coba lagi dalam 1 menit" in dialog.message.text()
    mode.ask_pin()
    assert mode.dialog is not None
    assert "Terkunci, coba lagi dalam 1 menit" in mode.dialog.message.text()
    assert not mode.dialog.ok.isEnabled()


def test_without_a_pin_only_the_demo_lets_go_of_kiosk_mode(qtbot, kiosk: Kiosk) -> None:
    shop = KioskMode(kiosk.window, Settings(), idle_ms=60_000)
    shop.ask_pin()  # a real kiosk with no PIN says how to set one, and stays a kiosk
    assert shop.active and not kiosk.window.allow_close
    demo = KioskMode(kiosk.window, Settings(), idle_ms=60_000, demo=True)
    with qtbot.waitSignal(demo.left, timeout=2000):
        demo.ask_pin()  # the demo has no PIN to ask for: Toko → Tutup Kasir is reachable
    assert kiosk.window.allow_close

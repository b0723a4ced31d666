"""Home: the tiles, the balance or why payments are refused, the language switch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.settings import Settings
from kiosk.sim import Simulator
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk, make_kiosk
from tests.ui.customer import texts


def test_home_screenshot_and_balance(qtbot, kiosk: Kiosk, screenshots_dir: Path) -> None:
    with qtbot.waitSignal(kiosk.controller.balance.balance_changed, timeout=5000):
        kiosk.controller.balance.refresh()
    assert "Saldo Rp 5.000.000" in texts(kiosk.window)  # the header, on the desktop
    home = kiosk.window.home
    assert all(tile.isEnabled() for tile in home.tiles.values())
    # the whole balance is on screen once the header has laid itself out again
    qtbot.waitUntil(lambda: home.balance.width() >= home.balance.sizeHint().width())
    for tile in home.tiles.values():  # long names wrap instead of losing letters
        lines = tile.text().split("\n")
        assert " ".join(lines).replace("&&", "&") == tile.label
        widest = max(tile.fontMetrics().horizontalAdvance(line) for line in lines)
        assert widest <= tile.width(), tile.label
    kiosk.window.grab().save(str(screenshots_dir / "home.png"))


def test_tiles_show_their_name_under_the_icon_and_a_hand_cursor(qtbot, kiosk: Kiosk) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QEnterEvent

    tile = kiosk.window.home.tiles["pln"]
    assert tile.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    assert tile.cursor().shape() is not Qt.CursorShape.PointingHandCursor  # set on first hover
    tile.event(QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    assert tile.cursor().shape() is Qt.CursorShape.PointingHandCursor


def test_offline_disables_the_tiles(
    qtbot, sim: Simulator, tmp_path: Path, screenshots_dir: Path
) -> None:
    from tests.support.stub_server import closed_port

    k = make_kiosk(qtbot, sim, tmp_path, url=f"http://127.0.0.1:{closed_port()}/v1/user/api/")
    with qtbot.waitSignal(k.controller.balance.balance_changed, timeout=5000):
        k.controller.balance.refresh()
    assert not any(tile.isEnabled() for tile in k.window.home.tiles.values())
    assert any("offline" in t for t in texts(k.window.home))
    k.window.grab().save(str(screenshots_dir / "home-offline.png"))
    k.runner.wait_idle(5000)


def test_a_missing_thermal_printer_refuses_new_payments(qtbot, kiosk: Kiosk) -> None:
    from tests.support.stub_server import closed_port

    desk = kiosk.window.receipts
    desk.settings = Settings(thermal_printer=f"network:127.0.0.1:{closed_port()}")
    with qtbot.waitSignal(kiosk.controller.nav.blocked_changed, timeout=10_000):
        desk.check_printer()
    assert not any(tile.isEnabled() for tile in kiosk.window.home.tiles.values())
    assert any("Printer struk tidak terhubung" in t for t in texts(kiosk.window.home))
    kiosk.controller.nav.open_product("pln")
    assert kiosk.controller.nav.screen is Screen.HOME
    with qtbot.waitSignal(kiosk.controller.balance.balance_checked, timeout=5000):
        kiosk.controller.balance.refresh()  # a good balance does not hide the printer problem
    assert not any(tile.isEnabled() for tile in kiosk.window.home.tiles.values())
    assert any("Printer struk tidak terhubung" in t for t in texts(kiosk.window.home))
    kiosk.controller.nav.set_blocked(None)
    assert all(tile.isEnabled() for tile in kiosk.window.home.tiles.values())


def test_language_switch_changes_visible_texts(qtbot, kiosk: Kiosk) -> None:
    home = kiosk.window.home
    assert home.tiles["pln"].text() == "Listrik PLN"
    qtbot.mouseClick(
        next(b for b in home.lang_buttons.buttons() if b.text() == "EN"), Qt.MouseButton.LeftButton
    )
    assert home.tiles["pln"].text() == "PLN Electricity"
    assert home.status_tile.text() == "Check Status"

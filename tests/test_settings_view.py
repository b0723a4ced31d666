"""Settings: the first-run form plus fees, kiosk, receipts; and the settings file rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk import settings as store
from kiosk.pin import hash_pin
from kiosk.products import PRODUCTS
from kiosk.settings import Settings
from kiosk.ui.settings_view import KeyChange, SettingsView
from kiosk.ui.setup_view import SetupResult
from tests.test_setup_view import controls, errors, shot

CONFIGURED = Settings(
    api_username="toko1",
    shop_name="Toko Makmur",
    admin_pin_hash=hash_pin("2468"),
    shop_fees={"pln": 2500, "pdam": 1000},
    paper="58mm",
    idle_timeout_s=90,
)


def make(qtbot, settings: Settings = CONFIGURED, *, has_key: bool = True) -> SettingsView:
    view = SettingsView(settings, has_key=has_key)
    qtbot.addWidget(view)
    view.resize(820, 1000)
    view.show()
    return view


def test_it_shows_the_stored_settings(qtbot, screenshots_dir: Path) -> None:
    view = make(qtbot)
    assert set(view.fees) == {p.code for p in PRODUCTS}
    assert view.fees["pln"].value() == 2500 and view.fees["bpjs"].value() == 0
    assert view.paper.currentData() == "58mm" and view.idle.value() == 90
    assert view.username.text() == "toko1" and view.key.text() == ""
    assert view.windowTitle() == "Pengaturan Loket"
    assert [w for w in controls(view) if not w.accessibleName()] == []
    shot(view, screenshots_dir / "settings-view.png")
    shot(view.column.parentWidget(), screenshots_dir / "settings-view-all-sections.png")


def test_simpan_emits_the_changed_settings(qtbot) -> None:
    view = make(qtbot)
    view.fees["pln"].setValue(3000)
    view.fees["pdam"].setValue(0)
    view.fees["bpjs"].setValue(1500)
    view.kiosk.setChecked(True)
    view.idle.setValue(120)
    view.language.setCurrentIndex(view.language.findData("en"))
    view.low_balance.setValue(250_000)
    view.paper.setCurrentIndex(view.paper.findData("a4"))
    view.thermal.setText(" usb:04b8:0202 ")
    with qtbot.assertNotEmitted(view.key_changed), qtbot.waitSignal(view.settings_changed) as got:
        qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
    settings = got.args[0]
    assert isinstance(settings, Settings)
    assert settings.shop_fees == {"pln": 3000, "bpjs": 1500}
    assert (settings.kiosk_mode, settings.idle_timeout_s, settings.language) == (True, 120, "en")
    assert (settings.low_balance_warning, settings.paper) == (250_000, "a4")
    assert settings.thermal_printer == "usb:04b8:0202"
    assert settings.admin_pin_hash == CONFIGURED.admin_pin_hash  # PIN left empty: unchanged


def test_a_new_key_goes_out_on_its_own_signal(qtbot) -> None:
    view = make(qtbot)
    view.key.setText("kunci-baru-99")
    seen: list[tuple[str, object]] = []
    for name in ("key_changed", "settings_changed", "saved"):
        getattr(view, name).connect(lambda value, name=name: seen.append((name, value)))
    view.save.click()
    assert [name for name, _ in seen] == ["key_changed", "settings_changed", "saved"]
    change, result = seen[0][1], seen[2][1]
    assert change == KeyChange("toko1", "kunci-baru-99") and "kunci-baru-99" not in repr(change)
    assert isinstance(result, SetupResult) and result.key == "kunci-baru-99"


def test_a_wrong_printer_target_is_explained(qtbot) -> None:
    view = make(qtbot)
    view.thermal.setText("LPT1")
    with qtbot.assertNotEmitted(view.settings_changed):
        view.save.click()
    assert "usb:VID:PID" in errors(view)["thermal"]


def test_settings_file_keeps_no_secret_and_refuses_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store.save(path, CONFIGURED)
    assert store.load(path) == CONFIGURED
    data = json.loads(path.read_text())
    assert "api_key" not in data and "2468" not in path.read_text()
    data.update(paper="a5", language="fr")
    path.write_text(json.dumps(data))
    loaded = store.load(path)
    assert (loaded.paper, loaded.language) == ("80mm", "id")
    assert store.endpoint_ok("https://mitrapintar.api.digiswitch.id/v1/user/api/")
    assert store.endpoint_ok("http://127.0.0.1:8080/")
    assert not store.endpoint_ok("http://192.0.2.1/") and not store.endpoint_ok("file:///x")


def test_the_wheel_scrolls_the_form_and_leaves_the_values_alone(qtbot) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    view = SettingsView(Settings(paper="80mm"))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)

    def wheel(widget) -> None:  # one notch down, over the widget
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)

    before = view.paper.currentData()
    wheel(view.paper)
    wheel(view.idle)
    assert view.paper.currentData() == before and view.idle.value() == 60
    view.paper.setFocus()
    qtbot.waitUntil(view.paper.hasFocus)
    wheel(view.paper)  # clicked into: the wheel does change it
    assert view.paper.currentData() != before


def test_settings_cannot_be_changed_in_place_and_refuse_unknown_names() -> None:
    plain = Settings()
    with pytest.raises(TypeError):
        plain.shop_fees["pln"] = 5000  # type: ignore[index]
    with pytest.raises(AttributeError):
        plain.shop_name = "Lain"  # type: ignore[misc]
    assert Settings().shop_fee("pln") == 0 and plain.shop_name == "Loket PPOB"
    changed = plain.with_changes(shop_name="Toko Baru", shop_fees={"pln": 2500})
    assert (changed.shop_name, changed.shop_fee("pln")) == ("Toko Baru", 2500)
    assert plain.shop_name == "Loket PPOB"
    with pytest.raises(TypeError, match="shop_nmae"):
        plain.with_changes(shop_nmae="typo")

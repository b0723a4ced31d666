"""The first-run form: messages under the fields in words, intent out as dataclasses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from kiosk.endpoints import PRODUCTION_URL
from kiosk.pin import hash_pin, verify_pin
from kiosk.settings import Settings
from kiosk.ui.setup_view import ConnectionRequest, SetupResult, SetupView

KEY = "kunci-setup-4b2e"


def make(qtbot, settings: Settings | None = None, *, has_key: bool = False) -> SetupView:
    view = SetupView(settings or Settings(), has_key=has_key)
    qtbot.addWidget(view)
    view.show()
    return view


def fill(view: SetupView, *, pin: str = "1357", repeat: str | None = None) -> None:
    view.username.setText("toko1")
    view.key.setText(KEY)
    view.shop_name.setText("Toko Sumber Rejeki")
    view.pin.setText(pin)
    view.pin_repeat.setText(pin if repeat is None else repeat)


def errors(view: SetupView) -> dict[str, str]:
    return {
        name: row.error.text() for name, row in view.rows.items() if row.error.isVisibleTo(view)
    }


def shot(view: QWidget, path: Path) -> None:
    """Save what a person would see: pending layout requests are applied first."""
    QApplication.sendPostedEvents()
    assert view.grab().save(str(path))


def controls(view: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QAbstractButton, QComboBox, QAbstractSpinBox)
    return [
        w
        for w in view.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w.parent(), QAbstractSpinBox)
    ]


def test_an_empty_form_says_what_is_missing_under_each_field(qtbot) -> None:
    view = make(qtbot, Settings(shop_name=""))
    with qtbot.assertNotEmitted(view.saved):
        qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
    found = errors(view)
    assert set(found) == {"username", "key", "shop_name", "pin"}
    assert "username API" in found["username"]
    assert "kunci API" in found["key"]
    assert "nama toko" in found["shop_name"]
    assert "PIN admin" in found["pin"] and "4–8 angka" in found["pin"]
    assert view.error.text() == found["username"]  # the first problem, next to Simpan too
    assert view.username.property("invalid") is True


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("username", "toko satu", "tidak boleh berisi spasi"),
        ("key", "abc def", "Salin ulang"),
        ("endpoint", "http://example.com/", "https://"),
        ("endpoint", "ftp://example.com/", "https://"),
        ("pin", "12", "4–8 angka"),
    ],
)
def test_bad_values_are_explained(qtbot, field: str, value: str, words: str) -> None:
    view = make(qtbot)
    fill(view)
    getattr(view, field).setText(value)
    with qtbot.assertNotEmitted(view.saved):
        view.save.click()
    assert words in errors(view)[field]


def test_the_pin_must_be_typed_twice_the_same(qtbot) -> None:
    view = make(qtbot)
    fill(view, pin="1357", repeat="1358")
    with qtbot.assertNotEmitted(view.saved):
        view.save.click()
    assert errors(view) == {"pin_repeat": "Ulangan PIN tidak sama. Ketik PIN yang sama dua kali."}
    view.pin_repeat.setText("1357")
    with qtbot.waitSignal(view.saved, timeout=1000):
        view.save.click()
    assert errors(view) == {} and view.error.text() == ""


def test_saved_carries_what_was_typed_and_clears_the_secrets(qtbot, screenshots_dir: Path) -> None:
    view = make(qtbot)
    fill(view)
    view.endpoint.setText("http://127.0.0.1:8080/")
    view.testing.setChecked(True)
    shot(view, screenshots_dir / "setup-view-filled.png")
    with qtbot.waitSignal(view.saved, timeout=1000) as blocker:
        qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert isinstance(result, SetupResult)
    assert result.key == KEY and KEY not in repr(result)
    settings = result.settings
    assert (settings.api_username, settings.shop_name) == ("toko1", "Toko Sumber Rejeki")
    assert (settings.endpoint, settings.testing) == ("http://127.0.0.1:8080/", True)
    assert verify_pin("1357", settings.admin_pin_hash)
    assert view.key.text() == view.pin.text() == view.pin_repeat.text() == ""


def test_the_default_endpoint_is_production_and_a_stored_key_may_stay(qtbot) -> None:
    stored = Settings(api_username="toko1", admin_pin_hash=hash_pin("2468"))
    view = make(qtbot, stored, has_key=True)
    assert view.endpoint.text() == PRODUCTION_URL
    assert "keychain" in view.key.placeholderText()
    with qtbot.waitSignal(view.saved, timeout=1000) as blocker:
        view.save.click()  # key and PIN left empty: keep them
    result = blocker.args[0]
    assert result.key is None and result.settings.admin_pin_hash == stored.admin_pin_hash
    view.username.setText("toko2")  # another account needs its own key
    with qtbot.assertNotEmitted(view.saved):
        view.save.click()
    assert "kunci API" in errors(view)["key"]


def test_tes_koneksi_emits_the_typed_connection(qtbot, screenshots_dir: Path) -> None:
    view = make(qtbot)
    with qtbot.assertNotEmitted(view.test_requested):
        view.test.click()
    assert set(errors(view)) == {"username", "key"}  # only the connection fields
    view.username.setText("demo")
    view.key.setText("demo-key")
    view.endpoint.setText("http://127.0.0.1:9/")
    with qtbot.waitSignal(view.test_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.test, Qt.MouseButton.LeftButton)
    request = blocker.args[0]
    assert request == ConnectionRequest("demo", "demo-key", "http://127.0.0.1:9/", False)
    assert "demo-key" not in repr(request)
    assert not view.test.isEnabled() and "Mengecek" in view.test_result.text()
    view.show_test_result(False, "Tidak dapat terhubung ke penyedia.")
    assert view.test.isEnabled() and "Tidak dapat terhubung" in view.test_result.text()
    assert view.test_result.objectName() == "fieldError"
    shot(view, screenshots_dir / "setup-view-test-failed.png")
    view.show_test_result(True, "Terhubung. Saldo Rp 5.000.000")
    assert view.test_result.text() == "✔ Terhubung. Saldo Rp 5.000.000"
    view.key.setText("x")
    view.key.textEdited.emit("x")  # typing again makes the old answer stale
    assert view.test_result.text() == ""


def test_every_control_is_named_and_texts_come_back_on_language_change(
    qtbot, screenshots_dir: Path
) -> None:
    view = make(qtbot, Settings(shop_name=""))
    view.resize(760, 900)
    view.save.click()
    shot(view, screenshots_dir / "setup-view-errors.png")
    unnamed = [w for w in controls(view) if not w.accessibleName()]
    assert unnamed == []
    font = view.font()  # the stylesheet sizes type in pixels
    assert font.pixelSize() >= 16 or font.pointSize() >= 12
    view.save.setText("?")
    view.rows["pin"].error.setText("?")
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.save.text() == "Simpan"
    assert "PIN admin" in view.rows["pin"].error.text()  # messages are re-worded too

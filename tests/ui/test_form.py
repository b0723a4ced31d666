"""The form: the number typed or keyed in, and a refused number or bill said in words
next to the field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ui.navigation import Screen
from kiosk.ui.theme import COLOURS
from tests.ui.conftest import Kiosk
from tests.ui.customer import open_form


def test_invalid_number_says_why_next_to_the_field(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pbb")
    qtbot.keyClicks(kiosk.window.form.field1, "12345")
    qtbot.keyClick(kiosk.window.form.field1, Qt.Key.Key_Return)
    assert kiosk.window.form.error.text() == "Nomor harus 18 digit (sekarang 5)."
    assert kiosk.sim.requests() == []


def border_colours(widget) -> set[str]:
    """The colours drawn along a widget's left edge, where its border is."""
    image = widget.grab().toImage()
    return {image.pixelColor(x, image.height() // 2).name() for x in range(4)}


def test_a_refused_number_turns_the_field_border_red_until_it_is_cleared(
    qtbot, kiosk: Kiosk
) -> None:
    open_form(qtbot, kiosk, "pbb")
    field = kiosk.window.form.field1
    danger = COLOURS["danger"].lower()
    assert danger not in border_colours(field)
    qtbot.keyClicks(field, "12345")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert danger in border_colours(field)  # re-styled after the property change
    kiosk.window.form.clear()
    assert danger not in border_colours(field)


def test_keypad_types_into_the_field(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pdam")
    pad = kiosk.window.form.keypad.buttons
    for key in "10132266":
        qtbot.mouseClick(pad[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad["\b"], Qt.MouseButton.LeftButton)
    assert kiosk.window.form.field1.text() == "1013226"


def test_inquiry_failure_shows_the_reason(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pln")
    qtbot.keyClicks(kiosk.window.form.field1, "990000000054")
    with qtbot.waitSignal(kiosk.controller.payment.inquiry_failed, timeout=5000):
        qtbot.mouseClick(kiosk.window.form.submit, Qt.MouseButton.LeftButton)
    assert "Nomor pelanggan tidak ditemukan" in kiosk.window.form.error.text()
    assert kiosk.controller.nav.screen is Screen.FORM and kiosk.window.form.submit.isEnabled()

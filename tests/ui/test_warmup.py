"""After the first frame the payment screens are built and drawn once offscreen, so the
first customer's taps are as light as the later ones (issue 16), and nothing of that
shows: a screen's hidden parts stay hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.navigation import Screen
from kiosk.ui.warmup import pre_render, prebuild_screens
from tests.ui.conftest import Kiosk

PAYMENT_SCREENS = (Screen.FORM, Screen.CONFIRM, Screen.PROCESSING, Screen.RESULT)


def _hidden(screen: QWidget) -> set[int]:
    return {id(w) for w in screen.findChildren(QWidget) if w.isHidden()}


def test_drawing_a_screen_ahead_leaves_its_hidden_parts_hidden(qtbot, kiosk: Kiosk) -> None:
    confirm = kiosk.window.screen_for(Screen.CONFIRM)
    before = _hidden(confirm)
    assert before, "the confirm screen keeps parts hidden until a bill needs them"
    pre_render(kiosk.window, confirm)
    assert _hidden(confirm) == before
    details = kiosk.window.confirm.details
    # The hidden period table was laid out too (not left at Qt's default 640 px): its
    # first show, with the first customer's bill, has no layout work left to do.
    assert details.table.width() == details.width() != 640


def test_the_payment_screens_are_ready_before_the_first_tap(qtbot, kiosk: Kiosk) -> None:
    prebuild_screens(kiosk.window)
    qtbot.waitUntil(lambda: all(kind in kiosk.window.screens for kind in PAYMENT_SCREENS))
    assert kiosk.window.stack.currentWidget() is kiosk.window.home  # nothing was shown

"""Text colours pass WCAG AA (4.5:1) on the backgrounds they are drawn on."""

from __future__ import annotations

import pytest

from kiosk.ui.theme import COLOURS, DESKTOP, KIOSK, contrast, stylesheet

PAIRS = [
    ("text", "bg"),
    ("text", "surface"),
    ("muted", "bg"),
    ("muted", "surface"),
    ("primary", "surface"),
    ("danger", "bg"),
    ("danger", "danger_bg"),
    ("warning", "warning_bg"),
    ("disabled", "surface"),
]
WHITE_ON = ["primary", "success", "warning", "danger", "primary_dark", "disabled"]


@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_text_on_backgrounds(fg: str, bg: str) -> None:
    assert contrast(COLOURS[fg], COLOURS[bg]) >= 4.5


@pytest.mark.parametrize("bg", WHITE_ON)
def test_white_text_on_banners_and_buttons(bg: str) -> None:
    assert contrast("#FFFFFF", COLOURS[bg]) >= 4.5


def test_kiosk_type_is_large_enough_and_targets_are_touchable() -> None:
    assert KIOSK.base >= 16 and DESKTOP.base >= 12
    assert KIOSK.touch >= 64 and KIOSK.key >= 64
    assert "$" not in stylesheet(KIOSK)  # every colour and size was filled in

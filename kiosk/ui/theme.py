"""Colours and sizes, defined once, poured into ``resources/styles/loket.qss``.

Contrast: every text colour on its background passes WCAG AA (4.5:1) —
checked in ``tests/ui/test_theme.py``.
"""

from __future__ import annotations

from string import Template
from typing import NamedTuple

from kiosk.resources import resource

COLOURS = {
    "primary": "#1D4ED8",
    "primary_dark": "#1E3A8A",
    "primary_bg": "#DBEAFE",
    "bg": "#F3F4F6",
    "surface": "#FFFFFF",
    "border": "#D1D5DB",
    "text": "#111827",
    "muted": "#4B5563",
    "disabled": "#6B7280",
    "success": "#15803D",
    "warning": "#92400E",
    "warning_bg": "#FEF3C7",
    "danger": "#B91C1C",
    "danger_bg": "#FEE2E2",
}


class Scale(NamedTuple):
    base: int
    small: int
    tile: int
    input: int
    h2: int
    h1: int
    touch: int
    key: int


KIOSK = Scale(base=17, small=15, tile=15, input=26, h2=20, h1=28, touch=72, key=80)
DESKTOP = Scale(base=12, small=11, tile=12, input=20, h2=15, h1=22, touch=56, key=64)


def stylesheet(scale: Scale) -> str:
    template = Template(resource("styles", "loket.qss").read_text(encoding="utf-8"))
    values = {**COLOURS, **{k: str(getattr(scale, k)) for k in Scale._fields}}
    return template.substitute(values)


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

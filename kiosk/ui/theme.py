"""Colours and sizes, defined once, poured into ``resources/styles/loket.qss``.

Contrast: every text colour on its background passes WCAG AA (4.5:1) —
checked in ``tests/ui/test_theme.py``.
"""

from __future__ import annotations

from functools import cache
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
    """Type and sizes in pixels for one screen, all derived from one base size."""

    base: int
    small: int
    tile: int
    input: int
    h2: int
    h1: int
    total: int
    sn: int
    touch: int
    key: int
    lang: int
    """The ID/EN switch: a square-ish target of this height."""
    icon: int
    """Product icons on the tiles."""
    pad: int
    """Inner padding of cards and boxes; screen margins are 1.5 × this."""
    gap: int
    """Space between tiles and buttons (≥ 8 px: touch targets stay apart)."""
    tile_pad: int
    """Inside a tile, around its icon and name."""
    header: int


def scale_for(width: int, height: int, *, kiosk: bool) -> Scale:
    """Sizes for a screen of ``width`` × ``height`` pixels, from its shorter side.

    The kiosk's base type is the shorter side / 36 (18 px on an 800×480 panel, 22 px at
    1280×800, 30 px on a 1080-wide totem); the desktop's is the shorter side / 50 (16 px
    at 1280×800). Touch targets never go under 64 px on a kiosk (DESIGN.md).
    """
    short = min(width, height)
    if kiosk:
        base = max(18, min(34, round(short / 36)))
        touch = max(64, round(base * 3.1))
        lang = max(64, round(base * 2.9))
    else:
        base = max(13, min(24, round(short / 50)))
        touch = max(40, round(base * 2.8))
        lang = max(36, round(base * 2.4))
    pad = max(8, round(base * 0.67))
    gap = max(8, round(base * 0.5))
    small_screen = short < 560
    return Scale(
        base=base,
        small=round(base * 0.86),
        tile=round(base * 0.92),
        input=round(base * 1.45),
        h2=round(base * 1.2),
        h1=round(base * (1.4 if small_screen else 1.55)),
        total=round(base * (1.55 if small_screen else 1.75)),
        sn=round(base * 1.9),
        touch=touch,
        key=touch if small_screen else round(touch * 1.15),
        lang=lang,
        icon=round(base * (2.6 if small_screen else 3.2)),
        pad=pad,
        gap=gap,
        tile_pad=4 if small_screen else gap,
        header=lang + 8,
    )


KIOSK = scale_for(1280, 800, kiosk=True)
DESKTOP = scale_for(1280, 800, kiosk=False)


@cache
def stylesheet(scale: Scale) -> str:
    """The stylesheet at ``scale`` (read and filled once per scale: History and the main
    window ask for it on every open and rescale)."""
    template = Template(resource("styles", "loket.qss").read_text(encoding="utf-8"))
    values = {**COLOURS, **{k: str(getattr(scale, k)) for k in Scale._fields}}
    return template.substitute(values) + first_frame_icons()


def first_frame_icons() -> str:
    """The home tiles' icons and the header logo as stylesheet rules: Qt loads them in
    C++ while it styles the widgets, so the first frame makes no QIcon in Python."""
    from kiosk.products import PRODUCTS

    folder = resource("icons").as_posix()
    names = [*(product.icon for product in PRODUCTS), "search"]
    rules = [
        f'QToolButton#tile[iconName="{name}"] {{ qproperty-icon: url("{folder}/{name}.svg"); }}'
        for name in names
    ]
    rules.append(f'QLabel#logo {{ image: url("{folder}/logo.svg"); }}')
    return "\n" + "\n".join(rules) + "\n"


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

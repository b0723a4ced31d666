"""A receipt as monospace rows for 58 mm (32 columns) and 80 mm (48 columns) paper.

:func:`layout` yields styled rows that the ESC/POS writer prints with bold or
double height; :func:`render_text` is the same rows as plain text.
"""

from __future__ import annotations

import textwrap
from enum import Enum

from kiosk.receipt.model import Line, Receipt

WIDTHS = {"58mm": 32, "80mm": 48}
"""Characters per line in the printer's standard font (Font A)."""

_PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})


class Style(Enum):
    NORMAL = "normal"
    BOLD = "bold"
    BIG = "big"
    """Bold and double height: the total (the width stays, so the columns hold)."""


Row = tuple[str, Style]


def width_for(paper: str) -> int:
    """Columns for a paper setting; A4 (a system printer) falls back to 80 mm."""
    return WIDTHS.get(paper, WIDTHS["80mm"])


def plain(text: str) -> str:
    """ASCII stand-ins for the dashes and quotes a thermal code page may lack."""
    return text.translate(_PLAIN)


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(plain(text), width, break_on_hyphens=False) or [""]


def _centered(text: str, width: int, style: Style = Style.NORMAL) -> list[Row]:
    return [(part.center(width).rstrip(), style) for part in _wrap(text, width)]


def pair(label: str, value: str, width: int) -> list[str]:
    """``LABEL        value`` on one line; a long value wraps right-aligned in its column
    beside the label, or under the label when a word (an SN) would not fit there."""
    label, value = plain(label), plain(value)
    room = width - len(label) - 1
    if len(value) <= room:
        return [label + value.rjust(width - len(label))]
    if room >= width // 2 and all(len(word) <= room for word in value.split()):
        parts = _wrap(value, room)
        return [label + parts[0].rjust(width - len(label)), *(p.rjust(width) for p in parts[1:])]
    return [*_wrap(label, width), *(p.rjust(width) for p in _wrap(value, width))]


def _pairs(lines: tuple[Line, ...], width: int, style: Style = Style.NORMAL) -> list[Row]:
    return [(text, style) for label, value in lines for text in pair(label, value, width)]


def layout(receipt: Receipt, width: int) -> list[Row]:
    rule, double = "-" * width, "=" * width
    rows: list[Row] = _centered(receipt.shop_name, width, Style.BOLD)
    rows += _centered(receipt.title, width, Style.BOLD)
    if receipt.stamp:
        rows += _centered(f"*** {receipt.stamp} ***", width, Style.BOLD)
    if receipt.notice:
        rows.append((double, Style.NORMAL))
        rows += _centered(receipt.notice, width, Style.BOLD)
    rows.append((double if receipt.notice else rule, Style.NORMAL))
    rows += _pairs(receipt.lines, width)
    if receipt.money or receipt.total:
        rows.append((rule, Style.NORMAL))
        rows += _pairs(receipt.money, width)
    if receipt.total is not None:
        rows.append((double, Style.NORMAL))
        rows += _pairs((receipt.total,), width, Style.BIG)
        rows.append((double, Style.NORMAL))
    else:
        rows.append((rule, Style.NORMAL))
    first, *others = receipt.refs
    if receipt.pending:  # the number to check with later, on its own
        rows += _centered(first[0], width) + _centered(first[1], width, Style.BIG)
    else:
        rows += _pairs((first,), width, Style.BOLD)
    rows += _pairs(tuple(others), width)
    rows.append((rule, Style.NORMAL))
    if receipt.voucher:  # cash: the voucher, its code big enough to type from
        title, *rest = receipt.voucher
        rows += _centered(title[0], width, Style.BOLD)
        rows += _centered(title[1], width, Style.BIG)
        rows += _pairs(tuple(rest), width)
        rows.append((rule, Style.NORMAL))
    for note in receipt.footer:
        rows += _centered(note, width)
    rows += _centered(receipt.printed, width)
    return rows


def render_text(receipt: Receipt, width: int) -> str:
    return "\n".join(text for text, _ in layout(receipt, width)) + "\n"

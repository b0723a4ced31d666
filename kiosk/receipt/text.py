"""A receipt as monospace text for 58 mm (32 columns) and 80 mm (48 columns) paper."""

from __future__ import annotations

import textwrap

from kiosk.receipt.model import Receipt

WIDTHS = {"58mm": 32, "80mm": 48}


def _pair(label: str, value: str, width: int) -> list[str]:
    """``label ....... value``; a long value wraps under the label, right-aligned."""
    room = width - len(label) - 1
    if len(value) <= room:
        return [label + " " * (width - len(label) - len(value)) + value]
    out = [label[:width]]
    for part in textwrap.wrap(value, width) or [""]:
        out.append(part.rjust(width))
    return out


def render_text(receipt: Receipt, width: int) -> str:
    rule = "-" * width
    out = [receipt.shop_name.center(width)[:width]]
    out += [part.center(width) for part in textwrap.wrap(receipt.title, width)]
    out.append(receipt.printed_at.strftime("%d-%m-%Y %H:%M:%S").center(width))
    out.append(rule)
    for label, value in receipt.lines:
        out += _pair(label, value, width)
    out.append(rule)
    for label, value in receipt.money:
        out += _pair(label, value, width)
    out.append("=" * width)
    out += _pair(*receipt.total, width)
    out.append(rule)
    out += _pair("NO REF" if receipt.sn else "REF", receipt.sn or receipt.ref_id, width)
    if receipt.sn:
        out += _pair("REF ID", receipt.ref_id, width)
    out.append(rule)
    for note in receipt.footer:
        out += [part.center(width) for part in textwrap.wrap(note, width)]
    return "\n".join(line.rstrip() for line in out) + "\n"

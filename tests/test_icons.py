"""Every icon in resources/icons is valid SVG that Qt renders, and none is blank.

Also draws a contact sheet of all icons (artifacts/screenshots/icons.png) to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from kiosk.resources import resource

PRODUCT_ICONS = [
    "pln",
    "pdam",
    "bpjs",
    "hp",
    "internet",
    "tv",
    "multifinance",
    "pbb",
    "pgas",
    "plnnontaglis",
    "emoney",
    "samsat",
    "kirimuang",
]
UI_ICONS = [
    "status-success",
    "status-pending",
    "status-failed",
    "back",
    "copy",
    "print",
    "search",
    "offline",
    "online",
    "backspace",
    "settings",
    "history",
    "logo",
    "language",
]
ALL_ICONS = PRODUCT_ICONS + UI_ICONS


def icon_path(name: str) -> Path:
    return resource("icons", f"{name}.svg")


def render(name: str, size: int) -> QImage:
    renderer = QSvgRenderer(str(icon_path(name)))
    assert renderer.isValid(), f"{name}.svg is not valid SVG for Qt"
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def opaque_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_is_self_contained_svg(name: str) -> None:
    text = icon_path(name).read_text(encoding="utf-8")
    assert 'viewBox="0 0 64 64"' in text
    # Nothing Qt's SVG Tiny renderer would fetch, guess or ignore.
    for forbidden in ("<text", "<image", "href", "currentColor", "font-family", "url("):
        assert forbidden not in text, f"{name}.svg uses {forbidden}"
    widths = [float(w) for w in re.findall(r'stroke-width="([\d.]+)"', text)]
    assert all(w >= 3 for w in widths), f"{name}.svg has a stroke thinner than 3: {widths}"


@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_renders_and_is_not_blank(qapp, name: str) -> None:
    renderer = QSvgRenderer(str(icon_path(name)))
    assert renderer.isValid()
    assert renderer.viewBoxF() == QRectF(0, 0, 64, 64)
    image = render(name, 64)
    # At least a few percent of the square is painted: a real glyph, not a speck.
    assert opaque_pixels(image) > 64 * 64 * 0.05


def test_icon_contact_sheet(qapp, screenshots_dir: Path) -> None:
    size, columns, pad, label = 96, 7, 16, 22
    cell_w, cell_h = size + 2 * pad + 24, size + 2 * pad + label
    rows = -(-len(ALL_ICONS) // columns)
    sheet = QImage(columns * cell_w, rows * cell_h, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#F3F4F6"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(13)
    painter.setFont(font)
    for index, name in enumerate(ALL_ICONS):
        x, y = (index % columns) * cell_w, (index // columns) * cell_h
        painter.setPen(QPen(QColor("#D1D5DB"), 1))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(QRectF(x + 4, y + 4, cell_w - 8, cell_h - 8), 10, 10)
        QSvgRenderer(str(icon_path(name))).render(
            painter, QRectF(x + (cell_w - size) / 2, y + pad, size, size)
        )
        painter.setPen(QColor("#111827"))
        painter.drawText(
            QRectF(x, y + pad + size + 2, cell_w, label),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            f"{name}.svg",
        )
    painter.end()
    target = screenshots_dir / "icons.png"
    assert sheet.save(str(target))
    assert target.stat().st_size > 0

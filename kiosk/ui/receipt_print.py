"""Receipts on paper through Qt: a PDF (58 mm, 80 mm or A4) and any system printer.

One HTML layout for :class:`QTextDocument`, laid out on the target device itself
(a 300 dpi PDF, a printer), so point sizes and the QR code come out true to size.
A roll receipt's page is exactly as long as its content.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from kiosk.receipt.model import Line, Receipt
from kiosk.receipt.qr import qr_matrix

PAPER_MM = {"58mm": 58.0, "80mm": 80.0, "a4": 210.0}
MARGIN_MM = {"58mm": 3.0, "80mm": 4.0, "a4": 35.0}
"""Side margins; thermal printers cannot print the outer few millimetres. An A4
receipt keeps a readable 140 mm column instead of stretching across the page."""
A4_HEIGHT_MM = 297.0
A4_TOP_MM = 20.0
FONTS = "'DejaVu Sans', 'Segoe UI', Arial, sans-serif"
MONO = "'DejaVu Sans Mono', Consolas, 'Courier New', monospace"
QR_URL = QUrl("loket://qr")
QR_PX = {"58mm": 100, "80mm": 120, "a4": 140}
"""QR size in CSS pixels (1/96 in): about 26, 32 and 37 mm."""
VALUE_CHARS = {"58mm": 19, "80mm": 25, "a4": 60}
"""About as many characters as the value column holds on one line: a longer value
without spaces (an SN, a chassis number), or one twice as long, goes on a row of
its own under its label; shorter ones wrap inside the column."""


def qr_image(payload: str, scale: int = 8) -> QImage:
    """The QR code as a crisp black-on-white image, ``scale`` pixels per module."""
    matrix = qr_matrix(payload, border=2)
    size = len(matrix) * scale
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, black)
    painter.end()
    return image


def _rows(lines: tuple[Line, ...], paper: str, *, cls: str = "", mono: bool = False) -> str:
    e = html.escape
    value_style = f"font-family:{MONO};" if mono else ""
    out = []
    for label, value in lines:
        room = VALUE_CHARS.get(paper, 25) * (5 if mono else 6) // 6  # monospace is wider
        if len(value) > 2 * room or (len(value) > room and " " not in value):
            out.append(
                f'<tr class="{cls}"><td colspan="2">{e(label)}</td></tr>'
                f'<tr class="{cls}"><td colspan="2" align="right" style="{value_style}">'
                f"{e(value)}</td></tr>"
            )
        else:
            out.append(
                f'<tr class="{cls}"><td>{e(label)}</td>'
                f'<td align="right" style="{value_style}">{e(value)}</td></tr>'
            )
    return "".join(out)


def _table(body: str) -> str:
    return f'<table width="100%" cellspacing="0" cellpadding="1">{body}</table>'


def receipt_html(receipt: Receipt, paper: str) -> str:
    """The receipt as QTextDocument HTML; the QR code is the ``loket://qr`` resource."""
    e = html.escape
    a4 = paper == "a4"
    font = 11 if a4 else (7.5 if paper == "58mm" else 8.5)
    rule = '<hr style="margin:0;"/>'
    parts = [
        f'<p align="center" class="shop">{e(receipt.shop_name)}</p>',
        f'<p align="center" class="title">{e(receipt.title)}</p>',
    ]
    if receipt.stamp:
        parts.append(f'<p align="center" class="stamp">*** {e(receipt.stamp)} ***</p>')
    if receipt.notice:
        parts.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
            'style="border-collapse:collapse; border-style:solid;" class="notice">'
            f'<tr><td align="center"><b>{e(receipt.notice)}</b></td></tr></table>'
        )
    parts += [rule, _table(_rows(receipt.lines, paper))]
    if receipt.money or receipt.total:
        parts += [rule, _table(_rows(receipt.money, paper))]
    if receipt.total is not None:
        label, value = receipt.total
        parts += [
            rule,
            _table(f'<tr class="total"><td>{e(label)}</td><td align="right">{e(value)}</td></tr>'),
        ]
    first, *others = receipt.refs
    if receipt.pending:  # the number to check with later, big enough to read off faded paper
        refs = (
            f'<p align="center">{e(first[0])}</p><p align="center" class="bigref">{e(first[1])}</p>'
        )
    else:
        refs = _table(
            _rows((first,), paper, cls="sn", mono=True) + _rows(tuple(others), paper, mono=True)
        )
    if receipt.voucher:  # cash: the voucher, its code big enough to type from
        (title, code), *rest = receipt.voucher
        refs += (
            f'{rule}<p align="center"><b>{e(title)}</b></p>'
            f'<p align="center" class="bigref">{e(code)}</p>' + _table(_rows(tuple(rest), paper))
        )
    parts += [
        rule,
        refs,
        f'<p align="center" class="qr"><img src="{QR_URL.toString()}" '
        f'width="{QR_PX.get(paper, 120)}" height="{QR_PX.get(paper, 120)}"/></p>',
        *(f'<p align="center" class="foot">{e(note)}</p>' for note in receipt.footer),
        f'<p align="center" class="printed">{e(receipt.printed)}</p>',
    ]
    style = f"""
body {{ font-family:{FONTS}; font-size:{font}pt; color:#000; }}
p {{ margin:0; }}
td {{ padding:1px 0; }}
p.shop {{ font-size:{font + 1.5}pt; font-weight:bold; }}
p.title {{ font-size:{font}pt; font-weight:bold; margin-bottom:4px; }}
p.stamp {{ font-weight:bold; margin-bottom:4px; }}
table.notice {{ margin:4px 0; border-color:#000; }}
p.bigref {{ font-family:{MONO}; font-size:{font + 4}pt; font-weight:bold; }}
tr.total td {{ font-size:{font + 3}pt; font-weight:bold; padding:3px 0; }}
tr.sn td {{ font-weight:bold; }}
p.qr {{ margin:8px 0 6px 0; }}
p.foot {{ font-size:{font - 0.5}pt; margin-bottom:3px; }}
p.printed {{ font-size:{font - 1}pt; color:#333; margin-top:4px; }}
"""
    return f"<html><head><style>{style}</style></head><body>{''.join(parts)}</body></html>"


def receipt_document(receipt: Receipt, paper: str, device: QPagedPaintDevice) -> QTextDocument:
    """The receipt laid out on ``device`` at the paper's printable width."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, qr_image(receipt.qr_payload))
    doc.setHtml(receipt_html(receipt, paper))
    dpi = device.logicalDpiX()
    width_mm = PAPER_MM.get(paper, 80.0) - 2 * MARGIN_MM.get(paper, 4.0)
    doc.setTextWidth(width_mm / 25.4 * dpi)
    return doc


def _page_size(doc: QTextDocument, paper: str, dpi: int) -> tuple[QPageSize, QMarginsF]:
    """A roll page as long as the content (A4 stays A4) and its margins in mm."""
    side = MARGIN_MM.get(paper, 4.0)
    if paper == "a4":
        return QPageSize(QPageSize.PageSizeId.A4), QMarginsF(side, A4_TOP_MM, side, A4_TOP_MM)
    height_mm = doc.size().height() / dpi * 25.4 + 2 * side + 6.0  # + room to tear off
    size = QSizeF(PAPER_MM.get(paper, 80.0), height_mm)
    return QPageSize(size, QPageSize.Unit.Millimeter, "Receipt"), QMarginsF(side, side, side, side)


def _paint(doc: QTextDocument, device: QPagedPaintDevice) -> None:
    painter = QPainter(device)
    try:
        clip = QRectF(0, 0, doc.textWidth(), doc.size().height())
        doc.drawContents(painter, clip)
    finally:
        painter.end()


def save_pdf(receipt: Receipt, path: Path, paper: str = "80mm") -> Path:
    """Write the receipt as a PDF: a 58/80 mm roll page as long as the receipt, or A4."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(receipt.title)
    writer.setCreator("Loket")
    doc = receipt_document(receipt, paper, writer)
    page, margins = _page_size(doc, paper, writer.logicalDpiY())
    writer.setPageLayout(
        QPageLayout(page, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)
    )
    _paint(doc, writer)
    return path


def print_receipt(receipt: Receipt, parent: QWidget, paper: str = "80mm") -> None:
    """A print preview on the system printer, the page set for ``paper`` (not in tests)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    probe = receipt_document(receipt, paper, printer)
    page, margins = _page_size(probe, paper, printer.logicalDpiY())
    printer.setPageLayout(
        QPageLayout(page, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)
    )
    dialog = QPrintPreviewDialog(printer, parent)

    def paint(target: QPrinter) -> None:
        _paint(receipt_document(receipt, paper, target), target)

    dialog.paintRequested.connect(paint)
    dialog.exec()

"""Receipts on paper: PDF (58 mm, 80 mm, A4) and any system printer, via Qt."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from kiosk.receipt.model import Receipt
from kiosk.receipt.qr import qr_matrix

PAPER_MM = {"58mm": 58.0, "80mm": 80.0, "a4": 210.0}
MARGIN_MM = 3.0
QR_URL = QUrl("loket://qr")


def qr_image(payload: str, scale: int = 8) -> QImage:
    matrix = qr_matrix(payload)
    size = len(matrix) * scale
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, QColor("black"))
    painter.end()
    return image


def receipt_html(receipt: Receipt, paper: str) -> str:
    e = html.escape
    big = paper == "a4"
    font = 11 if big else 8

    stack_over = {"58mm": 12, "80mm": 15}.get(paper, 60)

    def rows(pairs: tuple[tuple[str, str], ...], bold: bool = False) -> str:
        weight = "font-weight:bold;" if bold else ""
        out = []
        for k, v in pairs:
            if len(v) > stack_over:  # a long value gets its own line: an SN is never split
                out.append(f'<tr><td colspan="2" style="{weight}">{e(k)}</td></tr>'
                           f'<tr><td colspan="2" align="right" style="{weight}">{e(v)}</td></tr>')  # fmt: skip
            else:
                out.append(f'<tr><td style="{weight}">{e(k)}</td>'
                           f'<td align="right" style="{weight}">{e(v)}</td></tr>')  # fmt: skip
        return "".join(out)

    ref = (("NO REF", receipt.sn),) if receipt.sn else ()
    qr_px = 160 if big else 110
    return f"""
<div style="font-family:'DejaVu Sans'; font-size:{font}pt;">
<p align="center" style="margin:0;"><b>{e(receipt.shop_name)}</b></p>
<p align="center" style="margin:0; font-size:{font + 1}pt;"><b>{e(receipt.title)}</b></p>
<p align="center" style="margin:0;">{receipt.printed_at.strftime("%d-%m-%Y %H:%M:%S")}</p>
{"<p align='center'><b>CETAK ULANG</b></p>" if receipt.reprint else ""}
<hr/>
<table width="100%" cellspacing="0" cellpadding="1">{rows(receipt.lines)}</table>
<hr/>
<table width="100%" cellspacing="0" cellpadding="1">{rows(receipt.money)}
<tr><td colspan="2"><hr/></td></tr>
{rows((receipt.total,), bold=True)}</table>
<hr/>
<table width="100%" cellspacing="0" cellpadding="1">{rows(ref, bold=True)}{rows((("REF ID", receipt.ref_id),))}</table>
<p align="center"><img src="{QR_URL.toString()}" width="{qr_px}" height="{qr_px}"/></p>
{"".join(f'<p align="center" style="margin:2px;">{e(note)}</p>' for note in receipt.footer if note != "CETAK ULANG")}
</div>"""


def _document(receipt: Receipt, paper: str, width_pt: float) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, qr_image(receipt.qr_payload))
    doc.setHtml(receipt_html(receipt, paper))
    doc.setTextWidth(width_pt)
    return doc


def save_pdf(receipt: Receipt, path: Path, paper: str = "80mm") -> Path:
    """Write the receipt as a PDF whose page is as long as the receipt (A4 for "a4")."""
    width_mm = PAPER_MM.get(paper, 80.0)
    margin = 15.0 if paper == "a4" else MARGIN_MM
    width_pt = (width_mm - 2 * margin) / 25.4 * 72
    doc = _document(receipt, paper, width_pt)
    height_mm = doc.size().height() * 25.4 / 72 + 2 * margin
    if paper == "a4":
        height_mm = max(height_mm, 297.0)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageSize(QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(receipt.title)
    painter = QPainter(writer)
    scale = writer.resolution() / 72
    painter.scale(scale, scale)
    painter.translate(margin / 25.4 * 72, margin / 25.4 * 72)
    doc.drawContents(painter)
    painter.end()
    return path


def print_receipt(receipt: Receipt, parent: QWidget, paper: str = "80mm") -> None:
    """A preview dialog on the system printer (not used in tests)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)

    def paint(target: QPrinter) -> None:
        width_pt = target.pageRect(QPrinter.Unit.Point).width()
        _document(receipt, paper, width_pt).print_(target)

    dialog.paintRequested.connect(paint)
    dialog.exec()

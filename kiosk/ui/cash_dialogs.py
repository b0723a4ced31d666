"""The dialogs behind the cash desk's menu items (``kiosk.ui.cash_desk``): "Ambil uang"
counts the cash box, "Tukar voucher" pays a voucher out. Their own module so the desk,
made with the window, does not import dialog classes the first frame never shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Lang, Text


class CollectDialog(QDialog):
    """The journal's count per note, the staff's own count beside it, then the report."""

    def __init__(self, box: Any, uncertain: int, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang: Lang = "en" if lang == "en" else "id"
        column = QVBoxLayout(self)
        grid = QGridLayout()
        heads = (Text("Pecahan", "Note"), Text("Catatan", "Journal"), Text("Dihitung", "Counted"))
        for col, head in enumerate(heads):
            grid.addWidget(QLabel(f"<b>{head.get(self.lang)}</b>"), 0, col)
        self.counts: dict[int, QSpinBox] = {}
        for row, value in enumerate(sorted(box), start=1):
            grid.addWidget(QLabel(format_rupiah(value, self.lang)), row, 0)
            grid.addWidget(QLabel(str(box[value])), row, 1)
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setValue(box[value])
            grid.addWidget(spin, row, 2)
            self.counts[value] = spin
        column.addLayout(grid)
        total = sum(v * n for v, n in box.items())
        summary = Text(
            f"Total catatan: {format_rupiah(total, 'id')}; uang belum pasti: {uncertain}",
            f"Journal total: {format_rupiah(total, 'en')}; uncertain notes: {uncertain}",
        )
        self.summary = QLabel(summary.get(self.lang))
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        self.report = QLabel()
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        from PySide6.QtCore import Qt  # late: the Qt namespace is slow to build

        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report.hide()
        column.addWidget(self.report)
        row_box = QHBoxLayout()
        self.confirm = QPushButton(
            Text("Simpan dan cetak laporan", "Save and print the report").get(self.lang)
        )
        self.confirm.setObjectName("primary")
        close = QPushButton(Text("Tutup", "Close").get(self.lang))
        close.clicked.connect(self.accept)
        row_box.addWidget(close)
        row_box.addWidget(self.confirm, 1)
        column.addLayout(row_box)

    def physical(self) -> dict[int, int]:
        return {value: spin.value() for value, spin in self.counts.items()}

    def show_report(self, done: tuple[list[str], Path]) -> None:
        lines, path = done
        saved = Text(f"Disimpan: {path}", f"Saved: {path}").get(self.lang)
        self.show_lines([*lines, "", saved])

    def show_lines(self, lines: list[str]) -> None:
        self.report.setText("\n".join(lines))
        self.report.show()


class PayOutDialog(QDialog):
    """Type the voucher's code; the ledger pays it out once and says why it refuses."""

    def __init__(self, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang: Lang = "en" if lang == "en" else "id"
        column = QVBoxLayout(self)
        column.addWidget(QLabel(Text("Kode voucher", "Voucher code").get(self.lang)))
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCDE-FGHJK")
        column.addWidget(self.code)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        column.addWidget(self.answer)
        self.pay = QPushButton(Text("Bayar tunai", "Pay out in cash").get(self.lang))
        self.pay.setObjectName("primary")
        column.addWidget(self.pay)

    def show_paid(self, voucher: Any) -> None:
        amount = format_rupiah(voucher.amount, self.lang)
        self.answer.setText(
            Text(
                f"Berikan {amount} tunai kepada pelanggan. Voucher "
                f"{voucher.display_code} sudah ditukar.",
                f"Give the customer {amount} in cash. Voucher {voucher.display_code} is paid out.",
            ).get(self.lang)
        )
        self.code.clear()
        self.pay.setEnabled(True)

    def show_refusal(self, exc: BaseException) -> None:
        words = getattr(exc, "words", None)
        self.answer.setText(words.get(self.lang) if isinstance(words, Text) else str(exc))
        self.pay.setEnabled(True)


def format_rupiah(amount: int, lang: str = "id") -> str:
    """``kiosk.money.format_rupiah``, imported when a dialog needs it (decimal is not
    on the first frame's path)."""
    from kiosk.money import format_rupiah as fmt

    return fmt(amount, "en" if lang == "en" else "id")

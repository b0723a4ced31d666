"""Tutup Kasir: the WIB day's numbers, the provider balance from the opening balance,
and the cash counted in the drawer against what should be there.

A view only: the numbers come from ``journal.daily_summary(day)`` (read in the worker
by the shop desk); the cash arithmetic is plain integer Rupiah.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Lang
from kiosk.journal import DailySummary
from kiosk.money import format_rupiah
from kiosk.ui.theme import DESKTOP, stylesheet
from kiosk.ui.widgets import repolish

DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def _rupiah_field() -> QLineEdit:
    field = QLineEdit()
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}")))
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    field.setAlignment(Qt.AlignmentFlag.AlignRight)
    field.setPlaceholderText("0")
    return field


class ClosingView(QWidget):
    """Tutup Kasir: a heading (shop, WIB day), the day's numbers, a cash count with its
    difference, printable as text and exportable as CSV."""

    def __init__(
        self,
        summary: DailySummary,
        lang: Lang = "id",
        parent: QWidget | None = None,
        *,
        shop_name: str = "",
        machine_cash: list[tuple[str, str]] | None = None,
    ) -> None:
        """``machine_cash``: the bill acceptor's day (notes in, vouchers), in cash mode."""
        super().__init__(parent)
        self.summary, self.lang, self.shop_name = summary, lang, shop_name
        self.machine_cash = machine_cash or []
        self.values: dict[str, str] = {}
        """Every number as shown, by its label (printing, export, tests)."""
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        self.title = QLabel(self.tr("Tutup Kasir"))
        self.title.setObjectName("title")
        self.heading = QLabel(self.day_words())
        self.heading.setObjectName("subtitle")
        self.heading.setWordWrap(True)
        column.addWidget(self.title)
        column.addWidget(self.heading)
        # The numbers and the cash count scroll; the heading and the buttons stay in view
        # (an 800×480 panel has room for about half of it).
        self.body = QScrollArea()
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("closingBody")
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(12)
        self.numbers = QGridLayout()
        self.numbers.setHorizontalSpacing(32)
        self.numbers.setVerticalSpacing(6)
        self._row = 0
        self._fill_numbers()
        if self.machine_cash:
            self._section(self.tr("Uang tunai di mesin (penerima uang kertas)"))
            for label, value in self.machine_cash:
                self._line(label, value)
        body.addLayout(self.numbers)
        body.addWidget(self._cash_box())
        self.pending_note = QLabel()
        self.pending_note.setObjectName("notice")
        self.pending_note.setWordWrap(True)
        if summary.pendings:
            self.pending_note.setText(
                self.tr(
                    "%1 pembayaran belum pasti: uangnya belum dihitung di atas. Selesaikan lewat "
                    "Riwayat Transaksi."
                ).replace("%1", str(summary.pendings))
            )
        self.pending_note.setVisible(summary.pendings > 0)
        body.addWidget(self.pending_note)
        body.addStretch(1)
        self.body.setWidget(inner)
        column.addWidget(self.body, 1)
        buttons = QHBoxLayout()
        self.print = QPushButton(self.tr("Cetak"))
        self.export = QPushButton(self.tr("Ekspor CSV"))
        self.done = QPushButton(self.tr("Tutup"))
        self.print.clicked.connect(self._on_print_clicked)
        self.export.clicked.connect(self._on_export_clicked)
        self.done.clicked.connect(self.close)
        buttons.addWidget(self.print)
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        buttons.addWidget(self.done)
        column.addLayout(buttons)
        self.setWindowTitle(self.tr("Tutup Kasir"))
        self.setStyleSheet(stylesheet(DESKTOP))
        self.setMinimumSize(360, 300)
        self.resize(680, 800)
        self._on_cash_edited()

    def day_words(self) -> str:
        day, lang = self.summary.day, self.lang
        when = (
            f"{DAYS[lang][day.weekday()]}, {day.day} {MONTHS[lang][day.month - 1]} {day.year} (WIB)"
        )
        return f"{self.shop_name} · {when}" if self.shop_name else when

    def _money(self, amount: object) -> str:
        return "–" if amount is None else format_rupiah(amount, self.lang)  # type: ignore[arg-type]

    def _section(self, title: str) -> None:
        label = QLabel(title)
        label.setObjectName("subtitle")
        self.numbers.addWidget(label, self._row, 0, 1, 2)
        self._row += 1

    def _line(self, label: str, value: str) -> QLabel:
        name = QLabel(label)
        shown = QLabel(value)
        shown.setObjectName("fieldValue")
        shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        shown.setAccessibleName(f"{label}: {value}")
        self.numbers.addWidget(name, self._row, 0)
        self.numbers.addWidget(shown, self._row, 1)
        self._row += 1
        self.values[label] = value
        return shown

    def _fill_numbers(self) -> None:
        s = self.summary
        self._section(self.tr("Transaksi"))
        self._line(self.tr("Jumlah transaksi"), str(s.transactions))
        self._line(self.tr("Sukses"), str(s.successes))
        self._line(self.tr("Gagal"), str(s.failures))
        self._line(self.tr("Pending"), str(s.pendings))
        self._section(self.tr("Uang"))
        self._line(self.tr("Total diterima"), self._money(s.collected))
        self._line(self.tr("Biaya admin"), self._money(s.admin_fees))
        self._line(self.tr("Adm Loket"), self._money(s.shop_fees))
        self._section(self.tr("Saldo penyedia"))
        self._line(self.tr("Saldo awal"), self._money(s.balance_first))
        self._line(self.tr("Saldo akhir"), self._money(s.balance_last))
        self._line(self.tr("Perubahan saldo penyedia"), self._money(s.balance_change))

    def _cash_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("card")
        grid = QGridLayout(box)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(24)
        heading = QLabel(self.tr("Hitung kas di laci"))
        heading.setObjectName("subtitle")
        grid.addWidget(heading, 0, 0, 1, 2)
        self.float_field = _rupiah_field()
        self.counted_field = _rupiah_field()
        self.expected = QLabel()
        self.expected.setObjectName("fieldValue")
        self.difference = QLabel()
        self.difference.setWordWrap(True)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Modal awal di laci (Rp)"), self.float_field),
            (self.tr("Seharusnya ada"), self.expected),
            (self.tr("Uang dihitung (Rp)"), self.counted_field),
        ]
        for index, (label, widget) in enumerate(rows, start=1):
            name = QLabel(label)
            name.setBuddy(widget)
            grid.addWidget(name, index, 0)
            grid.addWidget(widget, index, 1)
        grid.addWidget(self.difference, len(rows) + 1, 0, 1, 2)
        self.expected.setAlignment(Qt.AlignmentFlag.AlignRight)
        for field in (self.float_field, self.counted_field):
            field.textEdited.connect(self._on_cash_edited)
        return box

    @staticmethod
    def _amount(field: QLineEdit) -> int:
        return int(field.text()) if field.text() else 0

    def expected_cash(self) -> int:
        """The opening float plus what successful payments collected (shop fees included)."""
        return self._amount(self.float_field) + self.summary.collected

    def cash_difference(self) -> int | None:
        """Counted minus expected; None until the cash is counted."""
        if not self.counted_field.text():
            return None
        return self._amount(self.counted_field) - self.expected_cash()

    def difference_words(self) -> str:
        diff = self.cash_difference()
        if diff is None:
            return self.tr("Ketik uang tunai yang dihitung di laci.")
        if diff == 0:
            return self.tr("Cocok: kas sesuai.")
        amount = format_rupiah(abs(diff), self.lang)
        if diff > 0:
            return self.tr("Selisih: lebih %1").replace("%1", amount)
        return self.tr("Selisih: kurang %1").replace("%1", amount)

    def _on_cash_edited(self, *_: object) -> None:
        self.expected.setText(format_rupiah(self.expected_cash(), self.lang))
        diff = self.cash_difference()
        self.difference.setObjectName(
            "muted" if diff is None else "printed" if diff == 0 else "error"
        )
        repolish(self.difference)
        self.difference.setText(self.difference_words())

    def as_text(self) -> str:
        lines = [self.tr("Tutup Kasir"), self.day_words(), ""]
        lines += [f"{k}: {v}" for k, v in self.values.items()]
        for label, value in self.cash_lines():
            lines.append(f"{label}: {value}")
        return "\n".join(lines)

    def cash_lines(self) -> list[tuple[str, str]]:
        """The cash count as label/value pairs, once the cash is counted."""
        diff = self.cash_difference()
        if diff is None:
            return []
        return [
            (self.tr("Modal awal di laci (Rp)"), self._money(self._amount(self.float_field))),
            (self.tr("Seharusnya ada"), self._money(self.expected_cash())),
            (self.tr("Uang dihitung (Rp)"), self._money(self._amount(self.counted_field))),
            (self.tr("Selisih"), self._money(diff)),
        ]

    def export_to(self, path: Path) -> Path:
        import csv

        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([self.tr("Tanggal"), self.summary.day.isoformat()])
            writer.writerows(self.values.items())
            writer.writerows(self.cash_lines())
        return path

    def _on_export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor CSV"), f"tutup-kasir-{self.summary.day}.csv", "CSV (*.csv)"
        )
        if name:
            self.export_to(Path(name))

    def _on_print_clicked(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        document = QTextDocument()
        document.setPlainText(self.as_text())
        printer = QPrinter()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(document.print_)
        dialog.open()

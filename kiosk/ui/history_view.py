"""History and Tutup Kasir: desktop screens for the shopkeeper.

A lazy table over the journal with search and filters, opening a row shows
its result pane, re-check asks the API again, and the day's closing sums up.
Views only: the journal is read through the model; re-checks go through the
controller's worker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.business_day import business_day, now
from kiosk.i18n import Lang
from kiosk.journal import DailySummary, HistoryFilter, Journal, PaymentState
from kiosk.money import format_rupiah
from kiosk.products import PRODUCTS
from kiosk.ui.history_model import HistoryModel
from kiosk.ui.theme import DESKTOP, stylesheet


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class HistoryView(QWidget):
    """Signals: ``open_requested(str ref_id)``, ``recheck_requested(str ref_id)``,
    ``export_requested()`` (the desk asks for the admin PIN, then calls ``ask_export``),
    ``resolve_requested(str ref_id)`` (a person decides an unresolved payment, behind the PIN)."""

    open_requested = Signal(str)
    recheck_requested = Signal(str)
    resolve_requested = Signal(str)
    export_requested = Signal()

    def __init__(self, journal: Journal, lang: Lang = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang: Lang = lang
        self.model = HistoryModel(journal, lang)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari nomor, no. ref, SN"))  # fits the box
        self.search.setAccessibleName(self.tr("Cari nomor pelanggan, no. referensi atau SN"))
        self.search.setToolTip(self.search.accessibleName())
        self.day_from, self.day_to = QDateEdit(), QDateEdit()
        for edit in (self.day_from, self.day_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setDate(_qdate(business_day(now())))
        self.day_from.setAccessibleName(self.tr("Dari tanggal"))
        self.day_to.setAccessibleName(self.tr("Sampai tanggal"))
        self.product = QComboBox()
        self.product.addItem(self.tr("Semua produk"), None)
        for prod in PRODUCTS:
            self.product.addItem(prod.name.get(lang), prod.code)
        self.state = QComboBox()
        self.state.addItem(self.tr("Semua status"), None)
        for state in (PaymentState.SUCCESS, PaymentState.PENDING, PaymentState.UNKNOWN,
                      PaymentState.DECLINED, PaymentState.REVIEW, PaymentState.FAILED):  # fmt: skip
            self.state.addItem(state.label.get(lang), state)
        self.product.setAccessibleName(self.tr("Produk"))
        self.state.setAccessibleName(self.tr("Status"))
        bar.addWidget(self.search, 3)
        for widget in (self.day_from, self.day_to, self.product, self.state):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(40)  # sample, never scan
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.count = QLabel()
        self.open = QPushButton(self.tr("Buka"))
        self.recheck = QPushButton(self.tr("Cek ulang status"))
        self.resolve = QPushButton(self.tr("Putuskan status…"))
        self.export = QPushButton(self.tr("Ekspor CSV"))
        self.open.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.recheck.clicked.connect(lambda: self._emit_selected(self.recheck_requested))
        self.resolve.clicked.connect(lambda: self._emit_selected(self.resolve_requested))
        self.export.clicked.connect(self.export_requested)
        buttons.addWidget(self.count, 1)
        for button in (self.open, self.recheck, self.resolve, self.export):
            button.setAccessibleName(button.text())
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.apply_filter)
        for edit in (self.day_from, self.day_to):
            edit.dateChanged.connect(self.apply_filter)
        self.product.currentIndexChanged.connect(self.apply_filter)
        self.state.currentIndexChanged.connect(self.apply_filter)
        self.setWindowTitle(self.tr("Riwayat Transaksi"))
        self.setStyleSheet(stylesheet(DESKTOP))
        self.resize(1200, 640)
        self.apply_filter()

    def current_filter(self) -> HistoryFilter:
        return HistoryFilter(
            text=self.search.text().strip(),
            day_from=self.day_from.date().toPython(),  # type: ignore[arg-type]
            day_to=self.day_to.date().toPython(),  # type: ignore[arg-type]
            product=self.product.currentData(),
            state=self.state.currentData(),
        )

    def apply_filter(self, *_: object) -> None:
        self.model.refresh(self.current_filter())
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 transaksi").replace("%1", str(self.model.total)))

    def _selected_ref(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.ref_id(rows[0].row()) if rows else None

    def _emit_selected(self, signal: SignalInstance) -> None:
        ref = self._selected_ref()
        if ref is not None:
            signal.emit(ref)

    def _on_table_double_clicked(self, index: object) -> None:
        self.open_requested.emit(self.model.ref_id(index.row()))  # type: ignore[attr-defined]

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor CSV"), "riwayat.csv", "CSV (*.csv)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> int:
        return self.model.journal.export_csv(self.current_filter(), path)


class ClosingView(QWidget):
    """Tutup Kasir: the day's numbers, printable as text and exportable."""

    def __init__(
        self, summary: DailySummary, lang: Lang = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        form = QFormLayout(self)
        change = summary.balance_change
        rows = [
            (self.tr("Tanggal"), summary.day.strftime("%d-%m-%Y")),
            (self.tr("Jumlah transaksi"), str(summary.transactions)),
            (self.tr("Sukses"), str(summary.successes)),
            (self.tr("Gagal"), str(summary.failures)),
            (self.tr("Pending"), str(summary.pendings)),
            (self.tr("Total diterima"), format_rupiah(lang=lang, amount=summary.collected)),
            (self.tr("Biaya admin"), format_rupiah(lang=lang, amount=summary.admin_fees)),
            (self.tr("Adm Loket"), format_rupiah(lang=lang, amount=summary.shop_fees)),
            (
                self.tr("Perubahan saldo penyedia"),
                "–" if change is None else format_rupiah(lang=lang, amount=change),
            ),
        ]
        self.values: dict[str, str] = {}
        for label, value in rows:
            shown = QLabel(value)
            shown.setObjectName("fieldValue")
            shown.setAlignment(Qt.AlignmentFlag.AlignRight)
            shown.setAccessibleName(f"{label}: {value}")
            form.addRow(label, shown)
            self.values[label] = value
        buttons = QHBoxLayout()
        self.print = QPushButton(self.tr("Cetak"))
        self.resolve = QPushButton(self.tr("Putuskan status…"))
        self.export = QPushButton(self.tr("Ekspor CSV"))
        self.print.clicked.connect(self._on_print_clicked)
        self.export.clicked.connect(self._on_export_clicked)
        buttons.addWidget(self.print)
        buttons.addWidget(self.export)
        form.addRow(buttons)
        self.setWindowTitle(self.tr("Tutup Kasir"))
        self.setStyleSheet(stylesheet(DESKTOP))

    def as_text(self) -> str:
        return "\n".join(f"{k}: {v}" for k, v in self.values.items())

    def export_to(self, path: Path) -> Path:
        import csv

        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(self.values.items())
        return path

    def _on_export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Ekspor CSV"),
                                              f"tutup-kasir-{self.summary.day}.csv", "CSV (*.csv)")  # fmt: skip
        if name:
            self.export_to(Path(name))

    def _on_print_clicked(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        document = QTextDocument()
        document.setPlainText(self.windowTitle() + "\n\n" + self.as_text())
        printer = QPrinter()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(document.print_)
        dialog.open()

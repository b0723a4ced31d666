"""History: the desktop screen for the shopkeeper (Tutup Kasir is ``closing_view``).

A lazy table over the journal with search and filters, opening a row shows
its result pane, re-check asks the API again, and the day's closing sums up.
Views only: the journal is read through the model; re-checks go through the
controller's worker.

Column widths are fixed from the font (never sampled from rows: at 100,000 rows
sampling costs more than the rest of the window), the name column takes what is
left, so the ref_id is always whole. Filter changes are coalesced: several in one
turn of the event loop (or a burst of typing) run one query and one model reset.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kiosk.business_day import business_day, now
from kiosk.i18n import Lang, Text
from kiosk.journal import HistoryFilter, Journal, PaymentState
from kiosk.journal.history_totals import HistoryTotals, history_totals
from kiosk.money import format_rupiah
from kiosk.products import PRODUCTS
from kiosk.ui.history_model import COLUMNS, TOTAL_COLUMN, HistoryModel
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import COLOURS, DESKTOP, stylesheet


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


SUCCESS_SUM = Text("Sukses: %1 transaksi, %2", "Successful: %1 transactions, %2")
TOTALS_FAILED = Text("Jumlah tidak dapat dihitung", "The sums could not be read")
SUM_NAME = Text("Jumlah kolom Total: %1", "Sum of the Total column: %1")
TYPING_PAUSE_MS = 250
"""Search runs when typing pauses, not on every key."""
NAME_COLUMN = 3
SAMPLES: dict[int, tuple[str, ...]] = {
    # column: the widest text it must show whole (digits for numbers). Longer customer
    # numbers (PBB: 18) and SNs are elided in the middle, whole in the tooltip; the
    # ref_id (14 digits) is always whole.
    0: ("00-00-0000 00:00",),
    2: ("0" * 16,),
    4: ("Rp 000.000.000",),
    6: ("0" * 17,),
    7: ("0" * 14,),
}


NARROW_PX = 1000
"""Below this width the filters wrap under the search box."""


class HistoryView(QWidget):
    """Signals: ``open_requested(str ref_id)``, ``recheck_requested(str ref_id)``,
    ``export_requested()`` (the desk asks for the admin PIN, then calls ``ask_export``),
    ``resolve_requested(str ref_id)`` (a person decides an unresolved payment, behind the PIN)."""

    open_requested = Signal(str)
    recheck_requested = Signal(str)
    resolve_requested = Signal(str)
    export_requested = Signal()

    def __init__(
        self,
        journal: Journal,
        lang: Lang = "id",
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang: Lang = lang
        self.runner = runner  # sums the totals row off the GUI thread (None: in line)
        self.totals: HistoryTotals | None = None
        self._asked: HistoryFilter | None = None
        self.model = HistoryModel(journal, lang, load=False)
        self._refilter = QTimer(self)
        self._refilter.setSingleShot(True)
        self._refilter.timeout.connect(self.apply_filter)
        layout = QVBoxLayout(self)
        self.bar = QGridLayout()
        self._bar_narrow: bool | None = None
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
        for state in (
            PaymentState.SUCCESS,
            PaymentState.PENDING,
            PaymentState.UNKNOWN,
            PaymentState.DECLINED,
            PaymentState.REVIEW,
            PaymentState.FAILED,
        ):
            self.state.addItem(state.label.get(lang), state)
        self.product.setAccessibleName(self.tr("Produk"))
        self.state.setAccessibleName(self.tr("Status"))
        self._arrange_bar(narrow=False)
        layout.addLayout(self.bar)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        layout.addWidget(self.table, 1)
        self.totals_row = QWidget()
        self.totals_row.setObjectName("totalsRow")
        self.totals_row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.totals_row.setStyleSheet(
            f"#totalsRow {{ background: {COLOURS['bg']}; border: 1px solid {COLOURS['border']};"
            " border-radius: 8px; }"
        )
        self.count = QLabel(self.totals_row)
        self.count.setObjectName("fieldValue")
        self.sum = QLabel(self.totals_row)
        self.sum.setObjectName("fieldValue")
        self.sum.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.success_sum = QLabel(self.totals_row)
        self._line = self.fontMetrics().height() + 14
        """One line of the totals row; a narrow window gives the successes a second one."""
        self.totals_row.setFixedHeight(self._line)
        self._placing = False
        header.sectionResized.connect(self._place_totals_soon)  # once per column: coalesced
        header.geometriesChanged.connect(self._place_totals_soon)
        layout.addWidget(self.totals_row)
        buttons = QHBoxLayout()
        self.open = QPushButton(self.tr("Buka"))
        self.recheck = QPushButton(self.tr("Cek ulang status"))
        self.resolve = QPushButton(self.tr("Putuskan status…"))
        self.export = QPushButton(self.tr("Ekspor CSV"))
        self.open.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.recheck.clicked.connect(lambda: self._emit_selected(self.recheck_requested))
        self.resolve.clicked.connect(lambda: self._emit_selected(self.resolve_requested))
        self.export.clicked.connect(self.export_requested)
        buttons.addStretch(1)
        for button in (self.open, self.recheck, self.resolve, self.export):
            button.setAccessibleName(button.text())
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self._on_search_text_changed)
        for edit in (self.day_from, self.day_to):
            edit.dateChanged.connect(self.schedule_filter)
        self.product.currentIndexChanged.connect(self.schedule_filter)
        self.state.currentIndexChanged.connect(self.schedule_filter)
        self.setWindowTitle(self.tr("Riwayat Transaksi"))
        self.setStyleSheet(stylesheet(DESKTOP))
        self._fix_column_widths()
        self.resize(1280, 720)
        self.schedule_filter()  # the first load too: the window opens at once

    def _fix_column_widths(self) -> None:
        """Widths from the font and the widest text each column can show."""
        self.table.ensurePolished()  # the stylesheet's table font, not the default one
        metrics = self.table.fontMetrics()
        bold = self.table.horizontalHeader().fontMetrics()
        products = tuple(prod.name.get(self.lang) for prod in PRODUCTS)
        states = tuple(state.label.get(self.lang) for state in PaymentState)
        samples = {**SAMPLES, 1: products, 5: states}
        for column, texts in samples.items():
            heading = COLUMNS[column].get(self.lang)
            widest = max(
                max(metrics.horizontalAdvance(t) for t in texts),
                bold.horizontalAdvance(heading) + 12,
            )
            self.table.setColumnWidth(column, widest + 14)

    def schedule_filter(self, *_: object) -> None:
        """Apply the filter once control returns to the event loop."""
        if not self._refilter.isActive() or self._refilter.interval() != 0:
            self._refilter.start(0)

    def _on_search_text_changed(self, _text: str) -> None:
        self._refilter.start(TYPING_PAUSE_MS)

    @property
    def pending_filter(self) -> bool:
        return self._refilter.isActive()

    def current_filter(self) -> HistoryFilter:
        return HistoryFilter(
            text=self.search.text().strip(),
            day_from=self.day_from.date().toPython(),  # type: ignore[arg-type]
            day_to=self.day_to.date().toPython(),  # type: ignore[arg-type]
            product=self.product.currentData(),
            state=self.state.currentData(),
        )

    def apply_filter(self, *_: object) -> None:
        self._refilter.stop()
        flt = self.current_filter()
        self.model.refresh(flt)
        self.count.setText(self.tr("%1 transaksi").replace("%1", self._number(self.model.total)))
        self.totals, self._asked = None, flt
        self.sum.setText("…")
        self.success_sum.setText("")
        path = self.model.journal.path
        if self.runner is None:
            self._on_totals_done((flt, history_totals(path, flt)))
        else:
            self.runner.submit(
                lambda: (flt, history_totals(path, flt)),
                on_done=self._on_totals_done,
                on_error=self._on_totals_error,
            )

    def _on_totals_done(self, answer: tuple[HistoryFilter, HistoryTotals]) -> None:
        flt, totals = answer
        if not isValid(self.sum) or flt != self._asked:
            return  # the window closed, or the filter changed: a newer sum is on its way
        self.totals = totals
        self.sum.setText(format_rupiah(totals.total, self.lang))
        self.success_sum.setText(
            SUCCESS_SUM.get(self.lang)
            .replace("%1", self._number(totals.successes))
            .replace("%2", format_rupiah(totals.success_total, self.lang))
        )
        self.sum.setAccessibleName(SUM_NAME.get(self.lang).replace("%1", self.sum.text()))
        self._place_totals()

    def _on_totals_error(self, exc: BaseException) -> None:
        if not isValid(self.sum):
            return  # the window closed meanwhile
        self.sum.setText("–")
        self.success_sum.setText(TOTALS_FAILED.get(self.lang))

    def _number(self, count: int) -> str:
        grouped = f"{count:,}"
        return grouped.replace(",", ".") if self.lang == "id" else grouped

    def _place_totals_soon(self, *_: object) -> None:
        """Line the totals row up once control returns to the event loop (setting eight
        column widths resizes eight sections: one placement, not eight)."""
        if not self._placing:
            self._placing = True
            QTimer.singleShot(0, self._place_totals)

    def _place_totals(self, *_: object) -> None:
        """The totals row lines up with the table's columns; the sum ends where the Total
        column ends and grows to the left when it is wider than the column."""
        self._placing = False
        if not isValid(self.sum):
            return  # the window was deleted before the queued placement ran
        header = self.table.horizontalHeader()
        left = (
            self.table.geometry().left()
            - self.totals_row.geometry().left()
            + self.table.frameWidth()
        )
        x_end = (
            left + header.sectionViewportPosition(TOTAL_COLUMN) + header.sectionSize(TOTAL_COLUMN)
        )
        width = max(header.sectionSize(TOTAL_COLUMN), self.sum.sizeHint().width() + 8)
        x_next = x_end + 8
        room = self.totals_row.width() - x_next
        beside = self.success_sum.sizeHint().width() <= room
        # Beside the Total column when it fits; on a narrow window (an 800×480 panel) the
        # successes take a second line of their own, read whole.
        height = self._line if beside else self._line - 5
        self.totals_row.setFixedHeight(self._line if beside else 2 * height)
        self.sum.setGeometry(x_end - 6 - width, 0, width, height)
        self.count.setGeometry(left + 8, 0, max(0, x_end - 6 - width - left - 16), height)
        if beside:
            self.success_sum.setGeometry(x_next, 0, max(0, room), height)
        else:
            inner = max(0, self.totals_row.width() - left - 16)
            self.success_sum.setGeometry(left + 8, height, inner, height)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._arrange_bar(narrow=self.width() < NARROW_PX)
        self._place_totals()

    def _arrange_bar(self, *, narrow: bool) -> None:
        """One row of filters on a desktop; on a small panel the search box takes its own
        row, so it is not squeezed to a few letters."""
        if narrow == self._bar_narrow:
            return
        self._bar_narrow = narrow
        filters: tuple[QWidget, ...] = (self.day_from, self.day_to, self.product, self.state)
        for each in (self.search, *filters):
            self.bar.removeWidget(each)
        if narrow:
            self.bar.addWidget(self.search, 0, 0, 1, len(filters))
            for column, widget in enumerate(filters):
                self.bar.addWidget(widget, 1, column)
                self.bar.setColumnStretch(column, 1)
        else:
            self.bar.addWidget(self.search, 0, 0)
            for column, widget in enumerate(filters, start=1):
                self.bar.addWidget(widget, 0, column)
                self.bar.setColumnStretch(column, 0)
            self.bar.setColumnStretch(0, 3)

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

"""The owner window (``python -m kiosk fleet``): every kiosk at a glance, live.

Polls the fleet views every ``every_ms`` through the TaskRunner (the database
is never touched on the GUI thread). Three tabs: Kiosk (one row per kiosk),
Peringatan (open alerts, with acknowledge), Jurnal (a kiosk's replicated journal,
searchable by customer number, SN or ref_id; double-click a kiosk to open it) and
Ringkasan harian (per-day totals across kiosks).

Signals: ``refreshed()`` after each successful poll; ``payments_found(int)`` after a
journal search; ``failed(str)`` when a poll, a search or an acknowledgement fails
(the text is shown in the status line).
"""

from __future__ import annotations

import getpass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.fleet.owner import FleetView, OwnerDb
from kiosk.i18n import Lang
from kiosk.ui.fleet_models import AlertsModel, DaysModel, KiosksModel, PaymentsModel, RowsModel
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import COLOURS


def _table(model: RowsModel, stretch: int | None = None) -> QTableView:
    """A read-only table; ``stretch`` takes the spare width (None: every column shares it)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    if stretch is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    # The shared stylesheet's light selection background needs dark text to stay readable.
    view.setStyleSheet(f"QTableView {{ selection-color: {COLOURS['text']}; }}")
    return view


class FleetWindow(QMainWindow):
    refreshed = Signal()
    payments_found = Signal(int)
    failed = Signal(str)

    def __init__(
        self, db: OwnerDb, runner: TaskRunner, *, lang: Lang = "id", every_ms: int = 10_000
    ) -> None:
        super().__init__()
        self.db, self.runner = db, runner
        self._polling = False
        self.setWindowTitle(self.tr("Loket — Armada kiosk"))
        self.kiosks, self.alerts, self.days = KiosksModel(lang), AlertsModel(lang), DaysModel(lang)
        self.payments = PaymentsModel(lang)
        self._name_models()
        self.summary = QLabel()
        self.summary.setObjectName("fleetSummary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        self.status_line = QLabel(self.tr("Memuat…"))
        self.ack_button = QPushButton(self.tr("Tandai sudah dilihat"))
        self.ack_button.setEnabled(False)
        self.ack_button.clicked.connect(self._on_ack_clicked)
        self.refresh_button = QPushButton(self.tr("Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)

        self.kiosk_view = _table(self.kiosks, stretch=1)
        self.alert_view = _table(self.alerts, stretch=3)
        self.alert_view.selectionModel().selectionChanged.connect(self._on_alert_selected)
        self.day_view = _table(self.days)
        self.kiosk_view.doubleClicked.connect(self._on_kiosk_opened)
        self.journal_page = self._journal_page()
        alerts_page = QWidget()
        alerts_box = QVBoxLayout(alerts_page)
        alerts_box.addWidget(self.alert_view)
        alerts_box.addWidget(self.ack_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.kiosk_view, self.tr("Kiosk"))
        self.tabs.addTab(alerts_page, self.tr("Peringatan"))
        self.tabs.addTab(self.journal_page, self.tr("Jurnal"))
        self.tabs.addTab(self.day_view, self.tr("Ringkasan harian"))

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_line)
        self.setCentralWidget(body)
        self.resize(1180, 560)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(every_ms)

    def _name_models(self) -> None:
        self.kiosks.headers = (
            self.tr("Kiosk"),
            self.tr("Nama"),
            self.tr("Online"),
            self.tr("Deposit"),
            self.tr("Printer / kertas"),
            self.tr("Kotak uang"),
            self.tr("Transaksi terakhir"),
            self.tr("Belum selesai"),
            self.tr("Hari ini"),
        )
        self.kiosks.yes, self.kiosks.no = self.tr("Ya"), self.tr("TIDAK")
        self.kiosks.words = {
            "ok": self.tr("baik"),
            "fault": self.tr("rusak"),
            "none": self.tr("tidak ada"),
            "low": self.tr("menipis"),
            "out": self.tr("habis"),
        }
        self.alerts.headers = (
            self.tr("Status"),
            self.tr("Kiosk"),
            self.tr("Sejak"),
            self.tr("Peringatan"),
        )
        self.alerts.acked, self.alerts.open_word = self.tr("dilihat"), self.tr("BARU")
        self.days.headers = (
            self.tr("Tanggal"),
            self.tr("Kiosk"),
            self.tr("Transaksi"),
            self.tr("Sukses"),
            self.tr("Gagal"),
            self.tr("Belum selesai"),
            self.tr("Jumlah sukses"),
        )

    def _journal_page(self) -> QWidget:
        self.kiosk_choice = QComboBox()
        self.kiosk_choice.addItem(self.tr("Semua kiosk"), None)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Nomor pelanggan, SN atau no. referensi"))
        self.search_field.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Cari"))
        self.search_button.clicked.connect(self.search)
        self.payment_view = _table(self.payments)
        page = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(self.kiosk_choice)
        bar.addWidget(self.search_field, 1)
        bar.addWidget(self.search_button)
        box = QVBoxLayout(page)
        box.addLayout(bar)
        box.addWidget(self.payment_view, 1)
        return page

    # -- polling (worker) → models (GUI thread) -------------------------------------

    def refresh(self) -> None:
        if self._polling:
            return
        self._polling = True
        self.runner.submit(self.db.view, on_done=self._on_view_done, on_error=self._on_view_error)

    def _on_view_done(self, view: FleetView) -> None:
        self._polling = False
        self.kiosks.set_rows(view.kiosks)
        self.alerts.set_rows(view.alerts)
        self.days.set_rows(view.days)
        online = sum(1 for k in view.kiosks if k["online"])
        fresh = sum(1 for a in view.alerts if not a["acknowledged"])
        self.summary.setText(
            self.tr("%1 dari %2 kiosk online · %3 peringatan baru")
            .replace("%1", str(online))
            .replace("%2", str(len(view.kiosks)))
            .replace("%3", str(fresh))
        )
        self.tabs.setTabText(1, self.tr("Peringatan (%1)").replace("%1", str(fresh)))
        self.status_line.setText(
            self.tr("Diperbarui %1").replace("%1", self.kiosks.now.strftime("%H:%M:%S"))
        )
        self._on_alert_selected()
        self._offer_kiosks([str(k["kiosk_id"]) for k in view.kiosks])
        self.refreshed.emit()

    def _on_view_error(self, exc: BaseException) -> None:
        self._polling = False  # (also a failed search or acknowledgement: harmless)
        text = self.tr("Database armada tidak terjangkau: %1").replace("%1", type(exc).__name__)
        self.status_line.setText(text)
        self.failed.emit(text)

    # -- journal -----------------------------------------------------------------------

    def _offer_kiosks(self, ids: list[str]) -> None:
        known = [self.kiosk_choice.itemData(i) for i in range(1, self.kiosk_choice.count())]
        if known != ids:
            chosen = self.kiosk_choice.currentData()
            while self.kiosk_choice.count() > 1:
                self.kiosk_choice.removeItem(1)
            for kiosk_id in ids:
                self.kiosk_choice.addItem(kiosk_id, kiosk_id)
            self.kiosk_choice.setCurrentIndex(max(0, self.kiosk_choice.findData(chosen)))

    def _on_kiosk_opened(self, index: Any) -> None:
        kiosk_id = self.kiosks.rows[index.row()]["kiosk_id"]
        self.kiosk_choice.setCurrentIndex(max(0, self.kiosk_choice.findData(kiosk_id)))
        self.search_field.clear()
        self.tabs.setCurrentWidget(self.journal_page)
        self.search()

    def search(self) -> None:
        kiosk_id, text = self.kiosk_choice.currentData(), self.search_field.text()
        self.search_button.setEnabled(False)
        self.runner.submit(
            lambda: self.db.payments(kiosk_id, text),
            on_done=self._on_payments_done,
            on_error=self._on_search_error,
        )

    def _on_payments_done(self, rows: list[dict[str, Any]]) -> None:
        self.search_button.setEnabled(True)
        self.payments.set_rows(rows)
        self.payments_found.emit(len(rows))

    def _on_search_error(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        self._on_view_error(exc)

    # -- acknowledge -------------------------------------------------------------------

    def _selected_alert(self) -> dict[str, Any] | None:
        rows = self.alert_view.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.alerts.rows[rows[0].row()] if rows[0].row() < len(self.alerts.rows) else None
        if row is None or row["id"] is None or row["acknowledged"]:
            return None
        return row

    def _on_alert_selected(self, *_: object) -> None:
        self.ack_button.setEnabled(self._selected_alert() is not None)

    def _on_ack_clicked(self) -> None:
        row = self._selected_alert()
        if row is None:
            return
        self.ack_button.setEnabled(False)
        alert_id, user = int(row["id"]), getpass.getuser()
        self.runner.submit(
            lambda: self.db.acknowledge(alert_id, user),
            on_done=lambda _ok: self.refresh(),
            on_error=self._on_view_error,
        )

    def closeEvent(self, event: Any) -> None:
        self.timer.stop()
        super().closeEvent(event)

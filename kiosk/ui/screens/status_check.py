"""Cek Status: a customer types the ref_id from a slip, or the customer number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.products import product_title
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale
from kiosk.ui.widgets import clear_layout
from kiosk.ui.widgets.keypad import EntryLayout, type_into

if TYPE_CHECKING:
    from kiosk.payment import PaymentResult


class StatusCheckScreen(ScreenWidget):
    """Signals: ``query_submitted(str)``, ``result_chosen(PaymentResult)``, ``back_requested()``."""

    query_submitted = Signal(str)
    result_chosen = Signal(object)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[PaymentResult] = []
        self.max_results = 4
        """As many found payments as fit above the buttons (most recent first)."""
        fields = QWidget()
        left = QVBoxLayout(fields)
        left.setContentsMargins(0, 0, 0, 0)
        self.column = left
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setMaxLength(20)
        self.field.returnPressed.connect(self._on_submit_clicked)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.list = QVBoxLayout()
        for widget in (self.title, self.hint, self.field, self.message):
            left.addWidget(widget)
        left.addLayout(self.list)
        self.entry = EntryLayout(self, fields)
        self.back, self.submit, self.keypad = self.entry.back, self.entry.submit, self.entry.keypad
        self.back.clicked.connect(self.back_requested)
        self.submit.clicked.connect(self._on_submit_clicked)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.retranslate()

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        self.entry.arrange(width, height, scale)
        room = height - 2 * scale.pad - 5 * scale.touch  # title, hint, field, buttons, message
        self.max_results = max(1, min(4, room // (scale.touch + scale.gap)))
        self.column.setSpacing(scale.gap)
        self.list.setSpacing(scale.gap)

    def clear(self) -> None:
        self.field.clear()
        self.show_results([], searched=False)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy)
        self.submit.setText(self.tr("Mengecek…") if busy else self.tr("Cek Status"))

    def show_results(self, results: list[PaymentResult], *, searched: bool = True) -> None:
        self.results = results
        clear_layout(self.list)
        if searched and not results:
            self.message.setText(
                self.tr(
                    "Transaksi tidak ditemukan di loket ini. Periksa kembali nomor referensi pada struk."
                )
            )
        else:
            self.message.setText("")
        for result in results[: self.max_results]:
            name = product_title(result.product, self.lang)
            state = result.state.label.get(self.lang)
            button = QPushButton(f"{name} · {result.customer_no} · {state}")
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, r=result: self.result_chosen.emit(r))
            self.list.addWidget(button)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Cek Status Pembayaran"))
        self.hint.setText(
            self.tr(
                "Ketik nomor referensi dari struk, atau nomor pelanggan yang dibayar di loket ini."
            )
        )
        self.field.setAccessibleName(self.tr("Nomor referensi atau nomor pelanggan"))
        self.back.setText(self.tr("Kembali"))
        self.back.setAccessibleName(self.tr("Kembali ke menu"))
        self.set_busy(not self.submit.isEnabled())
        self.keypad.retranslate()

    def _on_keypad_key_pressed(self, key: str) -> None:
        type_into(self.field, key)

    def _on_submit_clicked(self) -> None:
        query = self.field.text().strip()
        if query and self.submit.isEnabled():
            self.query_submitted.emit(query)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)

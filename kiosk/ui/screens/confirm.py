"""Confirm: the bill card, one big Bayar button and a smaller Batal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.products import product
from kiosk.ui.icons import icon
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.widgets.bill_card import BillCard
from kiosk.ui.widgets.details import BillDetails

if TYPE_CHECKING:
    from kiosk.payment import Bill


class ConfirmScreen(ScreenWidget):
    """Signals: ``pay_requested(Bill)`` at most once per bill, ``cancel_requested()``."""

    pay_requested = Signal(object)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bill: Bill | None = None
        self._armed = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        outer.setSpacing(16)
        head = QHBoxLayout()
        self.icon = QLabel()
        self.title = QLabel()
        self.title.setObjectName("title")
        head.addWidget(self.icon)
        head.addWidget(self.title, 1)
        outer.addLayout(head)
        body = QHBoxLayout()
        body.setSpacing(40)
        self.details = BillDetails()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        body.addWidget(scroll, 3)
        right = QVBoxLayout()
        self.card = BillCard()
        right.addWidget(self.card)
        right.addStretch(1)
        self.pay = QPushButton()
        self.pay.setObjectName("primary")
        self.pay.setMinimumHeight(88)
        self.pay.clicked.connect(self._on_pay_clicked)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_requested)
        right.addWidget(self.pay)
        right.addWidget(self.cancel)
        body.addLayout(right, 2)
        outer.addLayout(body, 1)
        self.retranslate()

    def show_bill(self, bill: Bill) -> None:
        self.bill = bill
        self._armed = True
        self.pay.setEnabled(True)
        self.cancel.setEnabled(True)
        self.icon.setPixmap(icon(product(bill.product).icon).pixmap(48, 48))
        self._render()
        self.pay.setFocus()

    def clear(self) -> None:
        self.bill = None
        self._armed = False
        self.details.fields.set_pairs([])
        self.details.table.show_table(None, self.lang)

    def _render(self) -> None:
        if self.bill is None:
            return
        name = product(self.bill.product).name.get(self.lang)
        self.title.setText(self.tr("Konfirmasi %1").replace("%1", name))
        self.details.show_reply(self.bill.reply, self.lang)
        self.card.show_bill(self.bill, self.lang)

    def retranslate(self) -> None:
        self.pay.setText(self.tr("Bayar"))
        self.pay.setAccessibleName(self.tr("Bayar sekarang"))
        self.cancel.setText(self.tr("Batal"))
        self.cancel.setAccessibleName(self.tr("Batal, kembali ke menu"))
        self._render()

    def _on_pay_clicked(self) -> None:
        # One tap pays once: the first click disarms the screen before anything else.
        if not self._armed or self.bill is None:
            return
        self._armed = False
        self.pay.setEnabled(False)
        self.cancel.setEnabled(False)
        self.pay_requested.emit(self.bill)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_pay_clicked()
        elif event.key() == Qt.Key.Key_Escape and self._armed:
            self.cancel_requested.emit()
        else:
            super().keyPressEvent(event)

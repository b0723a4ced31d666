"""Confirm: the bill card, one big Bayar button and a smaller Batal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from kiosk.money import format_rupiah
from kiosk.products import product, product_title
from kiosk.ui.icons import icon
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale
from kiosk.ui.widgets.bill_card import BillCard
from kiosk.ui.widgets.details import BillDetails, fit_to_content

if TYPE_CHECKING:
    from kiosk.i18n import Text
    from kiosk.payment import Bill


class ConfirmScreen(ScreenWidget):
    """Signals: ``pay_requested(Bill)`` at most once per bill, ``cancel_requested()``."""

    pay_requested = Signal(object)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bill: Bill | None = None
        self._armed = False
        self.grid = QGridLayout(self)
        self.head = QWidget()
        head = QHBoxLayout(self.head)
        head.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel()
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        head.addWidget(self.icon)
        head.addWidget(self.title, 1)
        self.details = BillDetails()
        self.details.table.reshaped.connect(self._fit_details)  # turned: new height
        self.details_area = QScrollArea()
        self.details_area.setWidgetResizable(True)
        self.details_area.setWidget(self.details)
        self.card = BillCard()
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.button_box = QWidget()
        row = QHBoxLayout(self.button_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.action_row = row
        self.pay = QPushButton()
        self.pay.setObjectName("primary")
        self.pay.clicked.connect(self._on_pay_clicked)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_requested)
        self.blocked_reason: Text | None = None
        self.blocked = QLabel()  # why Bayar is disabled (the deposit cannot pay this bill)
        self.blocked.setObjectName("error")
        self.blocked.setWordWrap(True)
        self.blocked.hide()
        row.addWidget(self.cancel)
        row.addWidget(self.pay, 1)  # Bayar big, bottom right where the right hand rests
        self.icon_side = 48
        self.room_width, self.room_height = 800, 480
        self.portrait: bool | None = None
        self._place(portrait=False)
        self.retranslate()

    def _place(self, *, portrait: bool) -> None:
        """Landscape: details left, money right, Batal + Bayar along the bottom.
        Portrait: details, then the money, then the buttons, one under the other."""
        if portrait == self.portrait:
            return
        self.portrait = portrait
        grid = self.grid
        for index in range(6):
            grid.setRowStretch(index, 0)
            grid.setColumnStretch(index % 2, 0)
        if portrait:  # the money right under the details, the buttons at the bottom
            grid.addWidget(self.head, 0, 0)
            grid.addWidget(self.details_area, 1, 0)
            grid.addWidget(self.card, 2, 0)
            grid.addWidget(self.blocked, 4, 0)
            grid.addWidget(self.button_box, 5, 0)
            grid.setRowStretch(3, 1)
            grid.setColumnStretch(0, 1)
        else:
            # The card in a row of its own height, the details beside it and the room
            # below it: at the top without an alignment flag (see qt_names).
            grid.addWidget(self.head, 0, 0, 1, 2)
            grid.addWidget(self.details_area, 1, 0, 2, 1)
            grid.addWidget(self.card, 1, 1)
            grid.addWidget(self.blocked, 3, 0, 1, 2)
            grid.addWidget(self.button_box, 4, 0, 1, 2)
            grid.setRowStretch(2, 1)
            grid.setColumnStretch(0, 5)
            grid.setColumnStretch(1, 4)

    def _fit_details(self) -> None:
        """Portrait: the details only as tall as they are, the money right under them."""
        width = self.room_width if self.portrait else None
        fit_to_content(self.details_area, width, cap=self.room_height // 2)

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        self._place(portrait=height > width)
        margin = round(scale.pad * 1.5)
        self.room_width = width - 2 * margin
        self.room_height = height
        self._fit_details()
        margin = round(scale.pad * 1.5)
        self.grid.setContentsMargins(margin, scale.pad, margin, scale.pad)
        self.grid.setHorizontalSpacing(margin if width < 1000 else margin * 2)
        self.grid.setVerticalSpacing(scale.gap)
        self.action_row.setSpacing(scale.gap * 2)
        self.card.set_sizes(scale.pad, scale.gap)
        self.icon_side = round(scale.h1 * 1.6)
        if self.bill is not None:
            self.icon.setPixmap(icon(product(self.bill.product).icon).pixmap(self.icon_side))

    def show_bill(self, bill: Bill) -> None:
        self.bill = bill
        self._armed = True
        self.set_blocked_reason(None)  # the window says again whether this one can be paid
        self.cancel.setEnabled(True)
        self.retranslate()
        self.icon.setPixmap(icon(product(bill.product).icon).pixmap(self.icon_side))
        self.pay.setFocus()

    def set_blocked_reason(self, reason: Text | None) -> None:
        """Why this bill cannot be paid now (the deposit is too low), or None: the words
        above the buttons and Bayar disabled, until the reason goes away."""
        self.blocked_reason = reason
        self.blocked.setVisible(reason is not None)
        self.blocked.setText(reason.get(self.lang) if reason is not None else "")
        self.pay.setEnabled(reason is None and self._armed)

    def clear(self) -> None:
        self.bill = None
        self._armed = False
        self.set_blocked_reason(None)
        self.details.fields.set_pairs([])
        self.details.table.show_table(None, self.lang)

    def _render(self) -> None:
        if self.bill is None:
            return
        name = product_title(self.bill.product, self.lang)  # "Kirim Uang · BCA"
        self.title.setText(self.tr("Konfirmasi %1").replace("%1", name))
        self.details.show_reply(self.bill.reply, self.lang)
        self.card.show_bill(self.bill, self.lang)
        self._fit_details()
        # Again once the new labels and the period table are laid out at their real
        # width: measured now, a portrait totem's details were cut to half their height.
        QTimer.singleShot(0, self, self._fit_details)  # not after the screen is gone

    def retranslate(self) -> None:
        if self.bill is not None:  # the amount again on the button: "Bayar Rp 260.976"
            amount = format_rupiah(self.bill.total_to_collect, self.lang)
            self.pay.setText(self.tr("Bayar %1").replace("%1", amount))
            self.pay.setAccessibleName(self.tr("Bayar %1 sekarang").replace("%1", amount))
        else:
            self.pay.setText(self.tr("Bayar"))
            self.pay.setAccessibleName(self.tr("Bayar sekarang"))
        self.cancel.setText(self.tr("Batal"))
        self.cancel.setAccessibleName(self.tr("Batal, kembali ke menu"))
        if self.blocked_reason is not None:
            self.blocked.setText(self.blocked_reason.get(self.lang))
        self._render()

    def _on_pay_clicked(self) -> None:
        # One tap pays once: the first click disarms the screen before anything else.
        if not self._armed or self.bill is None or self.blocked_reason is not None:
            return
        self._armed = False
        self.pay.setEnabled(False)
        self.cancel.setEnabled(False)
        self.pay_requested.emit(self.bill)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # a keyboard's key, not the customer's tap: qt_names

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_pay_clicked()
        elif event.key() == Qt.Key.Key_Escape and self._armed:
            self.cancel_requested.emit()
        else:
            super().keyPressEvent(event)

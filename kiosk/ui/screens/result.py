"""Result: a banner in words, the SN big and copyable, the bill's details."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.journal.states import PaymentState
from kiosk.products import product
from kiosk.ui.icons import icon
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.widgets.banner import Banner
from kiosk.ui.widgets.bill_card import BillCard
from kiosk.ui.widgets.details import BillDetails
from kiosk.ui.widgets.sn_box import SnBox

if TYPE_CHECKING:
    from kiosk.payment import PaymentResult


class ResultScreen(ScreenWidget):
    """Signals: ``new_transaction_requested()``, ``print_requested(PaymentResult)``."""

    new_transaction_requested = Signal()
    print_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: PaymentResult | None = None
        self.next_check: datetime | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(16)
        self.banner = Banner()
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(40)
        left = QVBoxLayout()
        self.product_title = QLabel()
        self.product_title.setObjectName("subtitle")
        left.addWidget(self.product_title)
        self.details = BillDetails()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        left.addWidget(scroll, 1)
        body.addLayout(left, 5)
        right = QVBoxLayout()
        right.setSpacing(12)
        self.sn_box = SnBox()
        right.addWidget(self.sn_box)
        self.card = BillCard()
        right.addWidget(self.card)
        self.reference = QLabel()
        self.reference.setObjectName("muted")
        self.reference.setWordWrap(True)
        right.addWidget(self.reference)
        self.checking = QLabel()
        self.checking.setObjectName("notice")
        self.checking.setWordWrap(True)
        right.addWidget(self.checking)
        right.addStretch(1)
        buttons = QHBoxLayout()
        self.print = QPushButton()
        self.print.setIcon(icon("print"))
        self.print.setIconSize(QSize(28, 28))
        self.print.clicked.connect(self._on_print_clicked)
        self.new = QPushButton()
        self.new.setObjectName("primary")
        self.new.clicked.connect(self.new_transaction_requested)
        buttons.addWidget(self.print)
        buttons.addWidget(self.new, 1)
        right.addLayout(buttons)
        body.addLayout(right, 4)
        outer.addLayout(body, 1)
        self.retranslate()

    def show_result(self, result: PaymentResult, next_check: datetime | None = None) -> None:
        self.result = result
        self.next_check = next_check
        self._render()
        self.new.setFocus()

    def clear(self) -> None:
        self.result = None
        self.sn_box.set_sn("")
        self.details.fields.set_pairs([])
        self.details.table.show_table(None, self.lang)

    def banner_title(self, state: PaymentState) -> str:
        if state is PaymentState.SUCCESS:
            return self.tr("Sukses")
        if state is PaymentState.FAILED:
            return self.tr("Gagal")
        return self.tr("Pending — sedang dicek")

    def _render(self) -> None:
        result = self.result
        if result is None:
            return
        state = result.state
        message = result.message.get(self.lang)
        if state is PaymentState.FAILED:
            message += " " + self.tr("Uang yang sudah diterima dari pelanggan harus dikembalikan.")
        self.banner.show_state(state, self.banner_title(state), message)
        self.product_title.setText(product(result.product).name.get(self.lang))
        shown = result.bill.reply if result.bill is not None else result.reply
        if result.reply is not None and result.reply.desc is not None:
            shown = result.reply
        if shown is not None:
            self.details.show_reply(shown, self.lang)
        if result.bill is not None:
            self.card.show_bill(result.bill, self.lang)
        self.card.setVisible(result.bill is not None)
        sn = result.sn or ""
        self.sn_box.setVisible(bool(sn))
        self.sn_box.set_sn(sn)
        self.reference.setText(self.tr("No. Referensi: %1").replace("%1", result.ref_id))
        pending = state.unresolved
        self.checking.setVisible(pending)
        if pending:
            when = self.next_check.astimezone().strftime("%H:%M:%S") if self.next_check else "…"
            self.checking.setText(self.tr(
                "Status dicek otomatis (berikutnya %1). Layar ini berubah sendiri saat sudah "
                "final. Simpan nomor referensi untuk Cek Status.").replace("%1", when))  # fmt: skip
        self.print.setEnabled(state is not PaymentState.FAILED)

    def show_printed(self, where: str) -> None:
        """Where the receipt went (a PDF path) or why the printer failed."""
        self.reference.setText(
            self.reference.text().split("\n")[0] + "\n" + self.tr("Struk: %1").replace("%1", where)
        )

    def retranslate(self) -> None:
        self.print.setText(self.tr("Cetak Struk"))
        self.print.setAccessibleName(self.tr("Cetak struk"))
        self.new.setText(self.tr("Transaksi Baru"))
        self.new.setAccessibleName(self.tr("Transaksi baru, kembali ke menu"))
        self.sn_box.retranslate()
        self._render()

    def _on_print_clicked(self) -> None:
        if self.result is not None:
            self.print_requested.emit(self.result)

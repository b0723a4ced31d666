"""Result: a banner in words, the SN big and copyable, the bill's details."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.journal.states import PaymentState
from kiosk.products import product, product_title
from kiosk.ui.icons import icon
from kiosk.ui.qt_names import set_enum
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale
from kiosk.ui.widgets import repolish
from kiosk.ui.widgets.banner import Banner
from kiosk.ui.widgets.bill_card import BillCard
from kiosk.ui.widgets.details import BillDetails
from kiosk.ui.widgets.sn_box import SnBox

if TYPE_CHECKING:
    from kiosk.cash.ledger import CashSession
    from kiosk.i18n import Lang
    from kiosk.payment import PaymentResult
    from kiosk.ui.widgets.voucher_card import VoucherCard


class ResultScreen(ScreenWidget):
    """Signals: ``new_transaction_requested()``, ``print_requested(PaymentResult)``."""

    new_transaction_requested = Signal()
    print_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: PaymentResult | None = None
        self.next_check: datetime | None = None
        self.printed_path: str | None = None
        """Where the last receipt PDF went (for the shopkeeper; the customer reads words)."""
        self.grid = QGridLayout(self)
        self.banner = Banner()
        self.sn_box = SnBox()
        self.info = QWidget()
        left = QVBoxLayout(self.info)
        left.setContentsMargins(0, 0, 0, 0)
        self.info_column = left
        self.product_title = QLabel()
        self.product_title.setObjectName("subtitle")
        self.product_title.setWordWrap(True)
        self.checking = QLabel()
        self.checking.setObjectName("notice")
        self.checking.setWordWrap(True)
        self.reference = QLabel()
        self.reference.setObjectName("muted")
        self.reference.setWordWrap(True)
        set_enum(self.reference, "textInteractionFlags", "TextSelectableByMouse")
        self.printed = QLabel()
        self.printed.setObjectName("printed")
        self.printed.setWordWrap(True)
        self.printed.hide()
        self.details = BillDetails()
        for widget in (
            self.product_title,
            self.checking,
            self.reference,
            self.printed,
            self.details,
        ):
            left.addWidget(widget)
        self.details_area = QScrollArea()
        self.details_area.setWidgetResizable(True)
        self.details_area.setWidget(self.info)
        self.card = BillCard()
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # The money's side: the bill card, and (cash) the change or refund voucher.
        self.money_side = QWidget()
        self.money_column = QVBoxLayout(self.money_side)
        self.money_column.setContentsMargins(0, 0, 0, 0)
        self.money_column.addWidget(self.card)
        self.money_column.addStretch(1)
        self.voucher: VoucherCard | None = None
        self._details_span = 1
        self.short = False
        """A short landscape panel (800×480): a voucher takes the bill card's place."""
        self.button_box = QWidget()
        row = QHBoxLayout(self.button_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.action_row = row
        self.print = QPushButton()
        self.print.setIcon(icon("print"))
        self.print.setIconSize(QSize(28, 28))
        self.print.clicked.connect(self._on_print_clicked)
        self.new = QPushButton()
        self.new.setObjectName("primary")
        self.new.clicked.connect(self.new_transaction_requested)
        row.addWidget(self.print)
        row.addWidget(self.new, 1)
        self.portrait: bool | None = None
        self._place(portrait=False)
        self.retranslate()

    def _place(self, *, portrait: bool) -> None:
        """Banner, then the SN across the screen (the thing to keep), then the details
        beside the money (landscape) or above it (portrait), the buttons at the bottom."""
        if portrait == self.portrait:
            return
        self.portrait = portrait
        grid = self.grid
        for index in range(5):
            grid.setRowStretch(index, 0)
            grid.setColumnStretch(index % 2, 0)
        grid.addWidget(self.banner, 0, 0, 1, 1 if portrait else 2)
        grid.addWidget(self.sn_box, 1, 0, 1, 1 if portrait else 2)
        if portrait:
            grid.addWidget(self.money_side, 2, 0)
            grid.addWidget(self.details_area, 3, 0)
            grid.addWidget(self.button_box, 4, 0)
            grid.setRowStretch(3, 1)
            grid.setColumnStretch(0, 1)
        else:
            grid.addWidget(self.details_area, 2, 0)
            self._details_span = 1
            grid.addWidget(self.money_side, 2, 1)
            grid.addWidget(self.button_box, 3, 0, 1, 2)
            grid.setRowStretch(2, 1)
            grid.setColumnStretch(0, 5)
            grid.setColumnStretch(1, 4)

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        self._place(portrait=height > width)
        margin = round(scale.pad * 1.5)
        self.grid.setContentsMargins(margin, scale.pad, margin, scale.pad)
        self.grid.setHorizontalSpacing(margin if width < 1000 else margin * 2)
        self.grid.setVerticalSpacing(scale.gap)
        self.info_column.setSpacing(scale.gap)
        self.action_row.setSpacing(scale.gap * 2)
        self.short = height < 560 and width > height
        self.banner.set_compact(self.short)
        side = round(scale.base * 1.4)
        self.banner.set_sizes(scale.pad, round(scale.h1 * 1.6))
        self.sn_box.set_sizes(scale.pad, side)
        self.sn_box.set_stacked(self.portrait is True)
        self.card.set_sizes(scale.pad, scale.gap)
        self.print.setIconSize(QSize(side, side))
        self._render()

    def show_result(self, result: PaymentResult, next_check: datetime | None = None) -> None:
        if self.result is None or self.result.ref_id != result.ref_id:
            self.printed.hide()
            self.printed_path = None
        self.result = result
        self.next_check = next_check
        self._render()
        self.new.setFocus()

    def clear(self) -> None:
        self.result = None
        self.printed.hide()
        self.printed_path = None
        self.sn_box.set_sn("")
        self.details.fields.set_pairs([])
        self.details.table.show_table(None, self.lang)

    def banner_title(self, state: PaymentState) -> str:
        if state is PaymentState.SUCCESS:
            return self.tr("Sukses")
        if state in (PaymentState.FAILED, PaymentState.DECLINED):
            return self.tr("Gagal — tagihan tidak terbayar")
        if state is PaymentState.REVIEW:
            return self.tr("Perlu diperiksa petugas")
        return self.tr("Pending — sedang dicek")

    def waiting_words(self, state: PaymentState) -> str:
        """Under the banner of an unresolved result: what happens next, and when."""
        if state is PaymentState.REVIEW:  # no automatic check: a person decides
            return self.tr(
                "Petugas toko memutuskan status pembayaran ini. Jangan membayar "
                "ulang; simpan nomor referensi untuk Cek Status."
            )
        when = self.next_check.astimezone().strftime("%H:%M:%S") if self.next_check else "…"
        if state is PaymentState.DECLINED:
            return self.tr(
                "Pengembalian dana dicek otomatis (berikutnya %1). Layar ini "
                "berubah sendiri saat sudah dikonfirmasi."
            ).replace("%1", when)
        return self.tr(
            "Status dicek otomatis (berikutnya %1). Layar ini berubah sendiri saat "
            "sudah final. Simpan nomor referensi untuk Cek Status."
        ).replace("%1", when)

    def _render(self) -> None:
        result = self.result
        if result is None:
            return
        state = result.state
        not_paid = state in (PaymentState.FAILED, PaymentState.DECLINED)
        message = result.message.get(self.lang)  # the core's words (refund confirmed or not)
        if not_paid:
            message += " " + self.refund_words()
        self.banner.show_state(state, self.banner_title(state), message)
        self.product_title.setText(product_title(result.product, self.lang))
        shown = result.bill.reply if result.bill is not None else result.reply
        if result.reply is not None and result.reply.desc is not None:
            shown = result.reply
        if shown is not None:
            self.details.show_reply(shown, self.lang)
        amounts = result.amounts  # what was charged: the pay reply's figures win
        if amounts is not None and result.bill is not None:
            self.card.show_amounts(
                amounts, result.bill.shop_fee, self.lang, nominal=product(result.product).nominal
            )
        self.fit_money()
        sn = (result.sn or "") if state is PaymentState.SUCCESS else ""
        self.sn_box.setVisible(bool(sn))
        self.sn_box.set_sn(sn, result.product)
        self.reference.setText(self.tr("No. Referensi: %1").replace("%1", result.ref_id))
        self.checking.setVisible(state.unresolved)
        if state.unresolved:
            self.checking.setText(self.waiting_words(state))
        # Every state prints: a receipt, a pending slip, or a failure slip (not proof of payment).
        self.print.setEnabled(True)

    def set_voucher(self, card: VoucherCard) -> None:
        """Cash: the voucher card goes under the bill card; call ``fit_money`` when it is
        shown or hidden."""
        self.voucher = card
        self.money_column.insertWidget(1, card)

    def refund_words(self) -> str:
        """Under a bill not paid: who gives the money back. At a cash kiosk the refund
        voucher below says it to the customer; at a counter the shopkeeper does."""
        session = self.voucher.session if self.voucher is not None else None
        if session is not None and session.voucher is not None:
            return self.tr("Uang Anda dikembalikan sebagai voucher di bawah ini.")
        if session is not None:
            return ""  # the card says the money is held until the result is known
        return self.tr("Uang yang sudah diterima dari pelanggan harus dikembalikan.")

    def show_voucher(self, session: CashSession | None, lang: Lang) -> None:
        """The result's cash session on the voucher card. On a short panel the bill card
        goes first: a moment with both would push the buttons off the screen."""
        if self.voucher is None or (session is None and self.voucher.session is None):
            return  # no cash session before or now: nothing on the screen changes
        if session is not None and self.short:
            self.card.hide()
        self.voucher.show_session(session, lang)
        self._render()  # the banner's refund words and the money's side

    def fit_money(self) -> None:
        """The money's side: the bill card (none for a bill not paid: no big Total Bayar
        beside a red banner) and the voucher; on a short panel the voucher takes the bill
        card's place, compact. The details take the room when neither shows."""
        result = self.result
        if result is None:
            return
        not_paid = result.state in (PaymentState.FAILED, PaymentState.DECLINED)
        slip = self.voucher
        voucher = slip is not None and slip.session is not None and not slip.isHidden()
        if slip is not None:
            slip.set_compact(self.short)
        card = result.amounts is not None and not not_paid and not (voucher and self.short)
        self.card.setVisible(card)
        shown = card or voucher  # not isVisibleTo: the side may still be hidden from before
        self.money_side.setVisible(shown)
        span = 1 if shown or self.portrait else 2
        if not self.portrait and span != self._details_span:  # a re-add costs a new layout
            self._details_span = span
            self.grid.addWidget(self.details_area, 2, 0, 1, span)

    def show_printed(self, where: str) -> None:
        """The receipt desk's news: a saved PDF's path (the customer reads "Struk
        tersimpan", never a file path; the path stays in ``printed_path`` and the
        tooltip) or why the receipt could not be written or printed."""
        if where.lower().endswith(".pdf"):
            self.printed_path = where
            self._show_printed_words(self.tr("Struk tersimpan"), error=False)
            self.printed.setToolTip(where)
        else:
            self._show_printed_words(self.tr("Struk: %1").replace("%1", where), error=True)

    def show_receipt_printed(self) -> None:
        """A thermal printer took the receipt: "Struk dicetak" (for the receipt desk)."""
        self._show_printed_words(self.tr("Struk dicetak"), error=False)

    def _show_printed_words(self, text: str, *, error: bool) -> None:
        self.printed.setObjectName("error" if error else "printed")
        repolish(self.printed)
        self.printed.setText(("" if error else "✓ ") + text)
        self.printed.setAccessibleName(text)
        self.printed.show()

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

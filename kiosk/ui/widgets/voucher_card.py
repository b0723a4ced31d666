"""A cash session's voucher as the customer sees it: code, amount, expiry and a QR code,
or, while the outcome is pending, the words that the money is held under the ref_id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from kiosk.i18n import Lang, Text
from kiosk.money import format_rupiah
from kiosk.ui.qt_names import set_enum

if TYPE_CHECKING:
    from kiosk.cash.ledger import CashSession
    from kiosk.cash.vouchers import Voucher


def voucher_words(session: CashSession) -> tuple[Text, Text] | None:
    """(title, what to do) for the session's voucher or held money; None when nothing to say."""
    from kiosk.cash.ledger import SessionState

    voucher = session.voucher
    if voucher is not None:
        if voucher.reason == "change":
            title = Text("Voucher kembalian", "Change voucher")
        else:
            title = Text("Voucher pengembalian uang", "Refund voucher")
        return title, Text(
            "Pakai voucher ini untuk pembayaran berikutnya di kiosk ini, atau tukar di kasir toko.",
            "Use this voucher for your next payment at this kiosk, or exchange it at the counter.",
        )
    if session.state in (SessionState.PENDING, SessionState.PAYING):
        amount_id = format_rupiah(session.credit, "id")
        amount_en = format_rupiah(session.credit, "en")
        return Text("Uang Anda disimpan", "Your money is held"), Text(
            f"Uang {amount_id} disimpan dengan nomor ref {session.ref_id} sampai hasil "
            "pembayaran pasti. Lalu menjadi struk atau voucher: lihat di menu Cek Status.",
            f"{amount_en} is held under ref {session.ref_id} until the payment's result is "
            "known. It then becomes a receipt or a voucher: see Check Status.",
        )
    return None


def qr_pixmap(payload: str, side: int) -> QPixmap:
    from PySide6.QtCore import Qt  # a voucher to show: not on every payment (qt_names)

    from kiosk.receipt.qr import qr_matrix

    rows = qr_matrix(payload)
    size = len(rows)
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                image.setPixel(x, y, black)
    scaled = image.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )
    return QPixmap.fromImage(scaled)


class VoucherCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.session: CashSession | None = None
        grid = QGridLayout(self)
        self.title = QLabel()
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)  # "Voucher pengembalian uang" on a narrow side
        self.code = QLabel()
        self.code.setObjectName("sn")
        set_enum(self.code, "textInteractionFlags", "TextSelectableByMouse")
        self.amount = QLabel()
        self.amount.setObjectName("total")
        self.expiry = QLabel()
        self.expiry.setObjectName("muted")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.qr = QLabel()
        set_enum(self.qr, "alignment", "AlignRight|AlignTop")  # the code in its corner
        self.qr_side = 160
        self.compact = False
        self.lang: Lang = "id"
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.code, 1, 0)
        grid.addWidget(self.amount, 2, 0)
        grid.addWidget(self.expiry, 3, 0)
        grid.addWidget(self.hint, 4, 0, 1, 2)
        grid.addWidget(self.qr, 0, 1, 4, 1)
        grid.setColumnStretch(0, 1)
        self.hide()

    def set_compact(self, on: bool) -> None:
        """A short panel: the title, code and amount only."""
        if on == self.compact:
            return
        self.compact = on
        self.code.setStyleSheet("font-size: 22px;" if on else "")
        self.show_session(self.session, self.lang)

    def show_session(self, session: CashSession | None, lang: Lang) -> None:
        self.session, self.lang = session, lang
        words = voucher_words(session) if session is not None else None
        if session is None or words is None:
            self.hide()
            return
        title, hint = words
        self.title.setText(title.get(lang))
        self.hint.setText(hint.get(lang))
        voucher = session.voucher
        for label in (self.code, self.expiry, self.qr):
            label.setVisible(voucher is not None)
        # Compact: the title, code and amount; the expiry, what to do and the QR code are
        # on the printed receipt.
        self.expiry.setVisible(voucher is not None and not self.compact)
        self.qr.setVisible(voucher is not None and not self.compact)
        self.hint.setVisible(not self.compact)
        if voucher is not None:
            self._show_voucher(voucher, lang)
        else:
            self.amount.setText(format_rupiah(session.credit, lang))
        self.show()

    def _show_voucher(self, voucher: Voucher, lang: Lang) -> None:
        self.code.setText(voucher.display_code)
        self.amount.setText(format_rupiah(voucher.amount, lang))
        until = voucher.expires_at.astimezone().strftime("%d-%m-%Y")
        self.expiry.setText(Text(f"Berlaku sampai {until}", f"Valid until {until}").get(lang))
        self.qr.setPixmap(qr_pixmap(voucher.code, self.qr_side))

    def set_language(self, lang: Lang) -> None:
        self.show_session(self.session, lang)

"""Home: the shop's header and a grid of product tiles, no scrolling at 1280×800."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Lang
from kiosk.products import PRODUCTS
from kiosk.ui.icons import icon
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.widgets import repolish
from kiosk.ui.widgets.tile import Tile

if TYPE_CHECKING:
    from decimal import Decimal

COLUMNS = 5


class BalanceInfo(NamedTuple):
    online: bool
    balance: Decimal | None
    low: bool


class HomeScreen(ScreenWidget):
    """Signals: ``product_chosen(str)``, ``status_check_requested()``,
    ``language_requested(str)``, ``retry_requested()`` ("Coba lagi" beside a problem)."""

    product_chosen = Signal(str)
    status_check_requested = Signal()
    language_requested = Signal(str)
    retry_requested = Signal()

    def __init__(self, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = BalanceInfo(online=True, balance=None, low=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header(shop_name))
        body = QVBoxLayout()
        body.setContentsMargins(24, 16, 24, 24)
        body.setSpacing(12)
        self.notice = QLabel()
        # Named from the start, the kind (warning/danger) a property: a QLabel restyled
        # to a new objectName later never gets the stylesheet's padding.
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.retry: QPushButton | None = None  # built with the first problem: off the first frame
        self.notice_row = QHBoxLayout()
        self.notice_row.setSpacing(12)
        self.notice_row.addWidget(self.notice, 1)
        body.addLayout(self.notice_row)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.tiles: dict[str, Tile] = {}
        for index, product in enumerate(PRODUCTS):
            tile = Tile(product.icon)
            tile.clicked.connect(lambda _=False, code=product.code: self.product_chosen.emit(code))
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles[product.code] = tile
        self.status_tile = Tile("search")
        self.status_tile.clicked.connect(self.status_check_requested)
        grid.addWidget(self.status_tile, len(PRODUCTS) // COLUMNS, len(PRODUCTS) % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        body.addLayout(grid, 1)
        layout.addLayout(body, 1)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start(1000)
        self.retranslate()

    def _header(self, shop_name: str) -> QFrame:
        header = QFrame()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(16)
        logo = QLabel()
        logo.setPixmap(icon("logo").pixmap(44, 44))
        self.shop = QLabel(shop_name)
        self.shop.setObjectName("shopName")
        self.clock = QLabel()
        self.balance = QLabel()
        self.balance.setObjectName("balance")
        self.network = QLabel()
        self.network.setObjectName("net")  # fixed name, see _notice: the padding stays
        self.lang_buttons = QButtonGroup(self)
        row.addWidget(logo)
        row.addWidget(self.shop)
        row.addStretch(1)
        row.addWidget(self.clock)
        row.addSpacing(12)
        row.addWidget(self.balance)
        row.addWidget(self.network)
        for code in ("id", "en"):
            button = QPushButton(code.upper())
            button.setObjectName("langButton")
            button.setCheckable(True)
            button.setChecked(code == "id")
            button.clicked.connect(lambda _=False, c=code: self.language_requested.emit(c))
            self.lang_buttons.addButton(button)
            row.addWidget(button)
        return header

    def set_shop_name(self, name: str) -> None:
        self.shop.setText(name)

    def set_language(self, lang: Lang) -> None:
        for button in self.lang_buttons.buttons():
            button.setChecked(button.text().lower() == lang)
        super().set_language(lang)

    def retranslate(self) -> None:
        for product in PRODUCTS:
            self.tiles[product.code].set_label(product.name.get(self.lang))
        self.status_tile.set_label(self.tr("Cek Status"))
        if self.retry is not None:
            self._retranslate_retry(self.retry)
        for button in self.lang_buttons.buttons():
            name = "Bahasa Indonesia" if button.text() == "ID" else "English"
            button.setAccessibleName(name)
        self.set_balance(self.info)
        self._on_clock_timeout()

    def set_balance(self, info: BalanceInfo) -> None:
        self.info = info
        if info.balance is not None:
            from kiosk.money import format_rupiah  # decimal is not needed for the first frame

            self.balance.setText(
                self.tr("Saldo %1").replace("%1", format_rupiah(info.balance, self.lang))
            )
        else:
            self.balance.setText(self.tr("Saldo –"))
        offline = not info.online
        changed = bool(self.network.property("offline")) != offline
        self.network.setProperty("offline", offline)
        self.network.setText(self.tr("Online") if info.online else self.tr("Offline"))
        if changed:  # re-style only on a change: the first frame stays cheap
            repolish(self.network)
        for tile in self.tiles.values():
            tile.setEnabled(info.online)
        if not info.online:
            self._notice("danger", self.tr(
                "Loket sedang offline: penyedia tidak dapat dihubungi. Pembayaran dibuka lagi "
                "otomatis saat koneksi kembali."), can_retry=True)  # fmt: skip
        elif info.low:
            self._notice("warning", self.tr(
                "Saldo loket hampir habis. Petugas toko perlu menambah deposit."))  # fmt: skip
        else:
            self.notice.hide()
            if self.retry is not None:
                self.retry.hide()

    def show_problem(self, text: str, *, can_retry: bool = False) -> None:
        """Payments cannot start (not set up, keychain locked, no paper): say why, tiles
        off; with ``can_retry`` a "Coba lagi" button checks again at once."""
        for tile in (*self.tiles.values(), self.status_tile):
            tile.setEnabled(False)
        self._notice("danger", text, can_retry=can_retry)

    def _retranslate_retry(self, retry: QPushButton) -> None:
        retry.setText(self.tr("Coba lagi") if retry.isEnabled() else self.tr("Memeriksa…"))
        retry.setAccessibleName(self.tr("Coba lagi sekarang"))

    def _on_retry_clicked(self) -> None:
        if self.retry is not None:
            self.retry.setEnabled(False)
            self._retranslate_retry(self.retry)
        self.retry_requested.emit()

    def retry_finished(self) -> None:
        if self.retry is not None:
            self.retry.setEnabled(True)
            self._retranslate_retry(self.retry)

    def _notice(self, kind: str, text: str, *, can_retry: bool = False) -> None:
        if can_retry and self.retry is None:
            self.retry = QPushButton()
            self.retry.clicked.connect(self._on_retry_clicked)
            self._retranslate_retry(self.retry)
            self.notice_row.addWidget(self.retry)
        if self.retry is not None:
            self.retry.setVisible(can_retry)
        if self.notice.property("kind") != kind:
            self.notice.setProperty("kind", kind)
            repolish(self.notice)
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.show()

    def _on_clock_timeout(self) -> None:
        self.clock.setText(time.strftime("%H:%M"))

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

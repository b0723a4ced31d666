"""Home: a grid of product tiles under the shop's header, no scrolling on any screen.

The tile grid is arranged by :meth:`HomeScreen.arrange` from the room it has (columns
from the width, tiles never taller than 1.3× their width), called by the main window
when its size or scale changes: no resize handler or font fitting on the first frame.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import Lang
from kiosk.products import PRODUCTS
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale
from kiosk.ui.widgets import repolish
from kiosk.ui.widgets.header import Header
from kiosk.ui.widgets.tile import Tile, two_lines

if TYPE_CHECKING:
    from decimal import Decimal

    from PySide6.QtGui import QHideEvent

MAX_TILE_ASPECT = 1.3
"""A tile is at most this many times as tall as it is wide."""


class BalanceInfo(NamedTuple):
    online: bool
    balance: Decimal | None
    low: bool


def tile_columns(count: int, width: int, height: int, gap: int, narrowest: int = 0) -> int:
    """The column count that gives the biggest tiles (their shorter side) in the room,
    among those where every name fits a tile ``narrowest`` pixels wide."""

    def tile_width(columns: int) -> float:
        return (width - gap * (columns - 1)) / columns

    def shorter_side(columns: int) -> tuple[float, float]:
        rows = -(-count // columns)
        h = (height - gap * (rows - 1)) / rows
        return min(tile_width(columns), h), tile_width(columns)

    fitting = [c for c in range(2, 8) if tile_width(c) >= narrowest] or [2]
    return max(fitting, key=shorter_side)


class HomeScreen(ScreenWidget):
    """Signals: ``product_chosen(str)``, ``status_check_requested()``,
    ``language_requested(str)``, ``retry_requested()`` ("Coba lagi" beside a problem).

    The header (``self.header``) is made here but shown by the main window above every
    screen; ``shop``, ``clock``, ``balance``, ``network`` and ``lang_buttons`` are its parts.
    """

    product_chosen = Signal(str)
    status_check_requested = Signal()
    language_requested = Signal(str)
    retry_requested = Signal()

    def __init__(self, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = BalanceInfo(online=True, balance=None, low=False)
        self.public = False
        """Kiosk mode: no deposit, no "Online" — "Siap" or "Sedang gangguan"."""
        self.problem = False
        self.header = Header(shop_name)
        self.header.language_requested.connect(self.language_requested)
        self.shop, self.clock = self.header.shop, self.header.clock
        self.balance, self.network = self.header.balance, self.header.network
        self.lang_buttons = self.header.lang_buttons
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 16, 24, 24)
        self.body.setSpacing(12)
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
        self.body.addLayout(self.notice_row)
        self.grid = QGridLayout()
        self.grid.setSpacing(14)
        self.tiles: dict[str, Tile] = {}
        for product in PRODUCTS:
            tile = Tile(product.icon)
            tile.clicked.connect(lambda _=False, code=product.code: self.product_chosen.emit(code))
            self.tiles[product.code] = tile
        self.status_tile = Tile("search")
        self.status_tile.clicked.connect(self.status_check_requested)
        self.columns = 0
        self.arranged: tuple[int, int, Scale] | None = None
        self.notice_shown = False
        self._place_tiles(5)
        self.body.addLayout(self.grid, 1)
        self.body.addStretch(0)  # takes the room only when the tiles reached their tallest
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start(1000)
        self.retranslate()

    def all_tiles(self) -> list[Tile]:
        return [*self.tiles.values(), self.status_tile]

    def _place_tiles(self, columns: int) -> None:
        if columns == self.columns:
            return
        for column in range(max(self.columns, columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, tile in enumerate(self.all_tiles()):
            self.grid.addWidget(tile, index // columns, index % columns)  # re-adding moves it
        self.columns = columns

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        """Lay the tiles out for a home screen of ``width`` × ``height`` pixels."""
        margin = round(scale.pad * 1.5)
        self.body.setContentsMargins(margin, scale.pad, margin, margin)
        self.body.setSpacing(scale.gap)
        self.grid.setSpacing(scale.gap)
        room_w = max(200, width - 2 * margin)
        room_h = height - scale.pad - margin
        self.arranged = (width, height, scale)
        self.notice_shown = self.notice.isVisibleTo(self)
        if self.notice_shown:  # the notice (and "Coba lagi") takes a row above the tiles
            notice = max(self.notice_row.heightForWidth(room_w), scale.touch + 4)
            room_h -= notice + scale.gap
        room_h = max(150, room_h)
        tiles = self.all_tiles()
        # The tiles' own font, from the stylesheet (bold, ``scale.tile`` px): no QFont made
        # here, whose class costs PySide ~2 ms to set up on the first frame.
        tiles[0].ensurePolished()
        metrics = tiles[0].fontMetrics()
        inset = 2 * scale.tile_pad + 8  # padding and border: what a name cannot use
        widest = max(
            metrics.horizontalAdvance(line)
            for tile in tiles
            for line in two_lines(tile.label, 0, metrics.horizontalAdvance).split("\n")
        )
        columns = tile_columns(len(tiles), room_w, room_h, scale.gap, widest + inset)
        self._place_tiles(columns)
        rows = -(-len(tiles) // columns)
        tile_w = (room_w - scale.gap * (columns - 1)) // columns
        tile_h = min((room_h - scale.gap * (rows - 1)) // rows, int(tile_w * MAX_TILE_ASPECT))
        text_h = 2 * metrics.lineSpacing()
        side = max(20, min(round(min(tile_w, tile_h) * 0.55), tile_h - text_h - inset - 4))
        for tile in tiles:
            tile.setMaximumHeight(max(tile_h, 40))
            tile.setIconSize(QSize(side, side))
            tile.fit(tile_w - inset, metrics.horizontalAdvance)

    def hideEvent(self, event: QHideEvent) -> None:
        """Off the home, Qt's pixmap cache is emptied: it keeps every icon drawn at every
        size, and the home's fourteen tile icons at 1280×800 are ~0.9 MiB (more on a
        totem) that a payment's screens never show (issue 16). Back on the home the tiles
        are drawn from their SVGs once more, ~5 ms here, then cached again."""
        from PySide6.QtGui import QPixmapCache  # not on the first frame

        QPixmapCache.clear()
        super().hideEvent(event)

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
        if self.problem:  # the problem's words and the tiles stay as they are
            self._show_balance()
            self._show_state()
        else:
            self.set_balance(self.info)
        self._on_clock_timeout()

    def set_public(self, public: bool) -> None:
        """Kiosk mode: the public sees "Siap" / "Sedang gangguan", never the deposit."""
        self.public = public
        self.set_balance(self.info)

    def set_balance(self, info: BalanceInfo) -> None:
        self.info = info
        self.problem = False
        self._show_balance()
        self._show_state()
        for tile in self.tiles.values():
            tile.setEnabled(info.online)
        self.status_tile.setEnabled(True)  # the journal answers Cek Status offline too
        if not info.online:
            self._notice(
                "danger",
                self.tr(
                    "Loket sedang offline: penyedia tidak dapat dihubungi. Pembayaran dibuka lagi "
                    "otomatis saat koneksi kembali."
                ),
                can_retry=True,
            )
        elif info.low and not self.public:
            self._notice(
                "warning", self.tr("Saldo loket hampir habis. Petugas toko perlu menambah deposit.")
            )
        else:
            self.notice.hide()
            if self.retry is not None:
                self.retry.hide()
            self._rearrange()

    def _show_balance(self) -> None:
        balance = self.info.balance
        if balance is not None:
            from kiosk.money import format_rupiah  # decimal is not needed for the first frame

            self.balance.setText(
                self.tr("Saldo %1").replace("%1", format_rupiah(balance, self.lang))
            )
        else:
            self.balance.setText(self.tr("Saldo –"))
        self.balance.setVisible(not self.public)

    def _show_state(self) -> None:
        """The chip: Online/Offline for the shopkeeper; Siap/Sedang gangguan in public."""
        ready = self.info.online and not self.problem
        if self.public:
            text = self.tr("Siap") if ready else self.tr("Sedang gangguan")
        else:
            text = self.tr("Online") if self.info.online else self.tr("Offline")
            ready = self.info.online
        changed = bool(self.network.property("offline")) == ready
        self.network.setProperty("offline", not ready)
        self.network.setText(text)
        self.network.setAccessibleName(text)
        if changed:  # re-style only on a change: the first frame stays cheap
            repolish(self.network)

    def show_problem(self, text: str, *, can_retry: bool = False) -> None:
        """Payments cannot start (not set up, keychain locked, no paper): say why, tiles
        off; with ``can_retry`` a "Coba lagi" button checks again at once."""
        self.problem = True
        self._show_state()
        for tile in self.all_tiles():
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
        self._rearrange()

    def _rearrange(self) -> None:
        """The tiles make room for a notice that came, or take it back when it went."""
        shown = self.notice.isVisibleTo(self)
        if self.arranged is not None and (shown or shown != self.notice_shown):
            self.arrange(*self.arranged)

    def _on_clock_timeout(self) -> None:
        self.clock.setText(time.strftime("%H:%M"))

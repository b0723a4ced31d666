"""The header every screen keeps: logo, shop name, clock, state chip, ID/EN switch.

On the shopkeeper's desktop it also shows the provider balance (saldo) and an
Online/Offline chip; a public kiosk shows neither the deposit nor "Online", only
"Siap" (ready) or "Sedang gangguan" (out of order) — see ``HomeScreen.set_public``.
No Qt namespace here: the header is on the first frame.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Header(QFrame):
    """Signals: ``language_requested(str)``."""

    language_requested = Signal(str)

    def __init__(self, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(16, 4, 16, 4)
        self.row.setSpacing(12)
        self.logo = QLabel()
        self.logo.setObjectName("logo")  # drawn by the stylesheet (``image``), scaled to fit
        self.shop = QLabel(shop_name)
        self.shop.setObjectName("shopName")
        self.shop.setWordWrap(True)  # a long shop name takes two lines, not the clock's room
        self.clock = QLabel()
        self.clock.setObjectName("clock")
        self.balance = QLabel()
        self.balance.setObjectName("balance")
        self.network = QLabel()
        self.network.setObjectName("net")  # fixed name, state as a property: padding stays
        self.lang_buttons = QButtonGroup(self)
        self.row.addWidget(self.logo)
        self.row.addWidget(self.shop, 1)
        self.row.addWidget(self.clock)
        self.row.addSpacing(8)
        self.row.addWidget(self.balance)
        self.row.addWidget(self.network)
        for code in ("id", "en"):
            button = QPushButton(code.upper())
            button.setObjectName("langButton")
            button.setCheckable(True)
            button.setChecked(code == "id")
            button.clicked.connect(lambda _=False, c=code: self.language_requested.emit(c))
            self.lang_buttons.addButton(button)
            self.row.addWidget(button)
        self.set_sizes(logo=40, height=56, margin=16, chip=36)

    def set_sizes(self, *, logo: int, height: int, margin: int, chip: int) -> None:
        """Sizes from the screen's scale (``MainWindow.apply_scale``)."""
        self.logo.setFixedSize(logo, logo)
        self.setFixedHeight(height)
        self.network.setMaximumHeight(chip)  # a chip, centred, not a full-height block
        self.row.setContentsMargins(margin, 4, margin, 4)

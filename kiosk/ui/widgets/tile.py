"""A product tile: an icon above a short name, big enough for a thumb."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from kiosk.ui.icons import icon


class Tile(QToolButton):
    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setIcon(icon(icon_name))
        self.setIconSize(QSize(72, 72))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(150, 130)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_label(self, text: str) -> None:
        self.setText(text.replace("&", "&&"))  # a literal ampersand, not a mnemonic
        self.setAccessibleName(text)

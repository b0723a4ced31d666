"""A product tile: an icon above a short name, big enough for a thumb."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
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
        self.label = ""

    def set_label(self, text: str) -> None:
        self.label = text
        self.setAccessibleName(text)
        self._fit_label()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_label()

    def _fit_label(self) -> None:
        """A name too wide for the tile goes on two lines, broken at the space nearest
        the middle: QToolButton would otherwise cut letters out of it ("Telepon…bayar")."""
        text, room = self.label, self.width() - 24
        if " " in text and self.fontMetrics().horizontalAdvance(text) > room:
            spaces = [i for i, char in enumerate(text) if char == " "]
            cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
            text = text[:cut] + "\n" + text[cut + 1 :]
        shown = text.replace("&", "&&")  # a literal ampersand, not a mnemonic
        if shown != self.text():
            self.setText(shown)

"""A product tile: an icon above a short name, big enough for a thumb.

Tiles are on the first frame, so they do not touch ``PySide6.QtCore.Qt``: the
first use of that namespace builds ~100 Python enums (about 20 ms, a tenth of
a cold start). The button style goes through the meta-object as a plain int;
the pointing-hand cursor is set when the mouse first comes over the tile.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QEnterEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from kiosk.ui.icons import icon

TEXT_UNDER_ICON = 3  # Qt::ToolButtonTextUnderIcon (checked against Qt in the tests)


class Tile(QToolButton):
    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setIcon(icon(icon_name))
        self.setIconSize(QSize(72, 72))
        self.setProperty("toolButtonStyle", TEXT_UNDER_ICON)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(150, 130)
        self.label = ""
        self.cursor_pending = True

    def set_label(self, text: str) -> None:
        self.label = text
        self.setAccessibleName(text)
        self._fit_label()

    def enterEvent(self, event: QEnterEvent | QEvent) -> None:
        if self.cursor_pending:
            from PySide6.QtCore import Qt

            self.cursor_pending = False
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().enterEvent(event)  # type: ignore[arg-type]

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

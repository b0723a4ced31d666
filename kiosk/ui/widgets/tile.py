"""A product tile: an icon above a short name, big enough for a thumb.

Tiles are on the first frame, so they do not touch ``PySide6.QtCore.Qt``: the
first use of that namespace builds ~100 Python enums (about 20 ms, a tenth of
a cold start). The button style goes through the meta-object as a plain int;
the pointing-hand cursor is set when the mouse first comes over the tile; the
icon is the stylesheet's (``iconName`` property, rules from :mod:`kiosk.ui.theme`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

TEXT_UNDER_ICON = 3  # Qt::ToolButtonTextUnderIcon (checked against Qt in the tests)


class Tile(QToolButton):
    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        # The icon comes from the stylesheet (``qproperty-icon``, see kiosk.ui.theme): no
        # QIcon from Python on the first frame, whose class costs ~3 ms to set up in PySide.
        self.setProperty("iconName", icon_name)
        self.setIconSize(QSize(64, 64))
        self.setProperty("toolButtonStyle", TEXT_UNDER_ICON)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(40, 40)  # the home screen sizes tiles; never a floor for the window
        self.label = ""
        self.room: int | None = None
        self.advance: Callable[[str], int] | None = None
        self.cursor_pending = True

    def set_label(self, text: str) -> None:
        self.label = text
        self.setAccessibleName(text)
        self._show_label()

    def fit(self, room: int, advance: Callable[[str], int]) -> None:
        """The name's room in pixels and how wide a text is in the tile's font (the
        home screen measures once per arrangement, not per tile per resize)."""
        self.room, self.advance = room, advance
        self._show_label()

    def enterEvent(self, event: QEnterEvent | QEvent) -> None:
        if self.cursor_pending:
            from PySide6.QtCore import Qt

            self.cursor_pending = False
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        super().enterEvent(event)  # type: ignore[arg-type]

    def _show_label(self) -> None:
        text = self.label
        if self.room is not None and self.advance is not None:
            text = two_lines(text, self.room, self.advance)
        shown = text.replace("&", "&&")  # a literal ampersand, not a mnemonic
        if shown != self.text():
            self.setText(shown)


def two_lines(text: str, room: int, advance: Callable[[str], int]) -> str:
    """A name too wide for ``room`` goes on two lines, broken at the space nearest the
    middle: QToolButton would otherwise cut letters out of it ("Telepon…bayar")."""
    if " " not in text or advance(text) <= room:
        return text
    spaces = [i for i, char in enumerate(text) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1 :]

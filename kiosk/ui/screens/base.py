"""What every screen shares: its name for the stylesheet and a language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from kiosk.i18n import Lang
from kiosk.ui.theme import Scale


class ScreenWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.lang: Lang = "id"

    def set_language(self, lang: Lang) -> None:
        """Show core texts (bill labels, rc messages) in ``lang`` and re-render."""
        self.lang = lang
        self.retranslate()

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        """Lay out for a screen area of ``width`` × ``height`` pixels at ``scale``
        (portrait when taller than wide); the main window calls it on size changes."""

    def clear(self) -> None:
        """Forget everything the customer typed or saw (Transaksi Baru, idle reset)."""

    def retranslate(self) -> None:
        """Set every ``tr()`` text again; subclasses override."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

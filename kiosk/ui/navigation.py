"""Which screen shows, in which language, and whether a new payment may start.

home → form → confirm → (collect) → processing → result; home → status. The
payment flow moves the kiosk along; this object only knows where it is and says
so with signals named for what happened.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.products import product

if TYPE_CHECKING:
    from kiosk.i18n import Lang, Text


class Screen(Enum):
    HOME = "home"
    FORM = "form"
    CONFIRM = "confirm"
    PROCESSING = "processing"
    RESULT = "result"
    STATUS = "status"
    COLLECT = "collect"  # cash collection: notes into the bill acceptor


class Navigation(QObject):
    """Signals (GUI thread): ``screen_changed(Screen)``, ``product_opened(Product)``,
    ``language_changed(str)``, ``blocked_changed(Text | None)``, ``session_cleared()``
    (what the customer typed and saw is to be forgotten)."""

    screen_changed = Signal(object)
    product_opened = Signal(object)
    language_changed = Signal(str)
    blocked_changed = Signal(object)
    session_cleared = Signal()

    def __init__(self, lang: Lang = "id", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.screen = Screen.HOME
        self.lang: Lang = lang
        self.blocked: Text | None = None
        """Why new payments are refused (a thermal printer without paper), or None."""
        self.ready = False
        """The money core is attached: products and Cek Status may open."""

    def go(self, screen: Screen) -> None:
        self.screen = screen
        self.screen_changed.emit(screen)

    def set_blocked(self, reason: Text | None) -> None:
        if reason != self.blocked:
            self.blocked = reason
            self.blocked_changed.emit(reason)

    def set_language(self, lang: Lang) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)

    def open_product(self, code: str) -> None:
        if self.screen is not Screen.HOME or not self.ready or self.blocked is not None:
            return
        self.product_opened.emit(product(code))
        self.go(Screen.FORM)

    def open_status_check(self) -> None:
        if self.screen is Screen.HOME and self.ready:
            self.go(Screen.STATUS)

    def clear_session(self) -> None:
        """Forget the customer's session and show home."""
        self.session_cleared.emit()
        self.go(Screen.HOME)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<Navigation {self.screen.value} lang={self.lang}>"

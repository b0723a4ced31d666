"""Kiosk mode: fullscreen, frameless, no close, idle reset; leaving needs the admin PIN.

The way out for the shopkeeper: press and hold the shop's name in the header
for two seconds, then type the admin PIN (``python -m kiosk config set-pin``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from kiosk.settings import Settings
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pin_dialog import PinDialog

if TYPE_CHECKING:
    from kiosk.pin import PinGuard

HOLD_MS = 2000


class KioskMode(QObject):
    """Signals: ``left()`` once the admin PIN opened the desktop window."""

    left = Signal()

    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        *,
        idle_ms: int | None = None,
        pin_guard: PinGuard | None = None,
        demo: bool = False,
    ) -> None:
        """``demo``: the built-in demo, where no admin PIN exists; holding the shop's
        name then leaves kiosk mode at once (a real kiosk without a PIN says how to set
        one and stays)."""
        super().__init__(window)
        self.demo = demo
        self.window = window
        self._pin_guard = pin_guard  # None: the window's one guard, looked up when asked
        self.stored_hash = settings.admin_pin_hash
        self.dialog: PinDialog | None = None
        self.active = True
        window.set_kiosk_mode(True)
        was_visible = window.isVisible()
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)  # hides the window
        if was_visible:
            window.cover_screen()
            window.showFullScreen()
        window.allow_close = False
        self.idle = IdleWatcher(
            window, window.controller, idle_ms=idle_ms or settings.idle_timeout_s * 1000
        )
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(HOLD_MS)
        self._hold.timeout.connect(self.ask_pin)
        window.home.shop.installEventFilter(self)

    @property
    def guard(self) -> PinGuard:
        """The admin-PIN guard shared with every other PIN prompt."""
        return self._pin_guard or self.window.pin_guard()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            self._hold.start()
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._hold.stop()
        return False

    def ask_pin(self) -> None:
        if not self.stored_hash and self.demo:
            self.leave()
            return
        if not self.stored_hash:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("PIN Admin"),
                self.tr("PIN admin belum diatur. Jalankan 'python -m kiosk config set-pin'."),
                parent=self.window,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()  # not exec(): the GUI thread keeps its own event loop
            return
        self.dialog = PinDialog(
            self.guard,
            self.tr("Keluar dari mode kiosk"),
            self.window,
            stored_hash=self.stored_hash,
            runner=self.window.controller.runner,
        )
        self.dialog.pin_accepted.connect(self.leave)
        self.dialog.open()

    def leave(self) -> None:
        self.active = False
        self.idle.deleteLater()
        self.window.allow_close = True
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
        self.window.set_kiosk_mode(False)
        self.window.showNormal()
        self.left.emit()

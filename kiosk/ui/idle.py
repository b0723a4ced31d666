"""Kiosk mode's idle reset: "Masih di sana?", then home with the customer's data gone.

Any screen but a payment in flight returns home when nobody touches the kiosk:
after ``idle_ms`` a countdown appears; a touch keeps the session, silence ends it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.controller import KioskController, Screen

ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
            QEvent.Type.Wheel}  # fmt: skip


class StillTherePrompt(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        self.title = QLabel(self.tr("Masih di sana?"))
        self.title.setObjectName("title")
        self.countdown = QLabel()
        self.stay = QPushButton(self.tr("Ya, lanjutkan"))
        self.stay.setObjectName("primary")
        for widget in (self.title, self.countdown, self.stay):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        self.countdown.setText(
            self.tr("Layar kembali ke menu dalam %1 detik.").replace("%1", str(seconds))
        )
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 2)
        self.show()
        self.raise_()


class IdleWatcher(QObject):
    """Signals: ``prompt_shown()``, ``session_reset()``."""

    prompt_shown = Signal()
    session_reset = Signal()

    def __init__(self, window: QWidget, controller: KioskController, *, idle_ms: int,
                 countdown_s: int = 10, tick_ms: int = 1000) -> None:  # fmt: skip
        super().__init__(window)
        self.controller = controller
        self.countdown_s = countdown_s
        self.prompt = StillTherePrompt(window)
        self.prompt.stay.clicked.connect(self.poke)
        self._remaining = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick_timeout)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.poke()
        return False

    def poke(self) -> None:
        self._tick.stop()
        self.prompt.hide()
        self._idle.start()

    def _on_idle_timeout(self) -> None:
        c = self.controller
        if c.paying or c.screen in (Screen.HOME, Screen.PROCESSING):
            self._idle.start()
            return
        self._remaining = self.countdown_s
        self.prompt.show_seconds(self._remaining)
        self.prompt_shown.emit()
        self._tick.start()

    def _on_tick_timeout(self) -> None:
        self._remaining -= 1
        if self._remaining > 0:
            self.prompt.show_seconds(self._remaining)
            return
        self._tick.stop()
        self.prompt.hide()
        if not self.controller.paying:
            self.controller.new_transaction()
            self.session_reset.emit()
        self._idle.start()

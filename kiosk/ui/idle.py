"""Kiosk mode's idle reset: "Masih di sana?", then home with the customer's data gone.

Any screen but a payment in flight returns home when nobody touches the kiosk:
after ``idle_ms`` a countdown appears; a touch keeps the session, silence ends it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.controller import KioskController
from kiosk.ui.navigation import Screen

BACKDROP = QColor(17, 24, 39, 235)
"""Nearly opaque: what the customer typed is not readable behind the prompt."""
ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


class StillTherePrompt(QWidget):
    """ "Masih di sana?": a large card on a dark backdrop over the whole window, so the
    customer's number and bill are no longer readable by the next person in line."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleBackdrop")
        outer = QVBoxLayout(self)
        self.card = QFrame()
        self.card.setObjectName("idleCard")
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(20)
        self.title = QLabel(self.tr("Masih di sana?"))
        self.title.setObjectName("idleTitle")
        self.countdown = QLabel()
        self.countdown.setObjectName("idleCountdown")
        self.countdown.setWordWrap(True)
        self.stay = QPushButton(self.tr("Ya, lanjutkan"))
        self.stay.setObjectName("primary")
        for label in (self.title, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addWidget(self.stay)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)

    def show_seconds(self, seconds: int) -> None:
        self.countdown.setText(
            self.tr("Layar kembali ke menu dalam %1 detik.").replace("%1", str(seconds))
        )
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())  # over everything, header included
            self.card.setMinimumWidth(min(parent.width() - 48, max(420, parent.width() * 3 // 5)))
        self.show()
        self.raise_()


class IdleWatcher(QObject):
    """Signals: ``prompt_shown()``, ``session_reset()``."""

    prompt_shown = Signal()
    session_reset = Signal()

    def __init__(
        self,
        window: QWidget,
        controller: KioskController,
        *,
        idle_ms: int,
        countdown_s: int = 10,
        tick_ms: int = 1000,
    ) -> None:
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
        controller.payment.cash.progress.connect(self._on_cash_progress)  # a note is activity too
        self._idle.start()

    def _on_cash_progress(self, _view: object) -> None:
        self.poke()

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
        if c.payment.paying or c.nav.screen in (Screen.HOME, Screen.PROCESSING):
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
        if not self.controller.payment.paying:
            self.controller.payment.new_transaction()
            self.session_reset.emit()
        self._idle.start()

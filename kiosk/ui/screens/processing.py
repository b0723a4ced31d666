"""Processing: a spinner and the words "do not close"; no cancel once sent."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.icons import icon
from kiosk.ui.qt_names import set_enum
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale


class Spinner(QWidget):
    """resources/icons/spinner.svg (a ring and a round-capped arc in the theme's
    colours), turned a step every 30 ms. An icon, not QPen and QPainter.setPen: those
    make PySide build Qt's whole enum namespace (see :mod:`kiosk.ui.qt_names`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._angle = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.setFixedSize(QSize(120, 120))

    def set_side(self, side: int) -> None:
        self.setFixedSize(QSize(side, side))

    def start(self) -> None:
        self._timer.start(30)

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self._angle = (self._angle + 8) % 360
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        side = self.width()
        painter.translate(side / 2, side / 2)
        painter.rotate(self._angle)  # clockwise, as the arc turns
        painter.translate(-side / 2, -side / 2)
        icon("spinner").paint(painter, QRect(0, 0, side, side))


class ProcessingScreen(ScreenWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.spinner = Spinner()
        middle = QHBoxLayout()  # centred by stretches: no Qt alignment flag (qt_names)
        middle.addStretch(1)
        middle.addWidget(self.spinner)
        middle.addStretch(1)
        layout.addLayout(middle)
        layout.addSpacing(24)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        for label in (self.title, self.detail):
            set_enum(label, "alignment", "AlignCenter")
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        self.retranslate()

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        self.spinner.set_side(round(scale.touch * 1.8))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Pembayaran sedang diproses"))
        self.detail.setText(self.tr("Jangan tutup aplikasi. Pembayaran tidak dapat dibatalkan."))
        self.setAccessibleName(self.title.text())

    def showEvent(self, event: object) -> None:
        self.spinner.start()

    def hideEvent(self, event: object) -> None:
        self.spinner.stop()

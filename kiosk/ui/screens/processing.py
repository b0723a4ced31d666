"""Processing: a spinner and the words "do not close"; no cancel once sent."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import COLOURS, Scale


class Spinner(QWidget):
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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = self.width()
        ring = max(8, side // 10)
        rect = QRectF(ring, ring, side - 2 * ring, side - 2 * ring)
        painter.setPen(QPen(QColor(COLOURS["primary_bg"]), ring))
        painter.drawEllipse(rect)
        pen = QPen(QColor(COLOURS["primary"]), ring)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(rect, -self._angle * 16, 100 * 16)


class ProcessingScreen(ScreenWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.spinner = Spinner()
        layout.addWidget(self.spinner, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        for label in (self.title, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
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

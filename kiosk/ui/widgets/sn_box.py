"""The serial number, big, selectable and copyable."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.icons import icon


class SnBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snBox")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 12, 12, 12)
        column = QVBoxLayout()
        self.caption = QLabel()
        self.caption.setObjectName("muted")
        self.sn = QLabel()
        self.sn.setObjectName("sn")
        self.sn.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sn.setWordWrap(True)
        column.addWidget(self.caption)
        column.addWidget(self.sn)
        self.copy = QPushButton()
        self.copy.setIcon(icon("copy"))
        self.copy.setIconSize(QSize(28, 28))
        self.copy.clicked.connect(self._on_copy_clicked)
        layout.addLayout(column, 1)
        layout.addWidget(self.copy)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Nomor SN / Token"))
        self.copy.setText(self.tr("Salin"))
        self.copy.setAccessibleName(self.tr("Salin nomor SN"))

    def set_sn(self, sn: str) -> None:
        self.sn.setText(sn)
        self.sn.setAccessibleName(sn)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.sn.text())
        self.copy.setText(self.tr("Tersalin ✓"))

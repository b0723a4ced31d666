"""The serial number: the biggest thing on a good result, grouped, selectable, copyable."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from kiosk.products import group_sn
from kiosk.ui.icons import icon
from kiosk.ui.qt_names import set_enum


class SnBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snBox")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(20, 8, 12, 8)
        self.grid.setVerticalSpacing(2)
        self.caption = QLabel()
        self.caption.setObjectName("muted")
        self.sn = QLabel()
        self.sn.setObjectName("sn")
        set_enum(self.sn, "textInteractionFlags", "TextSelectableByMouse")
        self.sn.setWordWrap(True)  # a long SN breaks between its groups, never cut
        self.copy = QPushButton()
        self.copy.setIcon(icon("copy"))
        self.copy.setIconSize(QSize(28, 28))
        self.copy.clicked.connect(self._on_copy_clicked)
        self.stacked: bool | None = None
        self.set_stacked(False)
        self.raw = ""
        self.retranslate()

    def set_stacked(self, stacked: bool) -> None:
        """Stacked (portrait): Salin beside the caption and the SN across the whole box;
        otherwise Salin to the right of both (a short landscape screen keeps its height)."""
        if stacked == self.stacked:
            return
        self.stacked = stacked
        self.grid.addWidget(self.caption, 0, 0)
        self.grid.addWidget(self.sn, 1, 0, 1, 2 if stacked else 1)
        self.grid.addWidget(self.copy, 0, 1, 1 if stacked else 2, 1)
        self.grid.setColumnStretch(0, 1)

    def set_sizes(self, pad: int, icon_side: int) -> None:
        self.grid.setContentsMargins(pad + 8, pad // 2, pad, pad // 2)
        self.copy.setIconSize(QSize(icon_side, icon_side))

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Nomor SN / Token"))
        self.copy.setText(self.tr("Salin"))
        self.copy.setAccessibleName(self.tr("Salin nomor SN"))

    def set_sn(self, sn: str, product_code: str = "") -> None:
        """Shown grouped (a PLN token in 5 groups of 4); Salin copies it as given."""
        self.raw = sn
        shown = group_sn(sn, product_code)
        self.sn.setText(shown)
        self.sn.setAccessibleName(shown)
        self.copy.setText(self.tr("Salin"))

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.raw)
        self.copy.setText(self.tr("Tersalin ✓"))

"""Where the customer is: Nomor → Cek → Bayar → Struk, the current step marked.

Words, a number and weight mark the step, never colour alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.ui.widgets import repolish


class StepIndicator(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(16, 4, 16, 4)
        self.row.setSpacing(10)
        self.row.addStretch(1)
        self.labels: list[QLabel] = []
        for index in range(4):
            if index:
                arrow = QLabel("→")
                arrow.setObjectName("stepArrow")
                self.row.addWidget(arrow)
            label = QLabel()
            label.setObjectName("step")
            self.labels.append(label)
            self.row.addWidget(label)
        self.row.addStretch(1)
        self.current = 0
        self._styled = False  # no re-styling before the first show: the first frame stays cheap
        self.retranslate()
        self._styled = True

    def names(self) -> list[str]:
        return [self.tr("Nomor"), self.tr("Cek"), self.tr("Bayar"), self.tr("Struk")]

    def set_step(self, current: int) -> None:
        """0 = Nomor (form), 1 = Cek (confirm), 2 = Bayar (processing), 3 = Struk (result)."""
        self.current = current
        self.retranslate()

    def retranslate(self) -> None:
        for index, (label, name) in enumerate(zip(self.labels, self.names(), strict=True)):
            state = "done" if index < self.current else "current" if index == self.current else ""
            mark = "✓" if state == "done" else str(index + 1)
            label.setText(f"{mark} {name}")
            if label.property("state") != state:
                label.setProperty("state", state)
                if self._styled:
                    repolish(label)
        self.setAccessibleName(
            self.tr("Langkah %1 dari 4: %2")
            .replace("%1", str(self.current + 1))
            .replace("%2", self.names()[self.current])
        )

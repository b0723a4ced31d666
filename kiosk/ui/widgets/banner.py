"""The result banner: colour, icon and words together, never colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.journal.states import PaymentState
from kiosk.ui.icons import icon
from kiosk.ui.widgets import repolish

_STYLE = {
    PaymentState.SUCCESS: ("bannerSuccess", "status-success"),
    PaymentState.FAILED: ("bannerFailed", "status-failed"),
}


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("banner", True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(20)
        self.icon = QLabel()
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.message)
        layout.addWidget(self.icon)
        layout.addLayout(text, 1)

    def show_state(self, state: PaymentState, title: str, message: str) -> None:
        name, icon_name = _STYLE.get(state, ("bannerPending", "status-pending"))
        self.setObjectName(name)
        repolish(self)
        self.icon.setPixmap(icon(icon_name).pixmap(64, 64))
        self.title.setText(title)
        self.message.setText(message)
        self.setAccessibleName(f"{title}. {message}")

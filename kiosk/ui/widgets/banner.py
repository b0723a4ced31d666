"""The result banner: colour, icon and words together, never colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from kiosk.journal.states import PaymentState
from kiosk.ui.icons import icon
from kiosk.ui.widgets import repolish

_STYLE = {
    PaymentState.SUCCESS: ("bannerSuccess", "status-success"),
    PaymentState.FAILED: ("bannerFailed", "status-failed"),
    # Refused with a provider record: the bill is NOT paid (the refund is being
    # confirmed), so it is red at once, never the amber of a payment still in doubt.
    PaymentState.DECLINED: ("bannerFailed", "status-failed"),
}
"""Red for a bill not paid, green for paid; amber (the default) for pending, unknown and
review: a payment whose outcome is not known yet, or that a person must decide."""


SIDE_BY_SIDE_CHARS = 60
"""Longer words than this go under the title even on a short screen."""


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("banner", True)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(24, 16, 24, 16)
        self.grid.setHorizontalSpacing(20)
        self.grid.setVerticalSpacing(2)
        self.icon = QLabel()
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.icon_side = 64
        self.compact = False
        self.side_by_side: bool | None = None
        self._arrange(side_by_side=False)

    def set_compact(self, compact: bool) -> None:
        """Compact (a short screen): short words beside the title, not under it (long
        words, such as a failure's, stay under the title where they have the width)."""
        self.compact = compact
        self._arrange(side_by_side=compact and len(self.message.text()) <= SIDE_BY_SIDE_CHARS)

    def _arrange(self, *, side_by_side: bool) -> None:
        if side_by_side == self.side_by_side:
            return
        self.side_by_side = compact = side_by_side
        grid = self.grid
        grid.addWidget(self.icon, 0, 0, 1 if compact else 2, 1)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.message, 0 if compact else 1, 2 if compact else 1)
        grid.setColumnStretch(1, 0 if compact else 1)
        grid.setColumnStretch(2, 1 if compact else 0)

    def set_sizes(self, pad: int, icon_side: int) -> None:
        self.grid.setContentsMargins(pad + 4, pad // 2 + 2, pad + 4, pad // 2 + 2)
        self.grid.setHorizontalSpacing(pad)
        self.icon_side = icon_side

    def show_state(self, state: PaymentState, title: str, message: str) -> None:
        name, icon_name = _STYLE.get(state, ("bannerPending", "status-pending"))
        self.setObjectName(name)
        repolish(self)
        self.icon.setPixmap(icon(icon_name).pixmap(self.icon_side, self.icon_side))
        self.title.setText(title)
        self.message.setText(message)
        self.set_compact(self.compact)
        self.setAccessibleName(f"{title}. {message}")

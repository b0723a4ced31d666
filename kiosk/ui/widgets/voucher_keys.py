"""On-screen keys for a voucher code: the code's 30 symbols (no 0/O, 1/I/L, U), large
enough for a finger, so a kiosk without a keyboard can take a voucher."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from kiosk.cash.voucher_code import ALPHABET
from kiosk.ui.icons import icon
from kiosk.ui.widgets.keypad import DELETE

COLUMNS = 8
WIDE_COLUMNS = 11
"""Three rows instead of four where the width allows: a short panel (800×480) keeps room."""
CLEAR_ALL = "\x7f"
"""Not the numeric keypad's "C": C is one of the code's letters."""


def type_code(field: QLineEdit, key: str) -> None:
    if key == DELETE:
        field.backspace()
    elif key == CLEAR_ALL:
        field.clear()
    else:
        field.insert(key)


class VoucherKeys(QWidget):
    """Signals: ``key_pressed(str)`` — a symbol, ``DELETE`` or ``CLEAR_ALL``."""

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for key in (*ALPHABET, CLEAR_ALL, DELETE):
            button = QPushButton({DELETE: "", CLEAR_ALL: "⌧"}.get(key, key))
            button.setObjectName("key")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(key == DELETE)
            if key == DELETE:
                button.setIcon(icon("backspace"))
                button.setIconSize(QSize(28, 28))
            button.clicked.connect(lambda _=False, k=key: self.key_pressed.emit(k))
            self.buttons[key] = button
        self.columns = 0
        self.set_columns(COLUMNS)

    def set_columns(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for index, button in enumerate(self.buttons.values()):
            self.grid.addWidget(button, index // columns, index % columns)

    def set_sizes(self, height: int, gap: int, columns: int = COLUMNS) -> None:
        """Keys ``height`` px square at least (the theme's key size is for the numeric
        keypad's twelve keys, too large for thirty-two on a short panel), ``columns`` a row."""
        self.grid.setSpacing(gap)
        inner = height - 4  # the theme's 2 px border on each side
        self.setStyleSheet(
            f"QPushButton#key {{ min-width: {inner}px; min-height: {inner}px;"
            " padding: 0px; border-width: 2px; }"
        )
        self.set_columns(columns)

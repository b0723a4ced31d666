"""The on-screen numeric keypad: large keys for a finger, no focus stealing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.icons import icon

DELETE = "\b"
CLEAR = "C"


class Keypad(QWidget):
    """Signals: ``key_pressed(str)`` — a digit, ``DELETE`` or ``CLEAR``."""

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(10)
        grid.setContentsMargins(0, 0, 0, 0)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", CLEAR, "0", DELETE]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = QPushButton("" if key == DELETE else key)
            button.setObjectName("key")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(key == DELETE)
            if key == DELETE:
                button.setIcon(icon("backspace"))
                button.setIconSize(QSize(36, 36))
            button.clicked.connect(lambda _=False, k=key: self.key_pressed.emit(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.retranslate()

    def retranslate(self) -> None:
        names = {DELETE: self.tr("Hapus satu angka"), CLEAR: self.tr("Hapus semua")}
        for key, button in self.buttons.items():
            button.setAccessibleName(names.get(key, key))


def type_into(field: QLineEdit, key: str) -> None:
    """What a keypad key does to a text field."""
    if key == DELETE:
        field.backspace()
    elif key == CLEAR:
        field.clear()
    else:
        field.insert(key)


def add_entry_controls(
    outer: QHBoxLayout, left: QVBoxLayout
) -> tuple[QPushButton, QPushButton, Keypad]:
    """The entry screens' shape: Kembali + a primary button under the fields on the
    left, the keypad at the bottom right where the right hand rests."""
    buttons = QHBoxLayout()
    back = QPushButton()
    back.setIcon(icon("back"))
    back.setIconSize(QSize(28, 28))
    submit = QPushButton()
    submit.setObjectName("primary")
    buttons.addWidget(back)
    buttons.addWidget(submit, 1)
    left.addLayout(buttons)
    outer.addLayout(left, 3)
    keypad = Keypad()
    pad = QVBoxLayout()
    pad.addStretch(1)
    pad.addWidget(keypad)
    outer.addLayout(pad, 2)
    return back, submit, keypad

"""The on-screen numeric keypad: large keys for a finger, no focus stealing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.ui.icons import icon
from kiosk.ui.theme import Scale

DELETE = "\b"
CLEAR = "C"


class Keypad(QWidget):
    """Signals: ``key_pressed(str)`` — a digit, ``DELETE`` or ``CLEAR``."""

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid = QGridLayout(self)
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


class EntryLayout:
    """The entry screens' shape (form, Cek Status).

    Landscape: the fields with Kembali + the primary button under them on the left,
    the keypad at the bottom right where the right hand rests. Portrait: fields,
    then the keypad, then the buttons, one under the other; on a tall screen (a totem)
    the keys grow into the room below, up to square, and give it back when the fields
    grow (a bank picker, an error in words).
    """

    def __init__(self, screen: QWidget, fields: QWidget) -> None:
        self.grid = QGridLayout(screen)
        self.fields = fields
        self.buttons = QWidget()
        self.button_row = row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.back = QPushButton()
        self.back.setIcon(icon("back"))
        self.back.setIconSize(QSize(28, 28))
        self.submit = QPushButton()
        self.submit.setObjectName("primary")
        row.addWidget(self.back)
        row.addWidget(self.submit, 1)
        self.keypad = Keypad()
        self.portrait: bool | None = None
        self.set_portrait(False)

    def set_portrait(self, portrait: bool) -> None:
        if portrait == self.portrait:
            return
        self.portrait = portrait
        grid = self.grid
        for row in range(4):
            grid.setRowStretch(row, 0)
        for column in range(2):
            grid.setColumnStretch(column, 0)
        bottom = Qt.AlignmentFlag.AlignBottom
        if portrait:
            grid.addWidget(self.fields, 0, 0)
            grid.addWidget(self.keypad, 1, 0, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(self.buttons, 2, 0)
            # Fields, keys and buttons together; the keys take most of the room below
            # until they are square, the rest stays under the buttons.
            grid.setRowStretch(1, 3)
            grid.setRowStretch(3, 1)
            grid.setColumnStretch(0, 1)
        else:
            grid.addWidget(self.fields, 0, 0)
            grid.addWidget(self.buttons, 2, 0, bottom)
            grid.addWidget(self.keypad, 0, 1, 3, 1, bottom)
            grid.setRowStretch(1, 1)
            grid.setColumnStretch(0, 1)  # the keypad keeps its keys' size, the fields grow

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        self.set_portrait(height > width)
        margin = round(scale.pad * 1.5)
        self.grid.setContentsMargins(margin, scale.pad, margin, scale.pad)
        self.grid.setHorizontalSpacing(margin * 2)
        self.grid.setVerticalSpacing(scale.gap)
        self.button_row.setSpacing(scale.gap)
        self.keypad.grid.setSpacing(scale.gap)
        side = round(scale.base * 1.4)
        for button in (self.back, self.submit):
            button.setIconSize(QSize(side, side))
        self.keypad.buttons[DELETE].setIconSize(QSize(side + 8, side + 8))
        keys = 3 * (scale.key + 4) + 2 * scale.gap  # a key: its size and a 2 px border
        wide = min(width - 2 * margin, keys * 2 if self.portrait else keys)
        self.keypad.setFixedWidth(wide)
        if self.portrait:  # at least 1.4 keys tall, at most square
            least = round(scale.key * 1.4)
            most = max(least, wide // 3 - scale.gap)
        else:
            least = most = scale.key + 4
        for button in self.keypad.buttons.values():
            button.setMinimumHeight(least)
            button.setMaximumHeight(most)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

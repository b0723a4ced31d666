"""The on-screen numeric keypad: large keys for a finger, no focus stealing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.icons import icon
from kiosk.ui.qt_names import set_enum
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
            set_enum(button, "focusPolicy", "NoFocus")
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
        # The keypad in a box of spacers: at the bottom of its column in landscape,
        # centred in its row in portrait. Spacers, not alignment flags: see qt_names.
        self._above = QSpacerItem(0, 0)
        self._sides = (QSpacerItem(0, 0), QSpacerItem(0, 0))
        keys_row = QHBoxLayout()
        keys_row.addItem(self._sides[0])
        keys_row.addWidget(self.keypad)
        keys_row.addItem(self._sides[1])
        self.keypad_box = QVBoxLayout()
        self.keypad_box.addItem(self._above)
        self.keypad_box.addLayout(keys_row)
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
        grow, fixed = QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        self._above.changeSize(0, 0, fixed, fixed if portrait else grow)
        for side in self._sides:
            side.changeSize(0, 0, grow if portrait else fixed, fixed)
        # Landscape keys have one height: the keypad no taller than they need, or its
        # grid would spread them over the room the spacer above is there to take.
        tall = QSizePolicy.Policy.Preferred if portrait else QSizePolicy.Policy.Maximum
        self.keypad.setSizePolicy(QSizePolicy.Policy.Preferred, tall)
        self.keypad_box.invalidate()
        grid.removeItem(self.keypad_box)
        self.keypad_box.setParent(None)  # Qt adds only a layout without a parent
        if portrait:
            grid.addWidget(self.fields, 0, 0)
            grid.addLayout(self.keypad_box, 1, 0)
            grid.addWidget(self.buttons, 2, 0)
            # Fields, keys and buttons together; the keys take most of the room below
            # until they are square, the rest stays under the buttons.
            grid.setRowStretch(1, 3)
            grid.setRowStretch(3, 1)
            grid.setColumnStretch(0, 1)
        else:
            grid.addWidget(self.fields, 0, 0)
            grid.addWidget(self.buttons, 2, 0)  # the row's height is theirs: at the bottom
            grid.addLayout(self.keypad_box, 0, 1, 3, 1)
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

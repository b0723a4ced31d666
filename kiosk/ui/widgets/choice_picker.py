"""The bank (Kirim Uang) or wallet (E-Money) picker of a nominal product's form: big
checkable buttons in a grid, one choice at a time, from the provider's price list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.price_list import Choice
from kiosk.ui.widgets import clear_layout, repolish


class ChoicePicker(QWidget):
    """Signals: ``chosen(str)`` with the chosen entry's code."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.label = QLabel()
        column.addWidget(self.label)
        self.grid = QGridLayout()
        column.addLayout(self.grid)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choices: tuple[Choice, ...] = ()
        self.columns = 3
        self.setVisible(False)

    def set_choices(self, choices: tuple[Choice, ...], label: str) -> None:
        """New buttons for ``choices``, none chosen. The owner shows or hides the picker
        (after hiding what makes room for it: a window never grows in between)."""
        self.label.setText(label)
        self.label.setAccessibleName(label)
        if choices == self.choices:
            self.clear()
            return
        for button in self.group.buttons():
            self.group.removeButton(button)
        clear_layout(self.grid)
        self.choices = choices
        for index, choice in enumerate(choices):
            button = QPushButton(choice.label)
            button.setObjectName("amount")  # the quick amounts' look: big, checked = outlined
            button.setCheckable(True)
            button.setAccessibleName(f"{label}: {choice.label}")
            button.clicked.connect(lambda _=False, code=choice.code: self.chosen.emit(code))
            self.group.addButton(button, index)
        self._place()

    def set_columns(self, columns: int) -> None:
        if columns != self.columns:
            self.columns = columns
            self._place()

    def set_spacing(self, gap: int) -> None:
        self.grid.setSpacing(gap)

    def _place(self) -> None:
        while self.grid.count():  # take the buttons out (kept), then put them back
            self.grid.takeAt(0)
        buttons = self.group.buttons()
        columns = balanced_columns(len(buttons), self.columns)
        for index, button in enumerate(buttons):
            self.grid.addWidget(button, index // columns, index % columns)

    def set_wanted(self, wanted: bool) -> None:
        """Say a choice is missing: the label in the error colour (no extra line)."""
        self.label.setObjectName("error" if wanted else "")
        repolish(self.label)

    def chosen_code(self) -> str | None:
        index = self.group.checkedId()
        return self.choices[index].code if 0 <= index < len(self.choices) else None

    def chosen_label(self) -> str | None:
        index = self.group.checkedId()
        return self.choices[index].label if 0 <= index < len(self.choices) else None

    def clear(self) -> None:
        self.set_wanted(False)
        checked = self.group.checkedButton()
        if checked is not None:
            self.group.setExclusive(False)  # an exclusive group never unchecks its last one
            checked.setChecked(False)
            self.group.setExclusive(True)


def balanced_columns(count: int, most: int) -> int:
    """Columns for ``count`` buttons, at most ``most``, with rows as even as they get
    (6 banks in 2 rows of 3 rather than 4 + 2)."""
    if count <= most:
        return max(1, count)
    rows = -(-count // most)
    return -(-count // rows)

"""The bank (Kirim Uang) or wallet (E-Money) picker of a nominal product's form: big
checkable buttons in a grid, one choice at a time, from the provider's price list.

A long list (a provider may name dozens of banks) is shown a page at a time in the same
grid: the last cell says "Lainnya ›", the first "‹ Sebelumnya". No scrolling, no swipe, and
the picker never grows past its first page's height.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.price_list import Choice
from kiosk.ui.widgets import clear_layout, repolish, width_from_layout


def balanced_columns(count: int, most: int) -> int:
    """Columns for ``count`` buttons, at most ``most``, with rows as even as they get
    (6 banks in 2 rows of 3 rather than 4 + 2)."""
    if count <= most:
        return max(1, count)
    rows = -(-count // most)
    return -(-count // rows)


def pages(count: int, capacity: int) -> list[range]:
    """Which choices each page shows, when a cell of a full grid goes to each way on."""
    if count <= capacity:
        return [range(count)]
    out = [range(0, capacity - 1)]
    start = capacity - 1
    while count - start > capacity - 1:  # a middle page: "‹" and "›" take two cells
        out.append(range(start, start + capacity - 2))
        start += capacity - 2
    out.append(range(start, count))
    return out


class ChoiceButton(QPushButton):
    """A grid cell whose width the grid decides: a long bank name is elided in the middle
    ("BPD Jaw…Timur": names often share their start) instead of widening the window; the
    whole name stays in its tooltip and accessible name."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.full_text = text
        self.setObjectName("amount")  # the quick amounts' look: big, checked = outlined
        self.setToolTip(text)
        width_from_layout(self)  # the name is elided to the width it gets

    def resizeEvent(self, event: QResizeEvent) -> None:
        from PySide6.QtCore import Qt  # nominal products only: see qt_names

        room = max(0, self.width() - 24)  # the style's padding and border
        self.setText(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, room)
        )
        super().resizeEvent(event)


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
        self.group = QButtonGroup(self)  # this page's choices; the id is the choice's index
        self.group.setExclusive(False)  # the checked state follows ``_chosen``, on any page
        self.choices: tuple[Choice, ...] = ()
        self.columns, self.rows = 3, 2
        self.page = 0
        self._chosen: str | None = None
        self.setVisible(False)

    # -- what it shows -----------------------------------------------------------------

    def set_choices(self, choices: tuple[Choice, ...], label: str) -> None:
        """``choices`` on the first page, none chosen. The owner shows or hides the picker
        (after hiding what makes room for it: a window never grows in between)."""
        self.label.setText(label)
        self.label.setAccessibleName(label)
        self.choices = choices
        self.clear()

    def set_grid(self, columns: int, rows: int) -> None:
        if (columns, rows) != (self.columns, self.rows):
            self.columns, self.rows = columns, rows
            self.page = 0
            self._render()

    def set_spacing(self, gap: int) -> None:
        self.grid.setSpacing(gap)

    def set_wanted(self, wanted: bool) -> None:
        """Say a choice is missing: the label in the error colour (no extra line)."""
        self.label.setObjectName("error" if wanted else "")
        repolish(self.label)

    def clear(self) -> None:
        """Nothing chosen, the first page (a new customer, the idle reset)."""
        self._chosen = None
        self.page = 0
        self.set_wanted(False)
        self._render()

    def retranslate(self) -> None:
        self._render()

    # -- what was chosen ---------------------------------------------------------------

    def chosen_code(self) -> str | None:
        return self._chosen

    def chosen_label(self) -> str | None:
        return next((c.label for c in self.choices if c.code == self._chosen), None)

    # -- the grid ----------------------------------------------------------------------

    def _pages(self) -> list[range]:
        return pages(len(self.choices), max(3, self.columns * self.rows))

    def _render(self) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
        clear_layout(self.grid)
        all_pages = self._pages()
        self.page = min(self.page, len(all_pages) - 1)
        shown = all_pages[self.page]
        columns = self.columns if len(all_pages) > 1 else balanced_columns(len(shown), self.columns)
        cells: list[QPushButton] = []
        if self.page > 0:
            cells.append(self._nav(self.tr("‹ Sebelumnya"), self.tr("Pilihan sebelumnya"), -1))
        for index in shown:
            choice = self.choices[index]
            button = ChoiceButton(choice.label)
            button.setCheckable(True)
            button.setChecked(choice.code == self._chosen)
            button.setAccessibleName(f"{self.label.text()}: {choice.label}")
            button.clicked.connect(lambda _=False, i=index: self._on_choice_clicked(i))
            self.group.addButton(button, index)
            cells.append(button)
        if self.page < len(all_pages) - 1:
            cells.append(self._nav(self.tr("Lainnya ›"), self.tr("Pilihan lainnya"), +1))
        for cell, button in enumerate(cells):
            self.grid.addWidget(button, cell // columns, cell % columns)

    def _nav(self, text: str, name: str, step: int) -> QPushButton:
        button = QPushButton(text)  # short words, never elided
        button.setObjectName("amount")
        button.setAccessibleName(name)
        button.clicked.connect(lambda _=False: self._turn(step))
        return button

    def _turn(self, step: int) -> None:
        self.page += step
        self._render()

    def _on_choice_clicked(self, index: int) -> None:
        self._chosen = self.choices[index].code
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == index)
        self.chosen.emit(self._chosen)

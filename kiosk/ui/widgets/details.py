"""A bill's details: a two-column list of labels and values, and a period table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Lang
from kiosk.ui.qt_names import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    ALIGN_VCENTER,
    TEXT_ALIGNMENT_ROLE,
    set_enum,
)

if TYPE_CHECKING:
    from kiosk.models.fields import PeriodTable
    from kiosk.models.reply import TransactionReply


class FieldList(QWidget):
    """Label and value pairs in one or more columns. Its labels are kept and re-used
    from bill to bill: a new label in the grid is polished against the stylesheet, and
    building eight of them for every bill cost the confirm and result screens ~6 ms of
    the customer's tap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.pairs: list[tuple[str, str]] = []
        self._rows: list[tuple[QLabel, QLabel]] = []
        self._shape: tuple[int, int] = (0, 0)
        """(rows per column, columns) the labels are placed for."""

    def prepare(self, count: int) -> None:
        """Make and style ``count`` pairs now (the screens are built in idle turns after
        the first frame), so the first bill's tap does not pay for them."""
        for index in range(count):
            for label in self._row(index):
                label.hide()
                label.ensurePolished()
        self._place(max(1, count), 1)

    def _row(self, index: int) -> tuple[QLabel, QLabel]:
        while len(self._rows) <= index:
            name = QLabel(self)
            name.setObjectName("fieldLabel")
            text = QLabel(self)
            text.setObjectName("fieldValue")
            text.setWordWrap(True)
            set_enum(text, "textInteractionFlags", "TextSelectableByMouse")
            for label in (name, text):  # a pair's first lines side by side: top of the cell
                set_enum(label, "alignment", "AlignLeft|AlignTop")
            self._rows.append((name, text))
            self._shape = (0, 0)  # place again, the new one included
        return self._rows[index]

    def set_pairs(self, pairs: list[tuple[str, str]], columns: int = 1) -> None:
        self.pairs = pairs
        per_column = max(1, -(-len(pairs) // columns))
        for index, (label, value) in enumerate(pairs):
            name, text = self._row(index)
            name.setText(label)
            text.setText(value)
            text.setAccessibleName(f"{label}: {value}")
        if self._shape != (per_column, columns):
            self._place(per_column, columns)
        for index, (name, text) in enumerate(self._rows):
            name.setVisible(index < len(pairs))
            text.setVisible(index < len(pairs))

    def _place(self, per_column: int, columns: int) -> None:
        old_rows = self._shape[0]
        self._shape = (per_column, columns)
        for name, text in self._rows:
            self.grid.removeWidget(name)
            self.grid.removeWidget(text)
        for index, (name, text) in enumerate(self._rows):
            row, col = index % per_column, (index // per_column) * 2
            if col // 2 >= columns:  # spare labels past the last column: hidden anyway
                row, col = per_column + 1 + index, 0
            self.grid.addWidget(name, row, col)
            self.grid.addWidget(text, row, col + 1)
        for col in range(columns):
            self.grid.setColumnStretch(col * 2 + 1, 1)
        self.grid.setRowStretch(old_rows, 0)
        self.grid.setRowStretch(per_column, 1)


SPARE = 16
"""Pixels an upright table must have to spare: about a scroll bar's width."""


class PeriodTableView(QTableWidget):
    """The bill's periods, one row each; when the columns do not fit the width (an
    800×480 panel, a portrait totem's half) the table turns on its side: one row per
    column heading and one column per period, so nothing hides behind a scroll bar."""

    reshaped = Signal()
    """The table turned (upright or on its side) and its height changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        set_enum(self, "focusPolicy", "NoFocus")
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        set_enum(self, "verticalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.header_texts: list[str] = []
        self.rows: list[list[str]] = []
        self.sideways = False
        """True while the table is shown turned on its side."""

    def prepare(self) -> None:
        """Fill and empty the table once (its header, items and row sizing are slow the
        first time): done while the screen is built in an idle turn, not on a tap."""
        self.header_texts, self.rows = ["Periode", "Tagihan"], [["Nov 2026", "Rp 1"]]
        self._fill(sideways=False)
        self._fill(sideways=True)
        self.show_table(None, "id")

    def show_table(self, table: PeriodTable | None, lang: Lang) -> None:
        self.setVisible(table is not None)
        if table is None:
            self.header_texts, self.rows = [], []
            self.setRowCount(0)
            return
        self.header_texts = list(table.header(lang))
        self.rows = [list(row) for row in table.formatted_rows(lang)]
        self.setAccessibleName(", ".join(self.header_texts))
        self._fill(sideways=self._too_wide(self._room(), spare=SPARE))

    def _room(self) -> int:
        """The width the table has, or will have once shown: a table that was never shown
        still has Qt's default 640 px, and deciding on that would fill it upright, then on
        its side again at the first resize (twice the work on the first customer's bill)."""
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if parent is None or layout is None or self.isVisible():
            return self.width()
        margins = layout.contentsMargins()
        return parent.contentsRect().width() - margins.left() - margins.right()

    def _too_wide(self, width: int, spare: int = 0) -> bool:
        """Whether the upright table needs more than ``width`` pixels, less ``spare``."""
        return bool(self.header_texts) and self.upright_width() + spare > width

    def upright_width(self) -> int:
        """The pixels the table needs standing upright, every column whole."""
        self.ensurePolished()  # a table never shown yet measures in the stylesheet's fonts too
        cells = self.fontMetrics()
        heads = self.horizontalHeader().fontMetrics()
        needed = 2 * self.frameWidth()
        for column, heading in enumerate(self.header_texts):
            texts = [row[column] for row in self.rows if column < len(row)]
            widest = max(
                [heads.horizontalAdvance(heading)]
                + [cells.horizontalAdvance(text) for text in texts]
            )
            needed += widest + 20
        return needed

    def _fill(self, *, sideways: bool) -> None:
        self.sideways = sideways
        if sideways:  # row i: heading i, then each period's value
            grid = [
                [heading] + [row[i] if i < len(row) else "" for row in self.rows]
                for i, heading in enumerate(self.header_texts)
            ]
            self.horizontalHeader().hide()
        else:
            grid = self.rows
            self.horizontalHeader().show()
        self.setColumnCount(len(grid[0]) if sideways and grid else len(self.header_texts))
        if not sideways:
            self.setHorizontalHeaderLabels(self.header_texts)
        self.setRowCount(len(grid))
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                align = ALIGN_RIGHT if cell.startswith("Rp") and not sideways else ALIGN_LEFT
                item.setData(TEXT_ALIGNMENT_ROLE, align | ALIGN_VCENTER)
                if sideways and c == 0:
                    item.setForeground(self.palette().placeholderText())
                self.setItem(r, c, item)
        self.resizeRowsToContents()
        header = 0 if sideways else self.horizontalHeader().height()
        height = header + sum(self.rowHeight(i) for i in range(len(grid)))
        scroll = (
            self.horizontalScrollBar().sizeHint().height()
            if self.horizontalScrollBar().isVisible()
            else 0
        )
        self.setFixedHeight(height + scroll + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Upright only with SPARE px to spare, on its side as soon as it does not fit: a
        # details area that grows a scroll bar (a dozen px) never turns the table twice.
        sideways = self._too_wide(self.width(), spare=SPARE if self.sideways else 0)
        if self.header_texts and sideways != self.sideways:
            self._fill(sideways=sideways)
            self.reshaped.emit()


class BillDetails(QWidget):
    """Name, number and the product's fields, then the periods."""

    def __init__(self, parent: QWidget | None = None, columns: int = 1) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.fields = FieldList()
        self.fields.prepare(8)  # a bill's usual fields, styled before the first bill
        self.table = PeriodTableView()
        self.table.prepare()
        self.columns = columns
        layout.addWidget(self.fields)
        layout.addWidget(self.table)
        layout.addStretch(1)

    def show_reply(self, reply: TransactionReply, lang: Lang) -> None:
        self.fields.set_pairs(reply.details(lang), self.columns)
        self.table.show_table(reply.periods(), lang)


def fit_to_content(area: QScrollArea, width: int | None, cap: int | None = None) -> None:
    """Portrait: a details area exactly as tall as what it holds at ``width`` (the buttons
    follow right under it), up to ``cap`` px, beyond which it scrolls; ``None``: as tall
    as the layout gives it (landscape)."""
    inner = area.widget()
    layout = inner.layout() if inner is not None else None
    if width is None or layout is None:
        area.setMinimumHeight(0)
        area.setMaximumHeight(16777215)
        return
    if inner is not None:
        inner.ensurePolished()  # new labels measured in the stylesheet's font, not Qt's
        layout.invalidate()
    inside = width - 2 * area.frameWidth()
    tall = layout.heightForWidth(inside) if layout.hasHeightForWidth() else -1
    if tall < 0:
        tall = layout.sizeHint().height()
    tall += 2 * area.frameWidth() + 2
    area.setMaximumHeight(tall)
    area.setMinimumHeight(min(tall, cap) if cap is not None else 0)

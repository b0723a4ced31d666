"""A bill's details: a two-column list of labels and values, and a period table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
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
from kiosk.ui.widgets import clear_layout

if TYPE_CHECKING:
    from kiosk.models.fields import PeriodTable
    from kiosk.models.reply import TransactionReply


class FieldList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.pairs: list[tuple[str, str]] = []

    def set_pairs(self, pairs: list[tuple[str, str]], columns: int = 1) -> None:
        clear_layout(self.grid)
        self.pairs = pairs
        per_column = max(1, -(-len(pairs) // columns))
        for index, (label, value) in enumerate(pairs):
            row, col = index % per_column, (index // per_column) * 2
            name = QLabel(label)
            name.setObjectName("fieldLabel")
            text = QLabel(value)
            text.setObjectName("fieldValue")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(f"{label}: {value}")
            self.grid.addWidget(name, row, col, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(text, row, col + 1, Qt.AlignmentFlag.AlignTop)
        for col in range(columns):
            self.grid.setColumnStretch(col * 2 + 1, 1)
        self.grid.setRowStretch(per_column, 1)


class PeriodTableView(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_table(self, table: PeriodTable | None, lang: Lang) -> None:
        self.setVisible(table is not None)
        if table is None:
            self.setRowCount(0)
            return
        header = table.header(lang)
        rows = table.formatted_rows(lang)
        self.setColumnCount(len(header))
        self.setHorizontalHeaderLabels(header)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                align = (
                    Qt.AlignmentFlag.AlignRight
                    if cell.startswith("Rp")
                    else Qt.AlignmentFlag.AlignLeft
                )
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + sum(self.rowHeight(i) for i in range(len(rows)))
        scroll = (
            self.horizontalScrollBar().sizeHint().height()
            if self.horizontalScrollBar().isVisible()
            else 0
        )
        self.setFixedHeight(height + scroll + 4)
        self.setAccessibleName(", ".join(header))


class BillDetails(QWidget):
    """Name, number and the product's fields, then the periods."""

    def __init__(self, parent: QWidget | None = None, columns: int = 1) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.fields = FieldList()
        self.table = PeriodTableView()
        self.columns = columns
        layout.addWidget(self.fields)
        layout.addWidget(self.table)
        layout.addStretch(1)

    def show_reply(self, reply: TransactionReply, lang: Lang) -> None:
        self.fields.set_pairs(reply.details(lang), self.columns)
        self.table.show_table(reply.periods(), lang)


def fit_to_content(area: QScrollArea, width: int | None) -> None:
    """Portrait: a details area only as tall as what it holds at ``width`` (the buttons
    follow right under it); ``None``: as tall as the layout gives it (landscape)."""
    inner = area.widget()
    layout = inner.layout() if inner is not None else None
    if width is None or layout is None:
        area.setMaximumHeight(16777215)
        return
    inside = width - 2 * area.frameWidth()
    tall = layout.heightForWidth(inside) if layout.hasHeightForWidth() else -1
    if tall < 0:
        tall = layout.sizeHint().height()
    area.setMaximumHeight(tall + 2 * area.frameWidth() + 2)

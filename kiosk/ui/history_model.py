"""The journal as a lazy table: only the pages on screen are read from SQLite.

The row count comes from one COUNT query; a page of 200 rows (tuples of the
columns a person reads, not objects) is fetched when one of its rows is first
drawn, and a few pages are kept. Scrolling to the end reads the last page
only. The full record is read when a row is opened.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.i18n import Lang, Text
from kiosk.journal import HistoryFilter, HistoryRow, Journal, PaymentState
from kiosk.money import format_rupiah
from kiosk.products import BY_CODE

PAGE = 200
KEEP_PAGES = 16
COLUMNS = (
    Text("Waktu", "Time"), Text("Produk", "Product"), Text("Nomor", "Number"),
    Text("Nama", "Name"), Text("Total", "Total"), Text("Status", "Status"),
    Text("SN", "SN"), Text("No. Referensi", "Reference No."),
)  # fmt: skip
Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    def __init__(self, journal: Journal, lang: Lang = "id") -> None:
        super().__init__()
        self.journal = journal
        self.lang: Lang = lang
        self.filter = HistoryFilter()
        self._pages: OrderedDict[int, list[HistoryRow]] = OrderedDict()
        self._total = 0
        self.refresh()

    def refresh(self, flt: HistoryFilter | None = None) -> None:
        self.beginResetModel()
        if flt is not None:
            self.filter = flt
        self._total = self.journal.count(self.filter)
        self._pages.clear()
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row(self, row: int) -> HistoryRow | None:
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            start, end = number * PAGE, min((number + 1) * PAGE, self._total)
            if start > self._total // 2:  # nearer the end: read from the oldest side
                page = self.journal.page(self.filter, self._total - end, end - start,
                                         oldest_first=True)[::-1]  # fmt: skip
            else:
                page = self.journal.page(self.filter, start, PAGE)
            self._pages[number] = page
            while len(self._pages) > KEEP_PAGES:
                self._pages.pop(next(iter(self._pages)))
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    def ref_id(self, row: int) -> str:
        found = self.row(row)
        return found[7] if found else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        row = self.row(index.row())
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if col == 0:
            return datetime.fromisoformat(row[0]).astimezone().strftime("%d-%m-%Y %H:%M")
        if col == 1:
            prod = BY_CODE.get(row[1])
            return prod.name.get(self.lang) if prod else row[1]
        if col == 4:
            return format_rupiah(row[4], self.lang)
        if col == 5:
            return PaymentState(row[5]).label.get(self.lang)
        value = row[col]
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].get(self.lang)
        return None

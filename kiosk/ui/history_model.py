"""The journal as a lazy table: rows are fetched a page at a time as they scroll in.

Only the columns a person reads are loaded (tuples, not objects); the full
record is read when a row is opened.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.i18n import Lang, Text
from kiosk.journal import HistoryFilter, HistoryRow, Journal, PaymentState
from kiosk.money import format_rupiah
from kiosk.products import BY_CODE

PAGE = 200
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
        self._rows: list[HistoryRow] = []
        self._total = 0
        self.refresh()

    def refresh(self, flt: HistoryFilter | None = None) -> None:
        self.beginResetModel()
        if flt is not None:
            self.filter = flt
        self._total = self.journal.count(self.filter)
        self._rows = self.journal.page(self.filter, 0, PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = self.journal.page(self.filter, len(self._rows), PAGE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def ref_id(self, row: int) -> str:
        return self._rows[row][7]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if col == 0:
            return datetime.fromisoformat(row[0]).strftime("%d-%m-%Y %H:%M")
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

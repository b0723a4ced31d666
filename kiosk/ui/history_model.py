"""The journal as a lazy table: only the pages on screen are read from SQLite.

The row count comes from one query on ``tx_state`` per filter; a page
of 200 rows is fetched when one of its rows is first drawn and formatted once, then
(dates, products, money, states as the strings a person reads); a few pages are kept.
Scrolling to the end reads the last page only. The full record is read when a row is
opened. Status cells are coloured, and always carry their word.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kiosk.i18n import Lang, Text
from kiosk.journal import HistoryFilter, HistoryRow, Journal, PaymentState
from kiosk.journal.history_totals import count_rows
from kiosk.money import format_rupiah
from kiosk.products import product_title

PAGE = 200
KEEP_PAGES = 16
COLUMNS = (
    Text("Waktu (WIB)", "Time (WIB)"),
    Text("Produk", "Product"),
    Text("Nomor", "Number"),
    Text("Nama", "Name"),
    Text("Total", "Total"),
    Text("Status", "Status"),
    Text("SN", "SN"),
    Text("No. Referensi", "Reference No."),
)
TOTAL_COLUMN, STATUS_COLUMN = 4, 5
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    # state: (text, background); each pair passes WCAG AA (tests/ui/test_history.py)
    "success": ("#166534", "#DCFCE7"),
    "failed": ("#991B1B", "#FEE2E2"),
    "pending": ("#92400E", "#FEF3C7"),
    "unknown": ("#92400E", "#FEF3C7"),
    "sending": ("#92400E", "#FEF3C7"),
    "declined": ("#991B1B", "#FEE2E2"),  # not paid; the refund is being confirmed
    "review": ("#92400E", "#FEF3C7"),  # a person decides
    "inquired": ("#374151", "#F3F4F6"),
}
Index = QModelIndex | QPersistentModelIndex
Shown = tuple[str, ...]
"""A row as displayed: eight strings, then the state's value (for the colours)."""

# data() is called for every visible cell and role: compare plain ints
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TEXT_ROLES = frozenset((_DISPLAY, _ACCESSIBLE, _TOOLTIP))
_COLOUR_ROLES = frozenset((_FOREGROUND, _BACKGROUND))


def _shown_date(iso: str) -> str:
    """``2026-11-24T08:00:00`` -> ``24-11-2026 08:00`` (journal stamps are ISO)."""
    return f"{iso[8:10]}-{iso[5:7]}-{iso[0:4]} {iso[11:16]}"


class HistoryModel(QAbstractTableModel):
    def __init__(self, journal: Journal, lang: Lang = "id", *, load: bool = True) -> None:
        super().__init__()
        self.journal = journal
        self.lang: Lang = lang
        self.filter = HistoryFilter()
        self._pages: OrderedDict[int, list[HistoryRow]] = OrderedDict()
        self._shown: dict[int, list[Shown]] = {}
        self._total = 0
        self._brushes = {
            state: (QBrush(QColor(fg)), QBrush(QColor(bg)))
            for state, (fg, bg) in STATUS_COLOURS.items()
        }
        if load:
            self.refresh()

    def refresh(self, flt: HistoryFilter | None = None) -> None:
        """One count and one reset per filter."""
        if flt is not None:
            self.filter = flt
        total = count_rows(self.journal, self.filter)
        self.beginResetModel()
        self._total = total
        self._pages.clear()
        self._shown.clear()
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _page(self, number: int) -> list[HistoryRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        total = self._total
        start, end = number * PAGE, min((number + 1) * PAGE, total)
        if start > total // 2:  # nearer the end: read from the oldest side
            page = self.journal.page(self.filter, total - end, end - start, oldest_first=True)[::-1]
        else:
            page = self.journal.page(self.filter, start, PAGE)
        self._pages[number] = page
        while len(self._pages) > KEEP_PAGES:
            self._shown.pop(self._pages.popitem(last=False)[0], None)
        return page

    def row(self, row: int) -> HistoryRow | None:
        page = self._page(row // PAGE)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def _shown_row(self, row: int) -> Shown | None:
        number = row // PAGE
        page = self._page(number)
        shown = self._shown.get(number)
        if shown is None:
            shown = self._shown[number] = [self._format(r) for r in page]
        offset = row % PAGE
        return shown[offset] if offset < len(shown) else None

    def _format(self, r: HistoryRow) -> Shown:
        return (
            _shown_date(r[0]),
            product_title(r[1], self.lang),  # with the bank or wallet: "Kirim Uang · BCA"
            r[2],
            r[3] or "",
            format_rupiah(r[4], self.lang),
            PaymentState(r[5]).label.get(self.lang),
            r[6] or "",
            r[7],
            r[5],
        )

    def ref_id(self, row: int) -> str:
        found = self.row(row)
        return found[7] if found else ""

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Asked for every role of every visible cell on each paint: the roles this model
        # never answers leave first, before any call back into Qt.
        if role in _TEXT_ROLES:
            row = index.row()  # -1 for an invalid index
            if not 0 <= row < self._total:
                return None
            shown = self._shown_row(row)
            return None if shown is None else shown[index.column()]
        if role == _ALIGN:
            return _RIGHT if index.column() == TOTAL_COLUMN and index.isValid() else None
        if role in _COLOUR_ROLES and index.column() == STATUS_COLUMN:
            row = index.row()
            if not 0 <= row < self._total:
                return None
            shown = self._shown_row(row)
            brushes = None if shown is None else self._brushes.get(shown[8])
            return None if brushes is None else brushes[0 if role == _FOREGROUND else 1]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return COLUMNS[section].get(self.lang)
        if orientation == Qt.Orientation.Horizontal and role == _ALIGN and section == TOTAL_COLUMN:
            return _RIGHT
        return None

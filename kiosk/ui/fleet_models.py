"""Table models of the owner window: kiosks, alerts and days, from the fleet views.

Each model holds plain dict rows (as :mod:`kiosk.fleet.status` returns them)
and formats them for a person: money as Rupiah, ages in words, states with
words not only colour.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from kiosk.i18n import MONTHS, Lang
from kiosk.journal.states import PaymentState
from kiosk.money import format_rupiah
from kiosk.products import product_title
from kiosk.ui.history_model import COLUMNS as HISTORY_COLUMNS

Index = QModelIndex | QPersistentModelIndex
WARN = QColor("#9a3412")  # dark orange on white: AA contrast
BAD = QColor("#b91c1c")


def age(stamp: datetime | None, now: datetime) -> str:
    if stamp is None:
        return "-"
    seconds = int((now - stamp).total_seconds())
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} mnt"
    if seconds < 172800:
        return f"{seconds // 3600} jam"
    return f"{seconds // 86400} hr"


def rupiah(value: object, lang: Lang) -> str:
    return "-" if value is None else format_rupiah(int(value), lang)  # type: ignore[call-overload]


class RowsModel(QAbstractTableModel):
    """A read-only table of dict rows; subclasses say how each column reads."""

    headers: tuple[str, ...] = ()
    numeric: frozenset[int] = frozenset()

    def __init__(self, lang: Lang = "id") -> None:
        super().__init__()
        self.lang: Lang = lang
        self.rows: list[dict[str, Any]] = []
        self.now = datetime.now().astimezone()

    def set_rows(self, rows: list[dict[str, Any]], now: datetime | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = now or datetime.now().astimezone()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, index.column())
        return None

    def text(self, row: dict[str, Any], column: int) -> str:
        raise NotImplementedError

    def colour(self, row: dict[str, Any], column: int) -> QColor | None:
        return None


class KiosksModel(RowsModel):
    numeric = frozenset({3, 7, 8})

    def text(self, row: dict[str, Any], column: int) -> str:
        k = row
        if column == 0:
            return str(k["kiosk_id"])
        if column == 1:
            return str(k["name"] or "")
        if column == 2:
            online = self.yes if k["online"] else self.no
            return f"{online} ({age(k['last_heartbeat_at'], self.now)})"
        if column == 3:
            return rupiah(k["deposit"], self.lang)
        if column == 4:
            return f"{self.words.get(k['printer'], '-')} / {self.words.get(k['paper'], '-')}"
        if column == 5:
            return str(k["cash_box"] or "-")
        if column == 6:
            return age(k["last_tx_at"], self.now)
        if column == 7:
            count = int(k["unresolved_count"])
            return f"{count} ({age(k['oldest_unresolved_at'], self.now)})" if count else "0"
        return f"{k['today_count']} · {rupiah(k['today_amount'], self.lang)}"

    def colour(self, row: dict[str, Any], column: int) -> QColor | None:
        if column == 2 and not row["online"]:
            return BAD
        if column == 7 and row["unresolved_count"]:
            return WARN
        if column == 4 and (row["paper"] == "out" or row["printer"] == "fault"):
            return BAD
        return None

    yes, no = "Ya", "TIDAK"

    def __init__(self, lang: Lang = "id") -> None:
        super().__init__(lang)
        self.words: dict[str | None, str] = {}
        """Printer and paper states in words (``ok``, ``fault``, ``none``, ``low``, ``out``)."""


class AlertsModel(RowsModel):
    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            return self.acked if row["acknowledged"] else self.open_word
        if column == 1:
            return str(row["kiosk_id"])
        if column == 2:
            return age(row["opened_at"], self.now)
        return str(row["message_en"] if self.lang == "en" else row["message_id"])

    def colour(self, row: dict[str, Any], column: int) -> QColor | None:
        return None if row["acknowledged"] else BAD

    acked, open_word = "dilihat", "BARU"


class DaysModel(RowsModel):
    numeric = frozenset({1, 2, 3, 4, 5, 6})

    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            day = row["day"]
            return f"{day.day} {MONTHS[self.lang][day.month - 1]} {day.year}"
        if column == 6:
            return rupiah(row["amount"], self.lang)
        key = ("kiosks", "payments", "successes", "failures", "unresolved")[column - 1]
        return str(row[key])


class PaymentsModel(RowsModel):
    """One kiosk's (or every kiosk's) replicated journal, read like the shop's own history:
    the history's column names, product names and state labels."""

    numeric = frozenset({4})

    def __init__(self, lang: Lang = "id") -> None:
        super().__init__(lang)
        self.headers = ("Kiosk", *(HISTORY_COLUMNS[i].get(lang) for i in (0, 1, 2, 4, 5, 6, 7)))

    def text(self, row: dict[str, Any], column: int) -> str:
        if column == 0:
            return str(row["kiosk_id"])
        if column == 1:
            return str(row["created_at"].astimezone().strftime("%d-%m-%Y %H:%M"))
        if column == 2:  # "Kirim Uang · BCA" for kirimuang-bca, as History shows it
            return product_title(str(row["product"]), self.lang) if row["product"] else ""
        if column == 3:
            return str(row["customer_no"] or "")
        if column == 4:
            return rupiah(row["amount"], self.lang)
        if column == 5:
            return PaymentState(row["state"]).label.get(self.lang)
        value = row["sn" if column == 6 else "ref_id"]
        return "" if value is None else str(value)

    def colour(self, row: dict[str, Any], column: int) -> QColor | None:
        if column == 5 and PaymentState(row["state"]).unresolved:
            return WARN
        return BAD if column == 5 and row["state"] == "failed" else None

"""The bill's periods as a small table: one rich-text label, upright or on its side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.i18n import Lang
from kiosk.ui.qt_names import set_enum
from kiosk.ui.theme import COLOURS
from kiosk.ui.widgets import escape, width_from_layout

if TYPE_CHECKING:
    from kiosk.models.fields import PeriodTable


SPARE = 16
"""Pixels an upright table must have to spare: about a scroll bar's width."""
PAD = 6
"""Pixels on each side of a cell's text."""


class PeriodTableView(QLabel):
    """The bill's periods, one row each under the column headings; when the columns do
    not fit the width (an 800×480 panel, a portrait totem's half) the table turns on its
    side: one row per heading and one column per period, so nothing is cut off.

    A rich-text table in one label, not a QTableWidget: that is ten widgets and Qt's
    item views for a handful of cells, ~1 MiB of the payment's peak memory (issue 16).
    The label's frame and type come from the stylesheet (``QLabel#periods``).
    """

    reshaped = Signal()
    """The table turned (upright or on its side) and its height changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periods")
        # The width it gets decides upright or on its side (on its side, it asks for
        # what it needs; see _fill).
        width_from_layout(self)
        set_enum(self, "textFormat", "RichText")
        set_enum(self, "textInteractionFlags", "TextSelectableByMouse")
        self.header_texts: list[str] = []
        self.rows: list[list[str]] = []
        self.cells: list[list[str]] = []
        """The texts as shown, row by row (the headings' row first when upright)."""
        self.sideways = False
        """True while the table is shown turned on its side."""

    def prepare(self) -> None:
        """Lay a table out once (rich text is slow the first time): done while the
        screen is built in an idle turn, not on a tap."""
        self.header_texts, self.rows = ["Periode", "Tagihan"], [["Nov 2026", "Rp 1"]]
        self._fill(sideways=False)
        self.sizeHint()
        # The sample stays in the hidden label for the warm-up's drawing (as FieldList).
        self.header_texts, self.rows, self.cells = [], [], []
        self.hide()

    def show_table(self, table: PeriodTable | None, lang: Lang) -> None:
        self.setVisible(table is not None)
        if table is None:
            self.header_texts, self.rows, self.cells = [], [], []
            self.clear()
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
        bold = self.font()
        bold.setBold(True)
        heads = QFontMetrics(bold)
        needed = 2 * self.frameWidth() + 2
        for column, heading in enumerate(self.header_texts):
            texts = [row[column] for row in self.rows if column < len(row)]
            widest = max(
                [heads.horizontalAdvance(heading)]
                + [cells.horizontalAdvance(text) for text in texts]
            )
            needed += widest + 2 * PAD + 1
        return needed

    def _fill(self, *, sideways: bool) -> None:
        self.sideways = sideways
        if sideways:  # row i: heading i, then each period's value
            self.cells = [
                [heading] + [row[i] if i < len(row) else "" for row in self.rows]
                for i, heading in enumerate(self.header_texts)
            ]
        else:
            self.cells = [self.header_texts, *self.rows]
        self.setText(period_html(self.cells, sideways=sideways))
        # On its side it is as narrow as it gets: never narrower than that (the details
        # scroll sideways on a very narrow screen rather than cut a column off).
        self.setMinimumWidth(self.sizeHint().width() if sideways else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Upright only with SPARE px to spare, on its side as soon as it does not fit: a
        # details area that grows a scroll bar (a dozen px) never turns the table twice.
        sideways = self._too_wide(self.width(), spare=SPARE if self.sideways else 0)
        if self.header_texts and sideways != self.sideways:
            self._fill(sideways=sideways)
            self.reshaped.emit()


def period_html(cells: list[list[str]], *, sideways: bool) -> str:
    """``cells`` as a rich-text table: the first row (upright) or the first column (on its
    side) holds the headings; amounts upright line up on the right."""
    line = f"1px solid {COLOURS['border']}"
    rows = []
    for r, row in enumerate(cells):
        out = []
        for c, text in enumerate(row):
            heading = c == 0 if sideways else r == 0
            style = [f"padding: 4px {PAD}px"]
            if c > 0:
                style.append(f"border-left: {line}")
            if r > 0:
                style.append(
                    f"border-top: {line if sideways or r > 1 else '2px solid ' + COLOURS['border']}"
                )
            if heading and sideways:
                style.append(f"color: {COLOURS['muted']}")
            elif heading:
                style.append("font-weight: bold")
            align = "right" if text.startswith("Rp") and not sideways and not heading else "left"
            out.append(f'<td align="{align}" style="{"; ".join(style)}">{escape(text)}</td>')
        rows.append("<tr>" + "".join(out) + "</tr>")
    return (
        '<table width="100%" cellspacing="0" cellpadding="0" style="border-collapse: collapse">'
        + "".join(rows)
        + "</table>"
    )

"""A bill's details: a two-column list of labels and values, and a period table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import Lang
from kiosk.ui.qt_names import set_enum
from kiosk.ui.theme import COLOURS

if TYPE_CHECKING:
    from kiosk.models.fields import PeriodTable
    from kiosk.models.reply import TransactionReply


class FieldList(QLabel):
    """Label and value pairs in one or more columns: names muted, values bold, a long
    value broken over lines in its own column; the text can be selected and copied.

    One rich-text label, not a grid of two labels a pair: sixteen selectable labels, each
    with its own text document, were ~0.5 MiB of each screen's memory (issue 16). Its
    lines are broken here, for the width the list has, not by the label (``wordWrap``):
    a label that wraps rich text lays its table out again for every width the layouts
    ask about, ~4 ms of each bill's screen (the GUI stall benchmark's frame).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fields")
        set_enum(self, "textFormat", "RichText")
        set_enum(self, "textInteractionFlags", "TextSelectableByMouse")
        # As wide as the layout makes it, never as wide as its longest line: the lines
        # are broken for the width it gets (a scroll bar's worth narrower, say).
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self.pairs: list[tuple[str, str]] = []
        self.columns = 1
        self._broken_for = -1
        """The width the shown lines were broken for."""

    def prepare(self) -> None:
        """Lay a list out once (rich text is slow the first time): done while the
        screen is built in an idle turn, not on the first customer's tap. The sample
        stays in the hidden label, so the warm-up's offscreen drawing of the screen
        (kiosk.ui.warmup.pre_render) draws a real list once too; ``pairs`` stays empty."""
        self.set_pairs([("Nama", "DEWI LESTARI"), ("Tarif/Daya", "R1M / 2200 VA")])
        self.sizeHint()
        self.pairs = []
        self.setAccessibleName("")
        self.hide()

    def set_pairs(self, pairs: list[tuple[str, str]], columns: int = 1) -> None:
        self.pairs, self.columns = pairs, columns
        self.setVisible(bool(pairs))
        self._show()
        self.setAccessibleName(", ".join(f"{label}: {value}" for label, value in pairs))

    def _show(self) -> None:
        self._broken_for = room = self.width()
        if not self.pairs:
            self.setText("")
            return
        self.ensurePolished()  # measured in the stylesheet's font
        names = self.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        values = QFontMetrics(bold)
        gap = names.horizontalAdvance("\u00a0" * 3) + 4 * PAIR_PAD
        widest_name = max(names.horizontalAdvance(label) for label, _ in self.pairs)
        per_column = max(1, room // max(1, self.columns))
        width = max(values.horizontalAdvance("M" * 8), per_column - widest_name - gap)
        pairs = [
            (label, lines(value, width, values.horizontalAdvance)) for label, value in self.pairs
        ]
        self.setText(fields_html(pairs, self.columns))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.pairs and self.width() != self._broken_for:
            self._show()  # another width: the long values broken again


def lines(text: str, width: int, advance: Callable[[str], int]) -> list[str]:
    """``text`` broken between words into lines no wider than ``width`` pixels (a word
    wider than that stays whole on its own line)."""
    if advance(text) <= width or " " not in text:
        return [text]
    out: list[str] = []
    for word in text.split(" "):
        if out and advance(out[-1] + " " + word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def escape(text: str) -> str:
    """``text`` safe inside rich text. Not ``html.escape``: importing :mod:`html` loads
    its 2,000-entity tables, ~0.4 MiB for three characters (issue 16)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


GAP = "&nbsp;" * 3
"""After a name: the 24 px or so between the columns."""
PAIR_PAD = 2
"""The table's cell padding, each side."""


def fields_html(
    pairs: list[tuple[str, list[str]]] | list[tuple[str, str]], columns: int = 1
) -> str:
    """``pairs`` as a rich-text table: ``columns`` side by side, filled top to bottom; a
    value given as lines is shown on those lines. Plain ``<font>`` and ``<b>``, no CSS
    per cell: CSS made a bill's screen ~3 ms slower to lay out (issue 16)."""
    if not pairs:
        return ""
    per_column = -(-len(pairs) // max(1, columns))
    rows = []
    for row in range(per_column):
        cells = []
        for index in range(row, len(pairs), per_column):
            label, value = pairs[index]
            shown = "<br>".join(
                escape(line) for line in ([value] if isinstance(value, str) else value)
            )
            cells.append(f'<td><font color="{COLOURS["muted"]}">{escape(label)}</font>{GAP}</td>')
            cells.append(f"<td><b>{shown}</b></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table cellspacing="0" cellpadding="{PAIR_PAD}">' + "".join(rows) + "</table>"


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
        # As wide as the layout makes it, not as its text: the width it gets decides
        # upright or on its side (on its side, it asks for what it needs; see _fill).
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
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


class BillDetails(QWidget):
    """Name, number and the product's fields, then the periods."""

    def __init__(self, parent: QWidget | None = None, columns: int = 1) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.fields = FieldList()
        self.fields.prepare()
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

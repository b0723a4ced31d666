"""A bill's details: a two-column list of labels and values, then the period table
(:mod:`kiosk.ui.widgets.period_table`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.i18n import Lang
from kiosk.ui.qt_names import set_enum
from kiosk.ui.theme import COLOURS
from kiosk.ui.widgets import escape, width_from_layout
from kiosk.ui.widgets.period_table import PeriodTableView

if TYPE_CHECKING:
    from kiosk.models.reply import TransactionReply


class FieldList(QLabel):
    """Label and value pairs, one under the other: names muted, values bold, a long
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
        # The lines are broken for the width it gets (a scroll bar's worth narrower, say),
        # so its longest line never makes it wider.
        width_from_layout(self)
        self.pairs: list[tuple[str, str]] = []
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

    def set_pairs(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs
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
        width = max(values.horizontalAdvance("M" * 8), room - widest_name - gap)
        pairs = [
            (label, lines(value, width, values.horizontalAdvance)) for label, value in self.pairs
        ]
        self.setText(fields_html(pairs))

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


GAP = "&nbsp;" * 3
"""After a name: the 24 px or so between the columns."""
PAIR_PAD = 2
"""The table's cell padding, each side."""


def fields_html(pairs: list[tuple[str, list[str]]]) -> str:
    """``pairs`` as a rich-text table, each value on its lines. Plain ``<font>`` and
    ``<b>``, no CSS per cell: CSS made a bill's screen ~3 ms slower to lay out (issue 16)."""
    rows = [
        f'<tr><td><font color="{COLOURS["muted"]}">{escape(label)}</font>{GAP}</td>'
        f"<td><b>{'<br>'.join(escape(line) for line in value)}</b></td></tr>"
        for label, value in pairs
    ]
    return f'<table cellspacing="0" cellpadding="{PAIR_PAD}">' + "".join(rows) + "</table>"


class BillDetails(QWidget):
    """Name, number and the product's fields, then the periods."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.fields = FieldList()
        self.fields.prepare()
        self.table = PeriodTableView()
        self.table.prepare()
        layout.addWidget(self.fields)
        layout.addWidget(self.table)
        layout.addStretch(1)

    def show_reply(self, reply: TransactionReply, lang: Lang) -> None:
        self.fields.set_pairs(reply.details(lang))
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

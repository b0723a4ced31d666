"""The bill's period table: upright where it fits, on its side where it would not."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.models.reply import TransactionReply
from kiosk.ui.widgets.details import PeriodTableView

EXAMPLE = Path(__file__).parent.parent / "data/examples/pay-pasca-pln.json"


def _table(qtbot, width: int) -> PeriodTableView:
    reply = TransactionReply.from_json(json.loads(EXAMPLE.read_text()), product_code="pln")
    view = PeriodTableView()
    qtbot.addWidget(view)
    view.resize(width, 200)
    view.show()
    view.show_table(reply.periods(), "id")
    return view


def test_a_wide_table_shows_one_row_per_period_under_its_headings(qtbot) -> None:
    view = _table(qtbot, 1200)
    assert not view.sideways
    assert not view.horizontalScrollBar().isVisible()
    assert view.rowCount() == len(view.rows) and not view.horizontalHeader().isHidden()


def test_a_narrow_table_turns_on_its_side_instead_of_hiding_columns(qtbot) -> None:
    view = _table(qtbot, 300)
    qtbot.waitUntil(lambda: view.sideways)
    headings = [view.item(row, 0).text() for row in range(view.rowCount())]
    assert headings == view.header_texts  # every heading readable, none behind a scroll bar
    assert view.item(0, 1).text() == view.rows[0][0]
    view.resize(1200, 200)
    qtbot.waitUntil(lambda: not view.sideways)  # a wider window stands it up again
    assert view.horizontalHeaderItem(0).text() == view.header_texts[0]

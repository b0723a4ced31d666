"""The bill's period table: upright where it fits, on its side where it would not."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.models.reply import TransactionReply
from kiosk.ui.widgets.details import BillDetails
from kiosk.ui.widgets.period_table import SPARE, PeriodTableView, period_html

EXAMPLE = Path(__file__).parent.parent / "data/examples/pay-pasca-pln.json"


def _reply() -> TransactionReply:
    return TransactionReply.from_json(json.loads(EXAMPLE.read_text()), product_code="pln")


def _table(qtbot, width: int) -> PeriodTableView:
    reply = _reply()
    view = PeriodTableView()
    qtbot.addWidget(view)
    view.resize(width, 200)
    view.show()
    view.show_table(reply.periods(), "id")
    return view


def test_a_wide_table_shows_one_row_per_period_under_its_headings(qtbot) -> None:
    view = _table(qtbot, 1200)
    assert not view.sideways
    assert view.upright_width() <= view.width()  # every column whole
    assert view.cells == [view.header_texts, *view.rows]
    assert all(cell in view.text() for row in view.cells for cell in row)


def test_amounts_line_up_on_the_right_and_periods_on_the_left(qtbot) -> None:
    upright = period_html([["Periode", "Tagihan"], ["Nov 2026", "Rp 1.000"]], sideways=False)
    assert '<td align="right"' in upright.split("Nov 2026")[1]  # the amount
    assert '<td align="left"' in upright.split("Nov 2026")[0].split("Tagihan")[1]  # the period
    sideways = period_html([["Periode", "Nov 2026"], ["Tagihan", "Rp 1.000"]], sideways=True)
    assert 'align="right"' not in sideways  # on its side every column reads from the left


def test_a_narrow_table_turns_on_its_side_instead_of_hiding_columns(qtbot) -> None:
    view = _table(qtbot, 300)
    qtbot.waitUntil(lambda: view.sideways)
    headings = [row[0] for row in view.cells]
    assert headings == view.header_texts  # every heading readable, none cut off
    assert view.cells[0][1] == view.rows[0][0]
    assert view.sizeHint().width() <= 300
    view.resize(1200, 200)
    qtbot.waitUntil(lambda: not view.sideways)  # a wider window stands it up again
    assert view.cells[0] == view.header_texts


def test_a_bill_on_a_screen_not_shown_yet_is_laid_out_once_for_its_real_width(qtbot) -> None:
    """The first customer's bill arrives while its screen is still hidden: the table must
    be filled for the width it will get, not Qt's default 640 px, and not again on show."""
    details = BillDetails()
    qtbot.addWidget(details)
    details.resize(360, 600)
    details.layout().activate()
    details.show_reply(_reply(), "id")
    assert details.table.sideways, "decided on the hidden table's default width"
    turned: list[object] = []
    details.table.reshaped.connect(lambda: turned.append(1))
    details.show()
    qtbot.waitExposed(details)
    assert details.table.sideways and not turned


def test_a_few_pixels_less_do_not_turn_a_sideways_table_back_and_forth(qtbot) -> None:
    view = _table(qtbot, 300)
    qtbot.waitUntil(lambda: view.sideways)
    needed = view.upright_width()
    view.resize(needed + SPARE // 2, 200)  # a scroll bar came or went: stays on its side
    assert view.sideways
    view.resize(needed + SPARE, 200)
    qtbot.waitUntil(lambda: not view.sideways)
    view.resize(needed - 1, 200)  # upright turns as soon as a column would be cut
    qtbot.waitUntil(lambda: view.sideways)


def test_the_fields_show_each_pair_as_written_even_with_html_characters(qtbot) -> None:
    from kiosk.ui.widgets.details import FieldList
    from tests.ui.customer import texts

    holder = BillDetails()
    qtbot.addWidget(holder)
    holder.resize(800, 400)
    holder.show()
    fields: FieldList = holder.fields
    fields.set_pairs([("Nama", "PT A&B <CV>"), ("Tarif/Daya", "R1M / 2200 VA")])
    assert texts(holder)[:4] == ["Nama", "PT A&B <CV>", "Tarif/Daya", "R1M / 2200 VA"]
    assert fields.accessibleName() == "Nama: PT A&B <CV>, Tarif/Daya: R1M / 2200 VA"
    fields.set_pairs([])
    assert fields.isHidden()


def test_a_long_value_is_broken_over_lines_to_fit_a_narrow_list(qtbot) -> None:
    from kiosk.ui.widgets.details import lines

    holder = BillDetails()
    qtbot.addWidget(holder)
    holder.resize(320, 400)
    holder.show()
    address = "GRIYA BULELENG 2 RT 005 RW 014 BULELENG"
    holder.fields.set_pairs([("Nama", "DEWI LESTARI"), ("Alamat", address)])
    assert holder.fields.sizeHint().width() <= 320  # no scroll bar to read it
    assert "<br>" in holder.fields.text() and address not in holder.fields.text()
    holder.resize(1200, 400)  # a wide window: on one line again
    qtbot.waitUntil(lambda: address in holder.fields.text())
    assert lines("A BB CCC", 10**6, len) == ["A BB CCC"]
    assert lines("A BB CCC", 4, len) == ["A BB", "CCC"]

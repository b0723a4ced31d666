"""The history's report queries agree with the journal's own filter, on a real file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.journal import HistoryFilter, Journal, PaymentState
from kiosk.journal.history_totals import count_rows, history_totals


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    journal = Journal(tmp_path / "journal.sqlite3")
    rows = [
        ("2611000001", "pln", "530000000001", 10_500, PaymentState.SUCCESS, 24),
        ("2611000002", "pdam", "1013226", 20_000, PaymentState.FAILED, 24),
        ("2611000003", "pln", "530000000002", 30_000, PaymentState.SUCCESS, 25),
        ("2611000004", "bpjs", "8801234560001", 40_000, None, 25),
    ]
    for ref, product, number, total, state, day in rows:
        at = datetime(2026, 11, day, 9, 0)
        journal.record_inquiry(
            ref_id=ref,
            product=product,
            customer_no=number,
            amount=None,
            customer_name="BUDI",
            tagihan=total - 2500,
            denda=0,
            admin=2500,
            total=total,
            shop_fee=500,
            price=None,
            reply_json="{}",
            at=at,
        )
        if state is not None:
            journal.mark_sending(ref, at=at)
            journal.transition(ref, state, at=at, reason="test", sn="SN" + ref[-1])
    return journal


FILTERS = [
    HistoryFilter(),
    HistoryFilter(include_inquiries=True),
    HistoryFilter(text="1013"),
    HistoryFilter(text="SN3"),
    HistoryFilter(text="2611000001"),
    HistoryFilter(day_from=date(2026, 11, 25)),
    HistoryFilter(day_to=date(2026, 11, 24)),
    HistoryFilter(product="pln"),
    HistoryFilter(state=PaymentState.FAILED),
    HistoryFilter(day_from=date(2026, 11, 24), day_to=date(2026, 11, 25)),
    HistoryFilter(day_from=date(2026, 11, 25), day_to=date(2026, 11, 25)),  # has an inquiry
]


@pytest.mark.parametrize("flt", FILTERS)
def test_counts_agree_with_the_journal(journal: Journal, flt: HistoryFilter) -> None:
    assert count_rows(journal, flt) == journal.count(flt)
    assert history_totals(journal.path, flt).rows == journal.count(flt)


def test_totals_sum_every_row_and_the_successful_ones(journal: Journal) -> None:
    totals = history_totals(journal.path, HistoryFilter())
    assert (totals.rows, totals.total) == (3, 11_000 + 20_500 + 30_500)
    assert (totals.successes, totals.success_total) == (2, 11_000 + 30_500)
    assert history_totals(journal.path, HistoryFilter(product="bpjs")).total == 0  # inquiry only

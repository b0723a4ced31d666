"""The heartbeat's "today" is the WIB business day, whatever the kiosk's own clock zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from kiosk.business_day import now as wib_now
from kiosk.fleet.sources import JournalReader
from kiosk.journal import Journal
from tests.fleet.conftest import pay


def test_a_payment_just_after_midnight_wib_counts_for_the_new_day(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    # 00:30 WIB on 4 December is still 3 December on a kiosk whose clock runs on UTC.
    pay(journal, 1, at=datetime(2026, 12, 3, 17, 30, tzinfo=UTC), total=60_000)
    pay(journal, 2, at=datetime(2026, 12, 3, 16, 30, tzinfo=UTC), total=40_000)
    reader = JournalReader(journal.path, "toko1@test")
    try:
        today = reader.figures(date(2026, 12, 4))
        yesterday = reader.figures(date(2026, 12, 3))
    finally:
        reader.close()
        journal.close()
    assert (today.today_count, today.today_amount) == (1, 61_000)
    assert (yesterday.today_count, yesterday.today_amount) == (1, 41_000)


def test_without_a_day_the_figures_are_for_today_in_wib(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    pay(journal, 1, at=wib_now(), total=60_000)
    reader = JournalReader(journal.path, "toko1@test")
    try:
        figures = reader.figures()
    finally:
        reader.close()
        journal.close()
    assert (figures.today_count, figures.today_amount) == (1, 61_000)

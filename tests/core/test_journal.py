"""The journal is a real SQLite file: append-only, ordered states, durable."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.business_day import WIB
from kiosk.journal import HistoryFilter, IllegalTransition, Journal, JournalError, PaymentState

S = PaymentState
NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=WIB)  # the journal's days are WIB days


def add(
    journal: Journal,
    ref: str,
    *,
    customer: str = "530000000001",
    at: datetime = NOW,
    total: int = 11000,
) -> None:
    journal.record_inquiry(
        ref_id=ref,
        product="pln",
        customer_no=customer,
        amount=None,
        customer_name="BUDI",
        tagihan=total - 2500,
        denda=0,
        admin=2500,
        total=total,
        shop_fee=1000,
        price=total - 1000,
        reply_json='{"data": {"rc": "00"}}',
        at=at,
    )


def test_schema_is_versioned_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    add(journal, "r1")
    journal.mark_sending("r1", at=NOW)
    journal.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again = Journal(path)
    entry = again.get("r1")
    assert entry is not None and entry.state is S.SENDING


def test_state_machine(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    add(journal, "r1")
    with pytest.raises(IllegalTransition):
        journal.transition("r1", S.SUCCESS, at=NOW, reason="skipping sending")
    journal.mark_sending("r1", at=NOW)
    journal.transition("r1", S.UNKNOWN, at=NOW, reason="timeout")
    journal.transition("r1", S.PENDING, at=NOW, reason="rc 03")
    journal.transition("r1", S.SUCCESS, at=NOW, reason="ok", sn="SN1", rc="00")
    with pytest.raises(IllegalTransition):
        journal.transition("r1", S.FAILED, at=NOW, reason="no")
    journal.transition("r1", S.FAILED, at=NOW, reason="refund by provider", correction=True)
    states = [e.state for e in journal.events("r1")]
    assert states == [S.INQUIRED, S.SENDING, S.UNKNOWN, S.PENDING, S.SUCCESS, S.FAILED]
    assert journal.get("r1").sn == "SN1"  # type: ignore[union-attr]


def test_rows_cannot_be_edited_or_deleted(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    add(Journal(path), "r1")
    with sqlite3.connect(path) as raw:
        for sql in (
            "UPDATE transactions SET total = 1",
            "DELETE FROM transactions",
            "UPDATE events SET state = 'success'",
            "DELETE FROM events",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="never"):
                raw.execute(sql)


def test_unwritable_journal_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    journal = Journal(folder / "j.sqlite3")
    add(journal, "r1")
    journal.close()
    for name in os.listdir(folder):
        (folder / name).chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(folder / "j.sqlite3", os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(JournalError) as caught:
            add(Journal(folder / "j.sqlite3"), "r2")
        assert "tidak dapat disimpan" in caught.value.user_message("id")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_full_disk_is_a_clear_error(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    add(journal, "r0")
    journal._conn.execute("PRAGMA max_page_count = 1")  # the file may not grow: a full disk
    with pytest.raises(JournalError):
        for i in range(200):
            add(journal, f"r{i + 1}", total=10**6 + i)


def test_history_filters_pages_and_csv(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    for i in range(30):
        add(journal, f"ref{i:03d}", customer=f"53000000{i:04d}", at=NOW.replace(minute=i))
        journal.mark_sending(f"ref{i:03d}", at=NOW)
        final = S.SUCCESS if i % 3 else S.FAILED
        journal.transition(f"ref{i:03d}", final, at=NOW, reason="t", sn=f"SN{i}" if i % 3 else None)
    add(journal, "only-inquired")
    everything = HistoryFilter()
    assert journal.count(everything) == 30
    first = journal.page(everything, 0, 5)
    assert [r[-1] for r in first] == ["ref029", "ref028", "ref027", "ref026", "ref025"]
    assert journal.count(HistoryFilter(state=S.FAILED)) == 10
    assert journal.count(HistoryFilter(text="SN7")) == 1
    assert journal.count(HistoryFilter(day_from=date(2026, 11, 25))) == 0
    assert [e.ref_id for e in journal.find("530000000004")] == ["ref004"]
    assert journal.export_csv(HistoryFilter(state=S.SUCCESS), tmp_path / "x.csv") == 20
    assert "ref029" in (tmp_path / "x.csv").read_text()


def test_daily_summary(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    for ref, final, bal in (
        ("a", S.SUCCESS, "90000"),
        ("b", S.SUCCESS, "80000"),
        ("c", S.FAILED, None),
    ):
        add(journal, ref, customer=ref)
        journal.mark_sending(ref, at=NOW)
        journal.transition(ref, final, at=NOW, reason="t", balance=Decimal(bal) if bal else None)
    add(journal, "d", customer="d")
    journal.mark_sending("d", at=NOW)
    summary = journal.daily_summary(NOW.date())
    assert (summary.transactions, summary.successes, summary.failures, summary.pendings) == (
        4,
        2,
        1,
        1,
    )
    assert (
        summary.collected == 2 * 12000 and summary.admin_fees == 5000 and summary.shop_fees == 2000
    )
    assert summary.balance_change == Decimal(-10000)


def test_cash_tables_live_in_the_journal_and_are_append_only(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    cash = journal.cash_ledger()
    cash.open_session("r-cash", 50_000)
    assert cash.note_credited("r-cash", 20_000) == 20_000
    journal.close()
    with sqlite3.connect(tmp_path / "j.sqlite3") as raw:
        assert raw.execute("SELECT COUNT(*) FROM cash_notes").fetchone()[0] == 1
        with pytest.raises(sqlite3.DatabaseError, match="never"):
            raw.execute("UPDATE cash_notes SET value = 1")
    reopened = Journal(tmp_path / "j.sqlite3").cash_ledger()
    assert reopened.session("r-cash").credit == 20_000  # type: ignore[union-attr]

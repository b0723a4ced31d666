"""Tutup Kasir's cash numbers from the real ledger on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.business_day import business_day
from kiosk.cash.closing import cash_summary, summary_lines
from kiosk.cash.ledger import CashLedger
from tests.cash.ledger_db import open_journal

NOON = datetime(2026, 12, 3, 5, 0, tzinfo=UTC)  # 12:00 WIB


def test_a_day_of_cash_adds_up(tmp_path: Path) -> None:
    ledger = CashLedger(open_journal(tmp_path / "j.sqlite3"), clock=lambda: NOON)
    ledger.open_session("A", 45_000)  # paid, 5.000 change
    ledger.note_credited("A", 50_000)
    ledger.start_paying("A")
    change = ledger.paid("A").voucher
    ledger.open_session("B", 30_000)  # cancelled with 20.000 in: a refund voucher
    ledger.note_credited("B", 20_000)
    refund = ledger.cancel("B", "cancel").voucher
    assert change is not None and refund is not None
    ledger.pay_out(refund.code)  # the counter pays it out
    ledger.open_session("C", 10_000)  # the change voucher + a note, still pending
    ledger.redeem(change.code, ref_id="C")
    ledger.note_credited("C", 5_000)
    ledger.start_paying("C")
    ledger.pending("C")
    summary = cash_summary(ledger, business_day(NOON))
    assert summary.cash_in == 75_000
    assert (summary.bills_paid, summary.bills_paid_amount) == (1, 45_000)
    assert (summary.issued, summary.issued_amount) == (2, 25_000)
    assert summary.redeemed_kiosk_amount == 5_000
    assert summary.paid_out_counter_amount == 20_000
    assert (summary.outstanding, summary.outstanding_amount) == (0, 0)
    assert summary.held_amount == 10_000
    assert summary.difference == 0
    lines = dict(summary_lines(summary))
    assert lines["Uang masuk (mesin)"] == "Rp 75.000" and lines["Selisih"] == "Rp 0"
    other_day = cash_summary(ledger, business_day(NOON + timedelta(days=1)))
    assert other_day.cash_in == 0 and other_day.difference == 0

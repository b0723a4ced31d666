"""Money rules on a real SQLite file: sessions, vouchers, the cash box, a killed process."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cash.cashbox import report_lines
from kiosk.cash.ledger import CashError, CashLedger, SessionState
from kiosk.cash.schema import CASH_SCHEMA_VERSION, cash_version, migrate_cash
from kiosk.cash.voucher_code import ALPHABET, display, new_code, normalise
from kiosk.cash.vouchers import VoucherError
from tests.cash.ledger_db import open_journal

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ledger(tmp_path: Path, clock: Clock) -> CashLedger:
    return CashLedger(open_journal(tmp_path / "journal.sqlite3"), clock=clock)


def test_voucher_codes_are_typeable_and_catch_a_typo() -> None:
    code = new_code()
    assert len(code) == 10 and set(code) <= set(ALPHABET)
    assert not set("01ILOU") & set(ALPHABET)
    assert normalise(f" {display(code).lower()} ") == code
    for i in range(10):
        for wrong in ALPHABET:
            if wrong != code[i]:
                assert normalise(code[:i] + wrong + code[i + 1 :]) is None


def test_cash_tables_are_append_only(ledger: CashLedger, tmp_path: Path) -> None:
    ledger.open_session("R1", 10000)
    ledger.note_credited("R1", 10000)
    conn = open_journal(tmp_path / "journal.sqlite3")
    assert cash_version(conn) == CASH_SCHEMA_VERSION and migrate_cash(conn) == CASH_SCHEMA_VERSION
    with pytest.raises(sqlite3.IntegrityError, match="never edited"):
        conn.execute("UPDATE cash_notes SET value = 100000")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM cash_sessions")


def test_overpaid_bill_gives_a_change_voucher(ledger: CashLedger, clock: Clock) -> None:
    ledger.open_session("R1", 50000)
    assert ledger.note_credited("R1", 20000) == 20000
    with pytest.raises(CashError, match="Not enough money"):
        ledger.start_paying("R1")
    ledger.note_credited("R1", 20000)
    assert ledger.note_credited("R1", 50000) == 90000
    assert ledger.start_paying("R1").state is SessionState.PAYING
    session = ledger.paid("R1")
    assert session.state is SessionState.PAID and session.excess == 40000
    assert session.voucher is not None and session.voucher.amount == 40000
    assert session.voucher.reason == "change"
    assert session.voucher.expires_at == clock.now + timedelta(days=30)
    with pytest.raises(CashError, match="cannot become"):
        ledger.failed("R1")  # a final outcome is final


def test_exact_payment_gives_no_voucher(ledger: CashLedger) -> None:
    ledger.open_session("R1", 20000)
    ledger.note_credited("R1", 20000)
    ledger.start_paying("R1")
    assert ledger.paid("R1").voucher is None


def test_failed_pay_refunds_the_whole_credit(ledger: CashLedger) -> None:
    ledger.open_session("R1", 50000)
    ledger.note_credited("R1", 50000)
    ledger.note_credited("R1", 10000)
    ledger.start_paying("R1")
    session = ledger.failed("R1", "rc 14")
    assert session.voucher is not None and session.voucher.amount == 60000
    assert session.voucher.reason == "refund"


def test_pending_holds_the_money_then_becomes_a_receipt_or_a_voucher(ledger: CashLedger) -> None:
    for ref in ("R1", "R2"):
        ledger.open_session(ref, 50000)
        ledger.note_credited(ref, 100000)
        ledger.start_paying(ref)
        held = ledger.pending(ref)
        assert held.state is SessionState.PENDING and held.voucher is None
    assert [s.ref_id for s in ledger.unfinished()] == ["R1", "R2"]
    change = ledger.paid("R1").voucher
    refund = ledger.failed("R2").voucher
    assert change is not None and change.amount == 50000
    assert refund is not None and refund.amount == 100000
    assert ledger.unfinished() == []


def test_cancel_turns_stacked_notes_into_a_voucher(ledger: CashLedger) -> None:
    ledger.open_session("R1", 50000)
    ledger.note_credited("R1", 20000)
    ledger.note_returned("R1", 2000)
    voucher = ledger.cancel("R1", "idle timeout").voucher
    assert voucher is not None and voucher.amount == 20000
    ledger.open_session("R2", 50000)
    assert ledger.cancel("R2").voucher is None  # nothing taken, nothing owed


def test_a_voucher_redeemed_twice_is_refused(ledger: CashLedger, tmp_path: Path) -> None:
    ledger.open_session("R1", 20000)
    ledger.note_credited("R1", 50000)
    ledger.start_paying("R1")
    voucher = ledger.paid("R1").voucher
    assert voucher is not None
    ledger.open_session("R2", 40000)
    session = ledger.redeem(voucher.display_code.lower(), ref_id="R2")
    assert session.credit == 30000 and session.due == 10000
    with pytest.raises(VoucherError) as used:
        ledger.pay_out(voucher.code)
    assert used.value.words.id == "Voucher ini sudah dipakai."
    other = CashLedger(open_journal(tmp_path / "journal.sqlite3"))  # another process's view
    other.open_session("R3", 10000)
    with pytest.raises(VoucherError, match="already been used"):
        other.redeem(voucher.code, ref_id="R3")
    assert other.session("R3").credit == 0


def test_vouchers_refuse_typos_unknown_codes_and_expiry(ledger: CashLedger, clock: Clock) -> None:
    ledger.open_session("R1", 10000)
    ledger.note_credited("R1", 20000)
    ledger.start_paying("R1")
    voucher = ledger.paid("R1").voucher
    assert voucher is not None
    typo = voucher.code[:-1] + next(c for c in ALPHABET if c != voucher.code[-1])
    with pytest.raises(VoucherError, match="mistyped"):
        ledger.pay_out(typo)
    with pytest.raises(VoucherError, match="not found"):
        ledger.pay_out(new_code())
    clock.now += timedelta(days=31)
    with pytest.raises(VoucherError, match="expired"):
        ledger.pay_out(voucher.code)
    summary = ledger.voucher_summary()
    assert (summary.issued_amount, summary.outstanding, summary.expired_amount) == (10000, 0, 10000)


def test_cash_box_counts_since_the_last_collection(ledger: CashLedger, clock: Clock) -> None:
    ledger.open_session("R1", 70000)
    for value in (20000, 50000, 20000):
        ledger.note_credited("R1", value)
    ledger.note_uncertain("R1", 100000, "jam_stacker")
    assert ledger.box() == Counter({20000: 2, 50000: 1})
    report = ledger.collect(physical={20000: 2, 50000: 1, 100000: 1})
    assert report.counted == {20000: 2, 50000: 1} and report.total == 90000
    assert [(u.value, u.cause) for u in report.uncertain] == [(100000, "jam_stacker")]
    assert report.difference == 100000  # the uncertain note was in the box
    assert ledger.box() == Counter() and ledger.uncertain() == ()
    lines = report_lines(report, "id")
    assert lines[0] == "AMBIL UANG (SETORAN)"
    assert "Rp 20.000 x 2 = Rp 40.000" in lines and "Total (catatan): Rp 90.000" in lines
    assert any("Rp 100.000 jam_stacker ref R1" in line for line in lines)
    assert lines[-1] == "Selisih: Rp 100.000"
    assert report_lines(report, "en")[-1] == "Difference: Rp 100,000"
    ledger.note_credited(None, 5000)
    assert ledger.box() == Counter({5000: 1})
    day = clock.now.replace(hour=0)
    assert ledger.cash_in(day, day + timedelta(days=1)) == 95000  # Tutup Kasir: cash in
    assert ledger.cash_in(day + timedelta(days=1), day + timedelta(days=2)) == 0


def test_sigkill_after_a_note_was_stacked_keeps_the_credit(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.cash_child", str(path), "R9"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "credited 20000"
        assert child.stdout.readline().strip() == "escrow 50000"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    ledger = CashLedger(open_journal(path))
    [session] = ledger.unfinished()
    assert (session.ref_id, session.state, session.credit) == ("R9", SessionState.OPEN, 20000)
    assert ledger.recover() == [("R9", 50000)]  # in escrow when killed: settle at the count
    assert ledger.session("R9").uncertain == (50000,)
    assert ledger.recover() == []
    voucher = ledger.cancel("R9", "restarted").voucher
    assert voucher is not None and voucher.amount == 20000

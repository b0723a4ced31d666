"""The cash session on the printed receipt: the voucher's code, amount and expiry, or the
money held under the ref_id; on real SQLite through the real ledger."""

from __future__ import annotations

from pathlib import Path

from kiosk.cash.ledger import CashLedger
from kiosk.cash.slip import slip_lines
from kiosk.journal import PaymentState
from kiosk.receipt.model import with_voucher
from kiosk.receipt.text import render_text
from tests.cash.ledger_db import open_journal
from tests.test_receipts import receipt_for


def test_a_change_voucher_is_printed_with_the_receipt(tmp_path: Path) -> None:
    ledger = CashLedger(open_journal(tmp_path / "j.sqlite3"))
    ledger.open_session("R1", 60_000)
    ledger.note_credited("R1", 50_000)
    ledger.note_credited("R1", 20_000)
    ledger.start_paying("R1")
    session = ledger.paid("R1")
    assert session.voucher is not None
    text = render_text(with_voucher(receipt_for("pln"), slip_lines(session)), 32)
    assert "VOUCHER KEMBALIAN" in text
    assert session.voucher.display_code in text
    assert "Rp 10.000" in text and "Berlaku sampai" in text
    assert all(len(line) <= 32 for line in text.splitlines())


def test_money_held_while_pending_is_printed_with_its_ref(tmp_path: Path) -> None:
    ledger = CashLedger(open_journal(tmp_path / "j.sqlite3"))
    ledger.open_session("R2", 20_000)
    ledger.note_credited("R2", 20_000)
    ledger.start_paying("R2")
    session = ledger.pending("R2")
    receipt = receipt_for("pln", state=PaymentState.PENDING)
    text = render_text(with_voucher(receipt, slip_lines(session, "en")), 48)
    assert "MONEY HELD" in text and "Rp 20,000" in text and "R2" in text

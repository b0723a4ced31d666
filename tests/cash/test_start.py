"""Opening the cash side at start-up: what the last run left is settled before the
acceptor takes a new note (a real journal file, the acceptor simulator over a pty)."""

from __future__ import annotations

from pathlib import Path

from kiosk.cash.ledger import SessionState
from kiosk.cash.start import open_cash
from kiosk.journal.ledger import Journal
from kiosk.settings import Settings


def test_a_session_the_last_run_left_collecting_becomes_a_refund_voucher(
    tmp_path: Path,
) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    before = journal.cash_ledger()
    before.open_session("R1", 50_000)
    before.note_credited("R1", 20_000)  # the kiosk died here: no pay ever left
    states: list[object] = []
    settings = Settings(collection="cash", cash_device="sim", voucher_days=7)
    ledger, _collector, handle = open_cash(journal, settings, states.append, lambda _event: None)
    try:
        session = ledger.session("R1")
        assert session is not None and session.state is not SessionState.OPEN
        assert session.voucher is not None
        assert (session.voucher.amount, session.voucher.reason) == (20_000, "refund")
        assert ledger.unfinished() == []
        assert handle.acceptor is not None and handle.sim_device is not None
    finally:
        handle.close()
        journal.close()

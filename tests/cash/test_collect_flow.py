"""Driver, simulator and ledger together: the journal agrees with the simulator's cash box."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kiosk.cash.acceptor import AcceptorEvent, Returned, Stacked, Uncertain
from kiosk.cash.ledger import CashLedger
from tests.cash.conftest import Rig
from tests.cash.ledger_db import open_journal


def test_journal_and_cash_box_count_agree_with_the_simulator(
    make_rig: Callable[..., Rig], tmp_path: Path
) -> None:
    ledger = CashLedger(open_journal(tmp_path / "journal.sqlite3"))
    ref = "LKT-0001"

    def journal(event: AcceptorEvent) -> None:
        if isinstance(event, Stacked):
            ledger.note_credited(ref, event.value)
        elif isinstance(event, Returned):
            ledger.note_returned(ref, event.value)
        elif isinstance(event, Uncertain):
            ledger.note_uncertain(ref, event.value, event.cause.value)

    def gate(value: int) -> bool:
        ledger.note_escrow(ref, value)
        return True

    rig = make_rig(journal=journal, escrow_gate=gate)
    rig.start()
    ledger.open_session(ref, 100000)
    rig.acceptor.enable([10000, 20000, 50000, 100000])
    for note in (20000, 2000, 50000):
        rig.device.insert(note)
    rig.device.insert_counterfeit()
    rig.wait(Stacked, lambda e: e.value == 50000)
    rig.device.jam_next_stack(lands_in_box=True)
    rig.device.insert(100000)
    rig.wait(Uncertain)
    rig.device.clear_jam()
    rig.device.insert(50000)
    rig.wait(Stacked, lambda e: e.value == 50000 and len(rig.seen(Stacked)) == 3)

    session = ledger.session(ref)
    assert session is not None and session.credit == 120000 and session.uncertain == (100000,)
    # the journal's box is the simulator's box less the uncertain note, which the count settles
    assert ledger.box() + Counter({100000: 1}) == rig.device.box
    report = ledger.collect(physical=dict(rig.device.box))
    assert report.total == 120000 and report.difference == 100000
    assert ledger.recover() == []  # every escrow row was resolved
    ledger.start_paying(ref)
    voucher = ledger.paid(ref).voucher
    assert voucher is not None and voucher.amount == 20000

"""One bill collected through the real driver and simulator, journaled by the ledger."""

from __future__ import annotations

import queue
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cash.acceptor import Enabled, Fault, FaultKind, Stacked
from kiosk.cash.collect import Collector, CollectState
from kiosk.cash.ledger import CashError, CashLedger, SessionState
from tests.cash.conftest import WAIT, Rig
from tests.cash.ledger_db import open_journal


class Screen:
    """What a collect screen would be handed, in order."""

    def __init__(self) -> None:
        self.states: queue.Queue[CollectState] = queue.Queue()

    def wait(self, check: Callable[[CollectState], bool]) -> CollectState:
        while True:
            state = self.states.get(timeout=WAIT)
            if check(state):
                return state


@pytest.fixture
def setup(
    make_rig: Callable[..., Rig], tmp_path: Path
) -> tuple[Rig, Collector, CashLedger, Screen]:
    ledger = CashLedger(open_journal(tmp_path / "journal.sqlite3"))
    screen = Screen()
    collector = Collector(ledger, screen.states.put)
    rig = make_rig(journal=collector.on_event, escrow_gate=collector.gate)
    collector.attach(rig.acceptor)
    rig.start()
    return rig, collector, ledger, screen


def test_collecting_stops_at_the_total_and_the_excess_is_a_voucher(setup) -> None:
    rig, collector, ledger, screen = setup
    collector.begin("R1", 50000, [5000, 10000, 20000, 50000, 100000])
    for note in (20000, 2000, 50000, 10000):
        rig.device.insert(note)
    assert screen.wait(lambda s: s.credit > 0).credit == 20000
    final = screen.wait(lambda s: s.covered)
    assert final.credit == 70000 and isinstance(final.event, Stacked)
    session = collector.finish()
    assert session.state is SessionState.PAYING
    # collecting had stopped: the 10000 is still in the customer's hand, or was given back
    assert rig.device.pending + rig.device.returned.count(10000) == 1
    assert ledger.box() == rig.device.box == Counter({20000: 1, 50000: 1})
    assert rig.device.returned[0] == 2000
    voucher = ledger.paid("R1").voucher
    assert voucher is not None and voucher.amount == 20000


def test_cancel_gives_the_stacked_notes_back_as_a_voucher(setup) -> None:
    rig, collector, ledger, screen = setup
    collector.begin("R2", 100000, [20000, 50000])
    rig.device.insert(20000)
    screen.wait(lambda s: s.credit == 20000)
    session = collector.cancel("idle timeout")
    assert session.state is SessionState.CANCELLED
    assert session.voucher is not None and session.voucher.amount == 20000
    assert ledger.box() == rig.device.box
    with pytest.raises(CashError):
        collector.cancel("twice")


def test_a_fault_blocks_the_next_bill_in_words(setup) -> None:
    rig, collector, _ledger, screen = setup
    collector.begin("R3", 50000, [50000])
    rig.wait(Enabled)
    rig.device.remove_box()
    state = screen.wait(lambda s: s.fault is not None)
    assert state.fault is not None and state.fault.fault is FaultKind.CASHBOX_REMOVED
    collector.cancel("cash box removed")
    with pytest.raises(CashError, match="cash box is removed"):
        collector.begin("R4", 50000, [50000])
    assert isinstance(rig.seen(Fault)[0], Fault)

"""A kiosk process taking cash for one bill, for the SIGKILL test.

Usage: python -m tests.support.cash_child JOURNAL_PATH REF_ID
Runs the simulator and the real ID-003 driver, journals through the cash
ledger, prints ``credited 20000`` once that note is committed, then
``escrow 50000`` while the next note is held in escrow — and waits there for
the parent's SIGKILL.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from kiosk.cash.acceptor import AcceptorEvent, Stacked
from kiosk.cash.id003.driver import Id003Acceptor
from kiosk.cash.ledger import CashLedger
from kiosk.cash.sim.pty import PtySimulator
from tests.cash.ledger_db import open_journal


def main() -> None:
    path, ref_id = Path(sys.argv[1]), sys.argv[2]
    ledger = CashLedger(open_journal(path))
    ledger.open_session(ref_id, 50000)
    never = threading.Event()

    def gate(value: int) -> bool:
        ledger.note_escrow(ref_id, value)
        if value == 50000:
            print("escrow 50000", flush=True)
            never.wait()  # killed here, the note still in escrow
        return True

    def sink(event: AcceptorEvent) -> None:
        if isinstance(event, Stacked):
            ledger.note_credited(ref_id, event.value)
            print(f"credited {event.value}", flush=True)

    with PtySimulator() as sim:
        acceptor = Id003Acceptor(sim.port, sink, poll_interval=0.02, escrow_gate=gate)
        acceptor.start()
        acceptor.enable([20000, 50000])
        sim.device.insert(20000)
        sim.device.insert(50000)
        never.wait()


if __name__ == "__main__":
    main()

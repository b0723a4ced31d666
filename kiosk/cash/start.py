"""Opening the cash side, at start-up or when the settings change (a worker thread, never
the GUI's): the cash ledger first settles what the last run left, then the acceptor opens
with the collector listening to it.

Settling comes first so no note is lost to a crash: a note the last run held at escrow is
uncertain now (``recover``), and every session the last run left open is closed by its
payment's journaled outcome (a paid bill: change voucher; a failed or never-sent one:
refund voucher; a pending one stays held under its ref_id).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from kiosk.cash.collect import Collector, CollectState
from kiosk.cash.connect import AcceptorHandle, open_acceptor
from kiosk.cash.settle import settle
from kiosk.cash.spec import parse_table

if TYPE_CHECKING:
    from kiosk.cash.acceptor import AcceptorEvent
    from kiosk.cash.ledger import CashLedger
    from kiosk.journal.ledger import Journal
    from kiosk.settings import Settings


def open_cash(
    journal: Journal,
    settings: Settings,
    on_state: Callable[[CollectState], None],
    on_event: Callable[[AcceptorEvent], None],
) -> tuple[CashLedger, Collector, AcceptorHandle]:
    """The ledger (settled), the collector and the open acceptor ``settings`` name.
    ``on_event`` hears each device event after the collector has journaled it."""
    ledger = journal.cash_ledger(voucher_valid_for=timedelta(days=settings.voucher_days))
    ledger.recover()  # a note the last run held at escrow is uncertain now
    for left in ledger.unfinished():
        entry = journal.get(left.ref_id)
        settle(ledger, left.ref_id, entry.state if entry is not None else None, restart=True)
    collector = Collector(ledger, on_state)

    def sink(event: AcceptorEvent) -> None:
        collector.on_event(event)  # journaled first, then the GUI hears of it
        on_event(event)

    table = parse_table(settings.cash_table) if settings.cash_table else ()
    handle = open_acceptor(settings.cash_device, sink, table=table, escrow_gate=collector.gate)
    collector.attach(handle.acceptor)
    return ledger, collector, handle

"""Collecting one bill's money: the acceptor's events journaled by the ledger, in order.

Plug :meth:`Collector.on_event` and :meth:`Collector.gate` into the driver
(``open_acceptor(setting, collector.on_event, escrow_gate=collector.gate)``),
then :meth:`Collector.attach` the acceptor. ``on_change`` is called on the
driver thread, after the ledger committed what changed, so a GUI that shows
:attr:`CollectState.credit` never shows money the journal does not hold
(hand the state to the GUI thread with a queued signal).

Collecting stops by itself when the credit reaches the total.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass

from kiosk.cash.acceptor import (
    Acceptor,
    AcceptorEvent,
    Fault,
    Recovered,
    Returned,
    Stacked,
    Uncertain,
)
from kiosk.cash.ledger import CashError, CashLedger, CashSession
from kiosk.i18n import Text


@dataclass(frozen=True)
class CollectState:
    ref_id: str
    total: int
    credit: int  # committed in the journal
    event: AcceptorEvent  # what just happened
    fault: Fault | None  # the device's current fault, if any

    @property
    def covered(self) -> bool:
        return self.credit >= self.total


NOT_SETTLED = Text(
    "Masih ada uang di dalam mesin penerima. Tunggu sebentar, lalu coba lagi.",
    "A note is still inside the acceptor. Wait a moment, then try again.",
)


class Collector:
    def __init__(self, ledger: CashLedger, on_change: Callable[[CollectState], None]) -> None:
        self._ledger = ledger
        self._on_change = on_change
        self._lock = threading.Lock()
        self._acceptor: Acceptor | None = None
        self._ref: str | None = None
        self._total = 0
        self._fault: Fault | None = None

    def attach(self, acceptor: Acceptor) -> None:
        self._acceptor = acceptor

    @property
    def fault(self) -> Fault | None:
        return self._fault

    def begin(self, ref_id: str, total: int, allowed: Collection[int]) -> CashSession:
        """Open (or resume) the session and take notes; refused while the device is faulty."""
        assert self._acceptor is not None, "attach the acceptor first"
        if self._fault is not None:
            raise CashError(self._fault.words)
        session = self._ledger.open_session(ref_id, total)
        with self._lock:
            self._ref, self._total = ref_id, total
        if not session.due:
            return session
        self._acceptor.enable(allowed)
        return session

    def cancel(self, why: str, *, settle_timeout: float = 5.0) -> CashSession:
        """Cancel or idle timeout: a held note is given back, stacked ones become a voucher."""
        ref = self._stop(settle_timeout)
        return self._ledger.cancel(ref, why)

    def finish(self, *, settle_timeout: float = 5.0) -> CashSession:
        """The credit covers the bill: close collecting; the pay may go out."""
        ref = self._stop(settle_timeout)
        return self._ledger.start_paying(ref)

    def _stop(self, settle_timeout: float) -> str:
        assert self._acceptor is not None
        with self._lock:
            ref = self._ref
        if ref is None:
            raise CashError(
                Text("Tidak ada pembayaran tunai yang berjalan.", "No cash payment is in progress.")
            )
        self._acceptor.disable()
        # under a fault the device never reports idle; a note it hid was reported uncertain
        if self._fault is None and not self._acceptor.wait_settled(settle_timeout):
            raise CashError(NOT_SETTLED)
        with self._lock:
            self._ref = None
        return ref

    # -- called on the driver thread ----------------------------------------------------------

    def gate(self, value: int) -> bool:
        """Journal the note before it is stacked, so a crash mid-stack leaves a trace."""
        with self._lock:
            ref, covered = self._ref, self._covered()
        if ref is None or covered:
            return False
        self._ledger.note_escrow(ref, value)
        return True

    def _covered(self) -> bool:
        if self._ref is None:
            return True
        session = self._ledger.session(self._ref)
        return session is not None and session.due == 0

    def on_event(self, event: AcceptorEvent) -> None:
        with self._lock:
            ref, total = self._ref, self._total
        if isinstance(event, Stacked):
            credit = self._ledger.note_credited(ref, event.value)
            if ref is not None and credit >= total and self._acceptor is not None:
                self._acceptor.disable()  # collecting stops at the total
        elif isinstance(event, Returned):
            self._ledger.note_returned(ref, event.value)
        elif isinstance(event, Uncertain):
            self._ledger.note_uncertain(ref, event.value, event.cause.value)
        elif isinstance(event, Fault):
            self._fault = event
        elif isinstance(event, Recovered):
            self._fault = None
        if ref is not None:
            session = self._ledger.session(ref)
            credit = session.credit if session else 0
            self._on_change(CollectState(ref, total, credit, event, self._fault))

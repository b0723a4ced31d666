"""Cash collection at the kiosk: the bill acceptor, the cash ledger and the pay, one bill at a time.

Owned by the payment flow (``PaymentFlow.cash``). In ``cash`` collection the confirm
screen's Bayar opens the collect screen. Notes are journaled by the ledger on the
driver thread and reach the GUI through a queued signal, so the screen never shows
credit the journal does not hold. When the credit covers the total the acceptor is
stopped and settled off the GUI thread, then the bill is paid exactly as in attended
mode (same ref_id, the serial lane), and the outcome closes the cash session: a change
voucher, a refund voucher, or the money held under the ref_id while it is pending (the
later outcome, from the status watch, turns it into the voucher).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from kiosk.i18n import Text
from kiosk.ui.tasks import Lane

if TYPE_CHECKING:
    from kiosk.cash.acceptor import AcceptorEvent
    from kiosk.cash.collect import Collector, CollectState
    from kiosk.cash.connect import AcceptorHandle
    from kiosk.cash.ledger import CashLedger, CashSession
    from kiosk.cash.sim.device import SimDevice
    from kiosk.composition import Core
    from kiosk.payment import Bill, CheckAnswer
    from kiosk.settings import Settings
    from kiosk.ui.payment_flow import PaymentFlow

log = logging.getLogger("kiosk.ui.cash")

NOT_READY = Text(
    "Mesin penerima uang belum siap. Pembayaran tunai belum bisa dilakukan.",
    "The bill acceptor is not ready. Cash payments are not possible yet.",
)
COVERED = Text("Uang cukup. Pembayaran diproses…", "Enough money. The payment is being made…")
RETURNED = Text("Uang dikembalikan. Ambil uang Anda.", "Note given back. Please take it.")
CANCELLED = Text(
    "Pembayaran dibatalkan. Uang yang sudah masuk menjadi voucher.",
    "Payment cancelled. The money already inserted becomes a voucher.",
)


NO_PRINTER = Text(
    "Pembayaran tunai membutuhkan printer struk (voucher harus selalu bisa dicetak). "
    "Petugas toko: atur printer thermal di Pengaturan.",
    "Cash payments need a receipt printer (a voucher must always be printable). "
    "Shop staff: set up the thermal printer in Settings.",
)


# NamedTuples, not frozen dataclasses: the controller (on the first frame) imports this
# module, and a dataclass costs about a millisecond of generated code to create.
class CollectView(NamedTuple):
    """What the collect screen shows: only credit the journal committed."""

    total: int
    credit: int

    @property
    def due(self) -> int:
        return max(self.total - self.credit, 0)


class CashOutcome(NamedTuple):
    """The collection ended on the collect screen (cancel, or a pay not sent): the session
    and its voucher, with words for why."""

    session: CashSession
    words: Text


class _Paid(NamedTuple):
    answer: CheckAnswer | None
    session: CashSession
    words: Text | None


class CashFlow(QObject):
    """Signals (GUI thread): ``progress(CollectView)``, ``message(Text)`` (a note rejected or
    given back, a fault, a refused voucher), ``outcome(CashOutcome)`` (shown on the collect
    screen), ``session_shown(CashSession)`` (the cash session of the result on screen:
    a voucher, or money held), ``ready_changed(bool)``."""

    progress = Signal(object)
    message = Signal(object)
    outcome = Signal(object)
    session_shown = Signal(object)
    ready_changed = Signal(bool)
    _state_said = Signal(object)
    _device_said = Signal(object)

    def __init__(self, flow: PaymentFlow) -> None:
        super().__init__(flow)
        self.flow, self.nav = flow, flow.nav
        self.runner = flow.runner
        self.ledger: CashLedger | None = None
        self.collector: Collector | None = None
        self.handle: AcceptorHandle | None = None
        self.device_setting: tuple[str, str] | None = None
        self.problem: Text | None = None
        self.allowed: tuple[int, ...] = ()
        self.bill: Bill | None = None
        self.view: CollectView | None = None
        """The last progress shown (a screen built late starts from it)."""
        self.collecting = False
        self.finishing = False
        self.cancelling = False
        self._wired = False
        flow.status_updated.connect(self._on_flow_status_updated)
        flow.payment_finished.connect(self._on_flow_payment_finished)
        flow.nav.blocked_changed.connect(self._on_nav_blocked_changed)

    @property
    def active(self) -> bool:
        return self.flow.settings.collection == "cash"

    @property
    def sim_device(self) -> SimDevice | None:
        return self.handle.sim_device if self.handle is not None else None

    # -- the device ---------------------------------------------------------------------------

    def _wire_device(self) -> None:
        """Queued connections for the driver's events (made once, after the first frame:
        the Qt namespace is slow to build)."""
        if self._wired:
            return
        from PySide6.QtCore import Qt

        queued = Qt.ConnectionType.QueuedConnection
        self._state_said.connect(self._on_state_said, queued)
        self._device_said.connect(self._on_device_said, queued)
        self._wired = True

    def configure(self, core: Core, settings: Settings) -> None:
        """Open (or close) the acceptor the settings name, off the GUI thread."""
        if settings.collection != "cash":
            self._set_problem(None)
            self.close()
            return
        self._wire_device()  # only for an acceptor: it builds Qt's namespace (~20 ms, 1 MiB)
        wanted = (settings.cash_device, settings.cash_table)
        if self.handle is not None and wanted == self.device_setting:
            return
        self.close()
        self.device_setting = wanted
        self._set_problem(NOT_READY)
        from kiosk.cash.start import open_cash

        state_said, device_said = self._state_said.emit, self._device_said.emit
        self.runner.submit(
            lambda: open_cash(core.journal, settings, state_said, device_said),
            on_done=self._on_opened,
            on_error=self._on_open_error,
        )

    def _on_opened(self, parts: tuple[CashLedger, Collector, AcceptorHandle]) -> None:
        self.ledger, self.collector, self.handle = parts
        settings = self.flow.settings
        if settings.cash_device != "sim" and not settings.thermal_printer:
            # A change or refund voucher must always be printable: a real acceptor needs
            # a receipt printer (the simulator's demo prints PDFs).
            self._set_problem(NO_PRINTER)

    def _on_open_error(self, exc: BaseException) -> None:
        log.warning("bill acceptor not opened: %s", exc)
        words = getattr(exc, "words", None)
        self._set_problem(words if isinstance(words, Text) else NOT_READY)

    def close(self) -> None:
        handle, self.handle, self.collector, self.device_setting = (self.handle, None, None, None)
        if handle is not None:
            self.runner.submit(handle.close, on_done=lambda _: None, on_error=log.warning)

    def _set_problem(self, problem: Text | None) -> None:
        was = self.problem
        self.problem = problem
        if problem is not None:
            self.nav.set_blocked(problem)
        elif was is not None and self.nav.blocked == was:
            self.nav.set_blocked(None)
        if (was is None) != (problem is None):
            self.ready_changed.emit(problem is None)

    def _on_nav_blocked_changed(self, reason: object) -> None:
        if reason is None and self.problem is not None and self.active:
            self.nav.set_blocked(self.problem)  # another block lifted; ours holds

    def _on_device_said(self, event: AcceptorEvent) -> None:
        from kiosk.cash.acceptor import Fault, Ready, Recovered, Rejected, Returned

        if isinstance(event, Ready):
            self.allowed = event.info.values()
            self._set_problem(None)
        elif isinstance(event, Fault):
            self._set_problem(event.words)
            if self.collecting:
                self.message.emit(event.words)
        elif isinstance(event, Recovered):
            self._set_problem(None)
        elif isinstance(event, Rejected) and self.collecting:
            self.message.emit(event.words)
        elif isinstance(event, Returned) and self.collecting:
            self.message.emit(RETURNED)

    # -- one bill -----------------------------------------------------------------------------

    def begin(self, bill: Bill) -> bool:
        """Start collecting for ``bill``; False when no acceptor is ready."""
        collector = self.collector
        if collector is None or self.problem is not None or self.collecting:
            return False
        self.bill, self.collecting, self.finishing, self.cancelling = bill, True, False, False
        total, allowed = bill.total_to_collect, self.allowed
        self.view = CollectView(total, 0)
        self.progress.emit(self.view)
        self.runner.submit(
            lambda: collector.begin(bill.ref_id, total, allowed),
            on_done=self._on_begun,
            on_error=self._on_begin_error,
        )
        return True

    def _on_begun(self, session: CashSession) -> None:
        self._show(session.total, session.credit)

    def _on_begin_error(self, exc: BaseException) -> None:
        self.collecting = False
        self.message.emit(_words(exc))

    def _on_state_said(self, state: CollectState) -> None:
        if self.bill is not None and state.ref_id == self.bill.ref_id and self.collecting:
            self._show(state.total, state.credit)

    def _show(self, total: int, credit: int) -> None:
        self.view = CollectView(total, credit)
        self.progress.emit(self.view)
        if credit >= total:
            self._finish()

    def redeem(self, typed: str) -> None:
        """ "Pakai voucher": a voucher's amount becomes credit (once: the ledger refuses a
        second use)."""
        ledger, bill = self.ledger, self.bill
        if ledger is None or bill is None or not self.collecting or self.finishing:
            return
        self.runner.submit(
            lambda: ledger.redeem(typed, ref_id=bill.ref_id),
            on_done=self._on_redeemed,
            on_error=self._on_redeem_error,
        )

    def _on_redeemed(self, session: CashSession) -> None:
        if self.collecting:
            self._show(session.total, session.credit)

    def _on_redeem_error(self, exc: BaseException) -> None:
        self.message.emit(_words(exc))

    def _finish(self) -> None:
        collector = self.collector
        if self.finishing or self.cancelling or collector is None:
            return
        self.finishing = True
        self.flow.paying = True  # from here on no Batal and no idle reset
        self.message.emit(COVERED)
        self.runner.submit(
            collector.finish,
            on_done=self._on_finished,
            on_error=self._on_finish_error,
            lane=Lane.SERIAL,
        )

    def _on_finish_error(self, exc: BaseException) -> None:
        self.finishing = False
        self.flow.paying = False
        self.message.emit(_words(exc))

    def _on_finished(self, session: CashSession) -> None:
        bill, ledger = self.bill, self.ledger
        assert bill is not None and ledger is not None
        self.flow.start_processing(bill)
        self.runner.submit(
            lambda: self._pay_and_settle(bill, ledger),
            on_done=self._on_paid,
            on_error=self._on_pay_error,
            lane=Lane.SERIAL,
        )

    def _pay_and_settle(self, bill: Bill, ledger: CashLedger) -> _Paid:
        """Worker side: the pay as in attended mode, then the cash session's outcome."""
        from kiosk.journal.states import PaymentState
        from kiosk.ui.error_words import explain

        try:
            answer = self.flow.pay_and_ask(bill)
        except Exception as exc:  # refused before it was sent: not paid, all of it back
            return _Paid(None, ledger.failed(bill.ref_id, type(exc).__name__), explain(exc))
        result = answer.result
        if result.state is PaymentState.SUCCESS:
            session = ledger.paid(bill.ref_id)
        elif result.state is PaymentState.FAILED:
            session = ledger.failed(bill.ref_id, result.message.en)
        else:
            session = ledger.pending(bill.ref_id)
        return _Paid(answer, session, None)

    def _on_paid(self, paid: _Paid) -> None:
        from kiosk.ui.navigation import Screen

        self.collecting = self.finishing = False
        self.bill = None
        if paid.answer is not None:
            self.flow.finish(paid.answer)  # result screen; the session follows
            return
        self.flow.paying = False
        self.flow.bill = None
        self.nav.go(Screen.COLLECT)
        self.outcome.emit(CashOutcome(paid.session, paid.words or CANCELLED))

    def _on_pay_error(self, exc: BaseException) -> None:
        log.error("cash pay could not be settled: %r", exc)
        self.collecting = self.finishing = False
        self.flow.paying = False
        self.message.emit(_words(exc))

    def cancel(self, why: str) -> None:
        """Batal or the idle reset: a held note goes back, stacked notes become a voucher."""
        collector = self.collector
        if self.finishing or self.cancelling or self.flow.paying:
            return
        if not self.collecting or collector is None:
            self.collecting = False
            self.flow.new_transaction()
            return
        self.cancelling = True
        self.runner.submit(
            lambda: collector.cancel(why),
            on_done=self._on_cancelled,
            on_error=self._on_cancel_error,
        )

    def _on_cancelled(self, session: CashSession) -> None:
        self.collecting = self.cancelling = False
        self.bill = None
        self.flow.bill = None
        if session.voucher is None:
            self.flow.new_transaction()
        else:
            self.outcome.emit(CashOutcome(session, CANCELLED))

    def _on_cancel_error(self, exc: BaseException) -> None:
        self.cancelling = False
        self.message.emit(_words(exc))

    # -- a result on screen: its voucher, or the money held --------------------------------------

    def _on_flow_payment_finished(self, result: Any) -> None:
        ledger = self.ledger
        if ledger is not None:
            self.runner.submit(
                lambda: ledger.session(result.ref_id), on_done=self._on_found, on_error=log.warning
            )

    def _on_flow_status_updated(self, result: Any) -> None:
        """A later outcome turns money held under a ref_id into a voucher (or settles it)."""
        ledger = self.ledger
        if ledger is None or not result.state.final:
            return
        if self.bill is not None and self.bill.ref_id == result.ref_id:
            return  # this pay's own worker settles it
        from kiosk.cash.settle import settle

        ref, state = result.ref_id, result.state
        self.runner.submit(
            lambda: settle(ledger, ref, state), on_done=self._on_found, on_error=log.warning
        )

    def _on_found(self, session: CashSession | None) -> None:
        if session is not None:
            self.session_shown.emit(session)


def _words(exc: BaseException) -> Text:
    words = getattr(exc, "words", None)
    if isinstance(words, Text):
        return words
    from kiosk.ui.error_words import explain

    return explain(exc)

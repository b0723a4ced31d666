"""One customer's payment: inquiry → bill → pay → result, and the looks back at it.

Views emit intent; this flow runs the work through the one ``TaskRunner`` (a pay on
the serial lane, so two never overlap), moves the navigation along and announces
what happened with signals named for events. Cash collection (``cash_flow``) and the
status watch (``status_watch``) are its parts.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.api.errors import NotSentError
from kiosk.ui.error_words import explain
from kiosk.ui.navigation import Navigation, Screen
from kiosk.ui.status_watch import StatusWatch
from kiosk.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.bill_request import BillRequest
    from kiosk.composition import Core
    from kiosk.payment import Bill, CheckAnswer, PaymentResult, PaymentService
    from kiosk.settings import Settings
    from kiosk.ui.balance_watch import BalanceWatch

log = logging.getLogger("kiosk.ui")


class PaymentFlow(QObject):
    """Signals (all on the GUI thread): ``inquiry_busy(bool)``, ``inquiry_failed(Text)``,
    ``bill_received(Bill)``, ``payment_started(Bill)``, ``payment_finished(PaymentResult)``
    (a result to show: just paid, or reopened), ``status_updated(PaymentResult)``,
    ``lookup_busy(bool)``, ``lookup_finished(list)``, ``alert_raised(str ref_id, Alert)``
    (an operator alert from the payment core, from any thread)."""

    inquiry_busy = Signal(bool)
    inquiry_failed = Signal(object)
    bill_received = Signal(object)
    payment_started = Signal(object)
    payment_finished = Signal(object)
    status_updated = Signal(object)
    lookup_busy = Signal(bool)
    lookup_finished = Signal(object)
    alert_raised = Signal(str, object)

    def __init__(
        self,
        *,
        nav: Navigation,
        balance: BalanceWatch,
        runner: TaskRunner,
        settings: Settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        from kiosk.ui.cash_flow import CashFlow

        self.nav, self.balance, self.runner, self.settings = nav, balance, runner, settings
        self.core: Core | None = None
        self.bill: Bill | None = None
        self.paying = False
        self.shown_result: PaymentResult | None = None
        self.next_check: datetime | None = None
        self.reopened = False
        """The shown result came from History or Cek Status: its receipt is a reprint."""
        self.watch = StatusWatch(runner, self)
        self.watch.answered.connect(self._on_watch_answered)
        self.cash = CashFlow(self)
        """Cash collection (``collection = cash``): the bill acceptor and its vouchers."""

    def attach(self, core: Core) -> None:
        self.core = core
        core.service.on_alert = self.alert_raised.emit  # thread-safe: a queued signal
        self.cash.configure(core, self.settings)

    @property
    def service(self) -> PaymentService:
        assert self.core is not None, "attach() the core first"
        return self.core.service

    # -- leaving the payment ------------------------------------------------------------

    def cancel(self) -> None:
        """Back/Batal: allowed until the pay request is sent, never after."""
        if self.paying:
            return
        screen = self.nav.screen
        if screen is Screen.COLLECT:
            self.cash.cancel("cancel")
        elif screen is Screen.CONFIRM:
            self.bill = None
            self.nav.go(Screen.FORM)
        elif screen in (Screen.FORM, Screen.STATUS):
            self.new_transaction()

    def new_transaction(self) -> None:
        if self.paying:
            return
        if self.cash.collecting:  # the credit becomes a voucher first, then home
            self.cash.cancel("idle")
            return
        self.bill = None
        self.shown_result = None
        self.nav.clear_session()

    # -- inquiry and pay ---------------------------------------------------------------

    def submit_request(self, request: BillRequest) -> None:
        if self.nav.screen is not Screen.FORM:
            return
        self.inquiry_busy.emit(True)
        self.runner.submit(
            lambda: self.service.inquire(request),
            on_done=self._on_inquiry_done,
            on_error=self._on_inquiry_error,
        )

    def _on_inquiry_done(self, bill: Bill) -> None:
        self.inquiry_busy.emit(False)
        if self.nav.screen is not Screen.FORM:
            return  # the customer left meanwhile (idle reset): drop the bill
        self.bill = bill
        self.bill_received.emit(bill)
        self.nav.go(Screen.CONFIRM)
        self.balance.refresh()  # the deposit as of now: can it pay this bill?

    def _on_inquiry_error(self, exc: BaseException) -> None:
        self.inquiry_busy.emit(False)
        if isinstance(exc, NotSentError):
            self.balance.mark_offline()
        self.inquiry_failed.emit(explain(exc))

    def pay(self, bill: Bill) -> None:
        """Pay ``bill`` once; a second call while one is in flight does nothing."""
        if self.paying or self.nav.screen is not Screen.CONFIRM or bill is not self.bill:
            return
        if self.settings.collection == "cash":  # the notes first, then the same pay
            if self.cash.begin(bill):
                self.nav.go(Screen.COLLECT)
            else:
                self.bill = None
                self.new_transaction()  # home says why (the acceptor's problem)
            return
        self.paying = True
        self.start_processing(bill)
        self.runner.submit(
            lambda: self.pay_and_ask(bill),
            on_done=self.finish,
            on_error=self._on_pay_error,
            lane=Lane.SERIAL,
        )

    def start_processing(self, bill: Bill) -> None:
        """The pay request is about to go out: the processing screen, no way back."""
        self.payment_started.emit(bill)
        self.nav.go(Screen.PROCESSING)

    def pay_and_ask(self, bill: Bill) -> CheckAnswer:
        """Worker side: pay, then ask the resolver when the result is checked next."""
        from kiosk.payment import CheckAnswer

        result = self.service.pay(bill)
        entry = self.service.journal.get(result.ref_id)
        resolver = self.core.resolver if self.core is not None else None
        next_at = resolver.next_check_at(entry) if resolver and entry else None
        return CheckAnswer(result, next_at if result.state.unresolved else None)

    def finish(self, answer: CheckAnswer) -> None:
        """The pay answered (any state): show its result."""
        self.paying = False
        self.reopened = False
        self.bill = None
        self.shown_result, self.next_check = answer.result, answer.next_at
        if answer.result.state.unresolved and self.core is not None:
            self.watch.keep_watching(self.core.resolver)
        self.payment_finished.emit(answer.result)
        self.nav.go(Screen.RESULT)
        self.balance.refresh()

    def _on_pay_error(self, exc: BaseException) -> None:
        # Only a failure *before* sending gets here (journal write, stale bill).
        self.paying = False
        self.bill = None
        self.nav.go(Screen.FORM)
        self.inquiry_failed.emit(explain(exc))

    # -- status checks (all through the resolver) --------------------------------------

    def recheck(self, ref_id: str) -> None:
        """An explicit re-check (History, the result pane): within the provider's spacing."""
        self.watch.check(ref_id)

    def reconcile(self) -> None:
        self.watch.run_due()

    def _on_watch_answered(self, answer: CheckAnswer) -> None:
        result = answer.result
        if self.shown_result is not None and self.shown_result.ref_id == result.ref_id:
            self.shown_result = result
            self.next_check = answer.next_at
        self.status_updated.emit(result)

    # -- looking back: Cek Status, History ----------------------------------------------

    def lookup(self, query: str) -> None:
        self.lookup_busy.emit(True)
        resolver = self.core.resolver if self.core is not None else None

        def work() -> list[PaymentResult]:
            found = self.service.lookup(query)
            if resolver is None:
                return found
            return [resolver.check(r.ref_id).result if r.state.unresolved else r for r in found]

        self.runner.submit(work, on_done=self._on_lookup_done, on_error=self._on_lookup_error)

    def _on_lookup_done(self, results: list[PaymentResult]) -> None:
        self.lookup_busy.emit(False)
        self.lookup_finished.emit(results)

    def _on_lookup_error(self, exc: BaseException) -> None:
        self.lookup_busy.emit(False)
        self.lookup_finished.emit([])

    def open_ref(self, ref_id: str) -> None:
        """Show a journaled payment (from History), read off the GUI thread."""
        self.runner.submit(
            lambda: self.service.result(ref_id),
            on_done=self.show_result,
            on_error=self.on_background_error,
        )

    def show_result(self, result: PaymentResult) -> None:
        """Open a stored result (from Cek Status or History); its next check is the
        resolver's business (it asks when the spacing allows)."""
        self.reopened = True
        self.shown_result, self.next_check = result, None
        self.payment_finished.emit(result)
        self.nav.go(Screen.RESULT)
        if result.state.unresolved and self.core is not None:
            self.watch.keep_watching(self.core.resolver)
            self.recheck(result.ref_id)

    def resolve_manually(self, ref_id: str, *, succeeded: bool, actor: str, reason: str) -> None:
        """A person's decision on an unresolved payment (behind the admin PIN, desktop only)."""
        self.runner.submit(
            lambda: self.service.resolve_manually(
                ref_id, succeeded=succeeded, actor=actor, reason=reason
            ),
            on_done=self.status_updated.emit,
            on_error=self.on_background_error,
        )

    def on_background_error(self, exc: BaseException) -> None:
        """For work whose failure only the log hears of (the desks use it too)."""
        log.warning("background work failed: %s", type(exc).__name__)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<PaymentFlow {self.nav.screen.value} paying={self.paying}>"

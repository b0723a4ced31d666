"""The kiosk's state machine: which screen shows, and every call off the GUI thread.

home → form → confirm → processing → result; home → status. Views emit
intent; this controller runs the work through the one ``TaskRunner`` and
announces what happened with signals named for events.
"""

from __future__ import annotations

import logging
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.i18n import Lang, Text
from kiosk.products import product
from kiosk.settings import Settings
from kiosk.ui.screens.home import BalanceInfo
from kiosk.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from datetime import datetime
    from decimal import Decimal

    from kiosk.bill_request import BillRequest
    from kiosk.composition import Core
    from kiosk.payment import Alert, Bill, CheckAnswer, PaymentResult, PaymentService

log = logging.getLogger("kiosk.ui")

BALANCE_EVERY_MS = 60_000
UNEXPECTED = Text(
    "Terjadi kesalahan. Silakan coba lagi atau hubungi petugas toko.",
    "Something went wrong. Please try again or ask the shop staff.",
)


class Screen(Enum):
    HOME = "home"
    FORM = "form"
    CONFIRM = "confirm"
    PROCESSING = "processing"
    RESULT = "result"
    STATUS = "status"
    COLLECT = "collect"  # cash collection: notes into the bill acceptor


def explain(exc: BaseException) -> Text:
    """What a person reads for an error: never a code alone, never a traceback."""
    from kiosk.api.errors import ApiError, ApiRefusal  # not at import: off the first frame
    from kiosk.journal.ledger import JournalError
    from kiosk.payment import InquiryFailed, PaymentNotSent, PendingPaymentExists, StaleBill

    if isinstance(exc, PendingPaymentExists):
        return Text(
            f"Masih ada pembayaran yang belum pasti untuk nomor ini (ref {exc.ref_id}). "
            "Jangan membayar ulang: tunggu hasilnya atau cek di menu Cek Status.",
            f"A payment for this number is not settled yet (ref {exc.ref_id}). "
            "Do not pay again: wait for its result or look it up under Check Status.",
        )
    if isinstance(exc, StaleBill):
        return Text("Tagihan sudah kedaluwarsa. Silakan cek tagihan lagi.",
                    "The bill has expired. Please check the bill again.")  # fmt: skip
    if isinstance(exc, InquiryFailed):
        return exc.message
    if isinstance(exc, PaymentNotSent):
        return exc.message
    if isinstance(exc, ApiRefusal):
        return exc.info.message
    if isinstance(exc, (ApiError, JournalError)):
        return exc.message
    log.error("unexpected error: %r", exc)
    return UNEXPECTED


class KioskController(QObject):
    """Signals (all on the GUI thread):
    screen_changed(Screen), product_opened(Product), inquiry_busy(bool),
    inquiry_failed(Text), bill_received(Bill), payment_started(Bill),
    payment_finished(PaymentResult), status_updated(PaymentResult),
    balance_changed(BalanceInfo), language_changed(str), lookup_busy(bool),
    lookup_finished(list), session_cleared(), blocked_changed(Text | None),
    balance_checked() (after every balance check, good or not),
    alert_raised(str ref_id, Alert) (an operator alert from the payment core)."""

    screen_changed = Signal(object)
    product_opened = Signal(object)
    inquiry_busy = Signal(bool)
    inquiry_failed = Signal(object)
    bill_received = Signal(object)
    payment_started = Signal(object)
    payment_finished = Signal(object)
    status_updated = Signal(object)
    balance_changed = Signal(object)
    language_changed = Signal(str)
    lookup_busy = Signal(bool)
    lookup_finished = Signal(object)
    session_cleared = Signal()
    blocked_changed = Signal(object)
    balance_checked = Signal()
    alert_raised = Signal(str, object)

    def __init__(self, *, core: Core | None, settings: Settings, runner: TaskRunner,
                 lang: Lang = "id", parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        from kiosk.ui.cash_flow import CashFlow
        from kiosk.ui.status_watch import StatusWatch

        self.settings, self.runner = settings, runner
        self.core: Core | None = None
        self.lang: Lang = lang
        self.screen = Screen.HOME
        self.bill: Bill | None = None
        self.paying = False
        self.shown_result: PaymentResult | None = None
        self._blocked_by: str | None = None
        """What set :attr:`blocked` when the provider or keychain did ("key", "config")."""
        self.reopened = False
        """The shown result came from History or Cek Status: its receipt is a reprint."""
        self.blocked: Text | None = None
        """Why new payments are refused (a thermal printer without paper), or None."""
        self.next_check: datetime | None = None
        self.deposit: Decimal | None = None
        """The last provider deposit a balance check saw (kept while offline)."""
        self.watch = StatusWatch(runner, self)
        self.watch.answered.connect(self._on_watch_answered)
        self.alert_raised.connect(self._on_alert_raised)
        self._balance_timer = QTimer(self)
        self._balance_timer.timeout.connect(self.refresh_balance)
        self.cash = CashFlow(self)
        """Cash collection (``collection = cash``): the bill acceptor and its vouchers."""
        if core is not None:
            self.attach(core)

    def attach(self, core: Core) -> None:
        """The money core, built once (after the first frame in the app)."""
        self.core = core
        core.service.on_alert = self.alert_raised.emit  # thread-safe: a queued signal
        self.cash.configure(core, self.settings)

    @property
    def attached(self) -> bool:
        return self.core is not None

    @property
    def service(self) -> PaymentService:
        assert self.core is not None, "attach() the core first"
        return self.core.service

    @property
    def client(self) -> Any:
        return self.service.client

    def start(self) -> None:
        """Reconcile what a previous run left unresolved and watch the balance."""
        assert self.core is not None
        self.refresh_balance()
        self.watch.start(self.core.resolver)
        self._balance_timer.start(BALANCE_EVERY_MS)

    def _go(self, screen: Screen) -> None:
        self.screen = screen
        self.screen_changed.emit(screen)

    # -- navigation --------------------------------------------------------------------

    def set_blocked(self, reason: Text | None) -> None:
        if reason != self.blocked:
            self.blocked = reason
            self.blocked_changed.emit(reason)

    def open_product(self, code: str) -> None:
        if self.screen is not Screen.HOME or not self.attached or self.blocked is not None:
            return
        self.product_opened.emit(product(code))
        self._go(Screen.FORM)

    def open_status_check(self) -> None:
        if self.screen is Screen.HOME and self.attached:
            self._go(Screen.STATUS)

    def cancel(self) -> None:
        """Back/Batal: allowed until the pay request is sent, never after."""
        if self.paying:
            return
        if self.screen is Screen.COLLECT:
            self.cash.cancel("cancel")
        elif self.screen is Screen.CONFIRM:
            self.bill = None
            self._go(Screen.FORM)
        elif self.screen in (Screen.FORM, Screen.STATUS):
            self.new_transaction()

    def new_transaction(self) -> None:
        if self.paying:
            return
        if self.cash.collecting:  # the credit becomes a voucher first, then home
            self.cash.cancel("idle")
            return
        self.bill = None
        self.shown_result = None
        self.session_cleared.emit()
        self._go(Screen.HOME)

    def set_language(self, lang: Lang) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)

    # -- inquiry and pay ---------------------------------------------------------------

    def submit_request(self, request: BillRequest) -> None:
        if self.screen is not Screen.FORM:
            return
        self.inquiry_busy.emit(True)
        self.runner.submit(lambda: self.service.inquire(request), on_done=self._on_inquiry_done,
                           on_error=self._on_inquiry_error)  # fmt: skip

    def _on_inquiry_done(self, bill: Bill) -> None:
        self.inquiry_busy.emit(False)
        if self.screen is not Screen.FORM:
            return  # the customer left meanwhile (idle reset): drop the bill
        self.bill = bill
        self.bill_received.emit(bill)
        self._go(Screen.CONFIRM)
        self.refresh_balance()  # the deposit as of now: can it pay this bill? (balance_changed)

    def _on_inquiry_error(self, exc: BaseException) -> None:
        from kiosk.api.errors import NotSentError

        self.inquiry_busy.emit(False)
        if isinstance(exc, NotSentError):
            self._set_balance(None, online=False)
        self.inquiry_failed.emit(explain(exc))

    def pay(self, bill: Bill) -> None:
        """Pay ``bill`` once; a second call while one is in flight does nothing."""
        if self.paying or self.screen is not Screen.CONFIRM or bill is not self.bill:
            return
        if self.settings.collection == "cash":  # the notes first, then the same pay
            if self.cash.begin(bill):
                self._go(Screen.COLLECT)
            else:
                self.bill = None
                self.new_transaction()  # home says why (the acceptor's problem)
            return
        self.paying = True
        self.payment_started.emit(bill)
        self._go(Screen.PROCESSING)
        self.runner.submit(lambda: self._paid(bill), on_done=self._on_pay_done,
                           on_error=self._on_pay_error, lane=Lane.SERIAL)  # fmt: skip

    def _paid(self, bill: Bill) -> CheckAnswer:
        """Worker side: pay, then ask the resolver when the result is checked next."""
        from kiosk.payment import CheckAnswer

        result = self.service.pay(bill)
        entry = self.service.journal.get(result.ref_id)
        resolver = self.core.resolver if self.core is not None else None
        next_at = resolver.next_check_at(entry) if resolver and entry else None
        return CheckAnswer(result, next_at if result.state.unresolved else None)

    def _on_pay_done(self, answer: CheckAnswer) -> None:
        self.paying = False
        self.reopened = False
        self.bill = None
        self.shown_result, self.next_check = answer.result, answer.next_at
        if answer.result.state.unresolved and self.core is not None:
            self.watch.keep_watching(self.core.resolver)
        self.payment_finished.emit(answer.result)
        self._go(Screen.RESULT)
        self.refresh_balance()

    def _on_pay_error(self, exc: BaseException) -> None:
        # Only a failure *before* sending gets here (journal write, stale bill).
        self.paying = False
        self.bill = None
        self._go(Screen.FORM)
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

    def _on_alert_raised(self, ref_id: str, alert: Alert) -> None:
        log.warning("operator alert for %s: %s", ref_id, alert.kind.value)
        if alert.blocks_payments:
            self._blocked_by = "config"
            self.set_blocked(alert.text)

    # -- customer status check ---------------------------------------------------------

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
        self.runner.submit(lambda: self.service.result(ref_id), on_done=self.show_result,
                           on_error=self._on_background_error)  # fmt: skip

    def show_result(self, result: PaymentResult) -> None:
        """Open a stored result (from Cek Status or History); its next check is the
        resolver's business (it asks when the spacing allows)."""
        self.reopened = True
        self.shown_result, self.next_check = result, None
        self.payment_finished.emit(result)
        self._go(Screen.RESULT)
        if result.state.unresolved and self.core is not None:
            self.watch.keep_watching(self.core.resolver)
            self.recheck(result.ref_id)

    def resolve_manually(self, ref_id: str, *, succeeded: bool, actor: str, reason: str) -> None:
        """A person's decision on an unresolved payment (behind the admin PIN, desktop only)."""
        self.runner.submit(
            lambda: self.service.resolve_manually(ref_id, succeeded=succeeded, actor=actor,
                                                  reason=reason),
            on_done=self.status_updated.emit, on_error=self._on_background_error,
        )  # fmt: skip

    def _on_background_error(self, exc: BaseException) -> None:
        log.warning("background work failed: %s", type(exc).__name__)

    # -- settings ----------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """New settings between payments: the swap runs on the payment lane, so it
        waits for a pay in flight and never lands under one."""
        self.settings = settings
        core = self.core
        if core is not None:
            self.cash.configure(core, settings)
            self.runner.submit(lambda: core.apply_settings(settings),
                               on_done=lambda _swapped: self.refresh_balance(),
                               on_error=self._on_background_error, lane=Lane.SERIAL)  # fmt: skip

    # -- balance -----------------------------------------------------------------------

    def refresh_balance(self) -> None:
        if self.core is None:
            return
        core = self.core

        def work() -> Decimal:
            from kiosk.business_day import now

            balance: Decimal = core.client.balance()
            try:
                core.journal.record_balance(balance, at=now())
            except Exception as exc:  # the opening balance is a nicety; the check is not
                log.warning("balance not journaled: %s", type(exc).__name__)
            return balance

        self.runner.submit(work, on_done=self._on_balance_done, on_error=self._on_balance_error)

    def _on_balance_done(self, balance: Decimal) -> None:
        if self.blocked is not None and self._blocked_by is not None:
            self._blocked_by = None
            self.set_blocked(None)  # the keychain and the account work again
        self._set_balance(balance, online=True)
        self.balance_checked.emit()

    def _on_balance_error(self, exc: BaseException) -> None:
        from kiosk.api.errors import ApiRefusal, KeyUnavailableError, NotSentError

        if isinstance(exc, KeyUnavailableError):
            # Not "offline": the key cannot be read (no backend, locked, deleted). Say so
            # in words on the home screen and refuse payments until the check succeeds.
            self._blocked_by = "key"
            self.set_blocked(exc.message)
        elif isinstance(exc, ApiRefusal) and exc.rc in ("41", "42", "45"):
            self._blocked_by = "config"
            self.set_blocked(exc.info.message)
        else:
            self._set_balance(None, online=not isinstance(exc, NotSentError))
        self.balance_checked.emit()

    def _set_balance(self, balance: Decimal | None, *, online: bool) -> None:
        if balance is not None:
            self.deposit = balance
        low = balance is not None and balance < self.settings.low_balance_warning
        self.balance_changed.emit(BalanceInfo(online=online, balance=balance, low=low))

    def shutdown(self) -> None:
        self.cash.close()
        self.watch.stop()
        self._balance_timer.stop()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<KioskController {self.screen.value} paying={self.paying}>"

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

from kiosk.api.errors import ApiError, ApiRefusal, KeyUnavailableError, NotSentError
from kiosk.i18n import Lang, Text
from kiosk.products import product
from kiosk.settings import Settings
from kiosk.ui.screens.home import BalanceInfo
from kiosk.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from datetime import datetime
    from decimal import Decimal

    from kiosk.api.client import DigiswitchClient
    from kiosk.bill_request import BillRequest
    from kiosk.payment import Bill, PaymentResult, PaymentService

log = logging.getLogger("kiosk.ui")

BALANCE_EVERY_MS = 60_000
RECONCILE_EVERY_MS = 30_000
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


def explain(exc: BaseException) -> Text:
    """What a person reads for an error: never a code alone, never a traceback."""
    from kiosk.journal.store import JournalError
    from kiosk.payment import PendingPaymentExists, StaleBill

    if isinstance(exc, PendingPaymentExists):
        return Text(
            f"Masih ada pembayaran yang sedang dicek untuk nomor ini (ref {exc.ref_id}). "
            "Tunggu hasilnya atau cek di menu Cek Status.",
            f"A payment for this number is still being checked (ref {exc.ref_id}). "
            "Wait for its result or look it up under Check Status.",
        )
    if isinstance(exc, StaleBill):
        return Text("Tagihan sudah kedaluwarsa. Silakan cek tagihan lagi.",
                    "The bill has expired. Please check the bill again.")  # fmt: skip
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
    balance_checked() (after every balance check, good or not)."""

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
    pending_blocked = Signal(str)

    def __init__(self, *, service: PaymentService | None, client: DigiswitchClient | None,
                 settings: Settings, runner: TaskRunner, lang: Lang = "id",
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.settings, self.runner = settings, runner
        self._service, self._client = service, client
        self.lang: Lang = lang
        self.screen = Screen.HOME
        self.bill: Bill | None = None
        self.paying = False
        self.shown_result: PaymentResult | None = None
        self._blocked_by_key = False
        self.reopened = False
        """The shown result came from History or Cek Status: its receipt is a reprint."""
        self.blocked: Text | None = None
        """Why new payments are refused (a thermal printer without paper), or None."""
        self.next_check: datetime | None = None
        self._status_timers: dict[str, QTimer] = {}
        self._balance_timer = QTimer(self)
        self._balance_timer.timeout.connect(self.refresh_balance)
        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.timeout.connect(self.reconcile)

    def attach(self, service: PaymentService, client: DigiswitchClient) -> None:
        """The money parts, when they are built after the first frame."""
        self._service, self._client = service, client

    @property
    def attached(self) -> bool:
        return self._service is not None

    @property
    def service(self) -> PaymentService:
        assert self._service is not None, "attach() the payment service first"
        return self._service

    @property
    def client(self) -> Any:
        assert self._client is not None, "attach() the client first"
        return self._client

    def start(self) -> None:
        """Reconcile what a previous run left unresolved and watch the balance."""
        self.refresh_balance()
        self.reconcile()
        self._balance_timer.start(BALANCE_EVERY_MS)
        self._reconcile_timer.start(RECONCILE_EVERY_MS)

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
        if self.screen is Screen.CONFIRM:
            self.bill = None
            self._go(Screen.FORM)
        elif self.screen in (Screen.FORM, Screen.STATUS):
            self.new_transaction()

    def new_transaction(self) -> None:
        if self.paying:
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

    def submit_request(self, request: BillRequest, *, override_pending: bool = False) -> None:
        """Inquire; ``override_pending`` (after the admin PIN) pays past an unresolved one."""
        if self.screen is not Screen.FORM:
            return
        self.inquiry_busy.emit(True)
        self.runner.submit(lambda: self.service.inquire(request, override_pending=override_pending),
                           on_done=self._on_inquiry_done, on_error=self._on_inquiry_error)  # fmt: skip

    def _on_inquiry_done(self, bill: Bill) -> None:
        self.inquiry_busy.emit(False)
        if self.screen is not Screen.FORM:
            return  # the customer left meanwhile (idle reset): drop the bill
        self.bill = bill
        self.bill_received.emit(bill)
        self._go(Screen.CONFIRM)

    def _on_inquiry_error(self, exc: BaseException) -> None:
        self.inquiry_busy.emit(False)
        if isinstance(exc, NotSentError):
            self._set_balance(None, online=False)
        self.inquiry_failed.emit(explain(exc))
        ref_id = getattr(exc, "ref_id", None)
        if isinstance(ref_id, str) and type(exc).__name__ == "PendingPaymentExists":
            self.pending_blocked.emit(ref_id)

    def pay(self, bill: Bill) -> None:
        """Pay ``bill`` once; a second call while one is in flight does nothing."""
        if self.paying or self.screen is not Screen.CONFIRM or bill is not self.bill:
            return
        self.paying = True
        self.payment_started.emit(bill)
        self._go(Screen.PROCESSING)
        self.runner.submit(lambda: self._timed(self.service.pay(bill)), on_done=self._on_pay_done,
                           on_error=self._on_pay_error, lane=Lane.SERIAL)  # fmt: skip

    def _timed(self, result: PaymentResult) -> tuple[PaymentResult, datetime | None]:
        """Worker side: the result and, when unresolved, when to check it next."""
        unresolved = result.state.unresolved
        return result, self.service.next_check_at(result.ref_id) if unresolved else None

    def _on_pay_done(self, timed: tuple[PaymentResult, datetime | None]) -> None:
        self.paying = False
        self.reopened = False
        self.bill = None
        result = self._show(timed)
        self.payment_finished.emit(result)
        self._go(Screen.RESULT)
        self.refresh_balance()

    def _on_pay_error(self, exc: BaseException) -> None:
        # Only a failure *before* sending gets here (journal write, stale bill).
        self.paying = False
        self.bill = None
        self._go(Screen.FORM)
        self.inquiry_failed.emit(explain(exc))

    # -- status checks -----------------------------------------------------------------

    def _show(self, timed: tuple[PaymentResult, datetime | None]) -> PaymentResult:
        result, next_at = timed
        self.shown_result = result
        self.next_check = next_at
        if next_at is not None:
            self._schedule_check(result.ref_id, next_at)
        return result

    def _schedule_check(self, ref_id: str, at: datetime) -> None:
        if ref_id in self._status_timers:
            return
        from datetime import datetime  # late: not needed for the first frame

        delay = (at - datetime.now()).total_seconds()
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._check_now(ref_id))
        self._status_timers[ref_id] = timer
        timer.start(max(0, int(delay * 1000)))

    def _check_now(self, ref_id: str) -> None:
        timer = self._status_timers.pop(ref_id, None)
        if timer is not None:
            timer.deleteLater()
        self.runner.submit(lambda: self._timed(self.service.check_status(ref_id)),
                           on_done=self._on_status_done, on_error=self._on_background_error)  # fmt: skip

    def recheck(self, ref_id: str) -> None:
        """An explicit re-check (history, Cek Status), still within the backoff."""
        self._check_now(ref_id)

    def _on_status_done(self, timed: tuple[PaymentResult, datetime | None]) -> None:
        result, next_at = timed
        if next_at is not None:
            self._schedule_check(result.ref_id, next_at)
        if self.shown_result is not None and self.shown_result.ref_id == result.ref_id:
            self.shown_result = result
            self.next_check = next_at
        self.status_updated.emit(result)

    def reconcile(self) -> None:
        def work() -> list[tuple[PaymentResult, datetime | None]]:
            self.service.reconcile()
            return [self._timed(r) for r in self.service.unresolved()]

        self.runner.submit(work, on_done=self._on_reconciled, on_error=self._on_background_error)

    def _on_reconciled(self, timed: list[tuple[PaymentResult, datetime | None]]) -> None:
        for item in timed:
            self._on_status_done(item)

    def _on_background_error(self, exc: BaseException) -> None:
        log.warning("background check failed: %s", type(exc).__name__)

    # -- customer status check ---------------------------------------------------------

    def lookup(self, query: str) -> None:
        self.lookup_busy.emit(True)

        def work() -> list[PaymentResult]:
            found = self.service.lookup(query)
            return [self.service.check_status(r.ref_id) if r.state.unresolved else r for r in found]

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
        """Open a stored result (from Cek Status or History)."""
        self.reopened = True
        from datetime import datetime

        self._show((result, datetime.now() if result.state.unresolved else None))
        self.payment_finished.emit(result)
        self._go(Screen.RESULT)

    # -- balance -----------------------------------------------------------------------

    def refresh_balance(self) -> None:
        self.runner.submit(self.client.balance, on_done=self._on_balance_done,
                           on_error=self._on_balance_error)  # fmt: skip

    def _on_balance_done(self, balance: Decimal) -> None:
        if self.blocked is not None and self._blocked_by_key:
            self._blocked_by_key = False
            self.set_blocked(None)  # the keychain is back (unlocked, key stored again)
        self._set_balance(balance, online=True)
        self.balance_checked.emit()

    def _on_balance_error(self, exc: BaseException) -> None:
        if isinstance(exc, KeyUnavailableError):
            # Not "offline": the key cannot be read (no backend, locked, deleted). Say so
            # in words on the home screen and refuse payments until the check succeeds.
            self._blocked_by_key = True
            self.set_blocked(exc.message)
        else:
            self._set_balance(None, online=not isinstance(exc, NotSentError))
        self.balance_checked.emit()

    def _set_balance(self, balance: Decimal | None, *, online: bool) -> None:
        low = balance is not None and balance < self.settings.low_balance_warning
        self.balance_changed.emit(BalanceInfo(online=online, balance=balance, low=low))

    def shutdown(self) -> None:
        for timer in (*self._status_timers.values(), self._balance_timer, self._reconcile_timer):
            timer.stop()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<KioskController {self.screen.value} paying={self.paying}>"

"""The payment service: inquire, pay once, and record what every answer means (no Qt).

Money rules kept here:

* The inquiry creates the ref_id (WIB date + random digits); pay and status reuse it.
* The journal row is committed in state SENDING *before* the pay request
  leaves; if that write fails, nothing is sent (:class:`PaymentNotSent`).
* What an answer means is decided by :mod:`kiosk.payment.decisions`, the one
  table; this module only calls, journals and reports.
* If the journal cannot record the answer *after* the pay was sent, the
  customer reads "status belum pasti — jangan bayar ulang" and the SENDING row
  stays for the next start to reconcile.
* While a payment for (product, customer_no) is unresolved, a new inquiry for
  the same pair raises :class:`PendingPaymentExists`; only a person's journaled
  manual resolution (:meth:`PaymentService.resolve_manually`) ends that.
* One pay at a time (``pay_gate``), and one call per ref_id at a time (:class:`RefLocks`).

Every method may be called from a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NoReturn

from kiosk.api.errors import (
    ApiRefusal,
    KeyUnavailableError,
    NotSentError,
    OutcomeUnknownError,
    ReplyMismatchError,
)
from kiosk.api.refid import new_ref_id
from kiosk.bill_request import BillRequest
from kiosk.business_day import business_day
from kiosk.business_day import now as wib_now
from kiosk.i18n import Text
from kiosk.journal import Journal, JournalError, PaymentState
from kiosk.models.reply import TransactionReply
from kiosk.payment.decision_words import UNCERTAIN
from kiosk.payment.decisions import (
    Alert,
    Command,
    Decision,
    Knowledge,
    Observation,
    Transport,
    decide,
)
from kiosk.payment.locks import RefLocks
from kiosk.payment.results import (
    Bill,
    InquiryFailed,
    PaymentNotSent,
    PaymentResult,
    PendingPaymentExists,
    StaleBill,
    encode_text,
    result_of,
)

if TYPE_CHECKING:
    from kiosk.api.client import DigiswitchClient

log = logging.getLogger("kiosk.payment")

STATUS_FLOOR_S = 60.0
"""The provider allows one status call per transaction per minute (rc 85)."""

MANUAL_WORDS = {
    PaymentState.SUCCESS: Text(
        "Dinyatakan berhasil oleh petugas toko.", "Marked as successful by the shop staff."
    ),
    PaymentState.FAILED: Text(
        "Dinyatakan gagal oleh petugas toko; tagihan tidak terbayar.",
        "Marked as failed by the shop staff; the bill is not paid.",
    ),
}


def floored_interval(requested: float, *, allow_fast: bool) -> float:
    """Seconds between status calls for one ref_id: at least a minute in production,
    whatever settings.json says; only the demo or a test may go lower."""
    return max(0.0, requested) if allow_fast else max(STATUS_FLOOR_S, requested)


def _observation(exc: BaseException) -> Observation:
    if isinstance(exc, NotSentError):
        return Observation.failed(Transport.NOT_SENT)
    if isinstance(exc, ReplyMismatchError):
        return Observation.failed(Transport.MISMATCH)
    return Observation.failed(Transport.NO_ANSWER)


INQUIRY_REF_ATTEMPTS = 3
"""ref_ids an inquiry tries, in all, while the decision says a fresh one may be asked
(``Decision.new_ref``: rc 49). ref_ids are the WIB date and 8 random digits: a busy
kiosk, or many kiosks on one provider account, meet a taken one now and then."""


class PaymentService:
    def __init__(
        self,
        *,
        client: DigiswitchClient,
        journal: Journal,
        shop_fee: Callable[[str], int] = lambda code: 0,
        clock: Callable[[], datetime] = wib_now,
        status_interval: float = STATUS_FLOOR_S,
        allow_fast_status: bool = False,
        on_alert: Callable[[str, Alert], None] | None = None,
        ref_ids: Callable[[datetime], str] = new_ref_id,
    ) -> None:
        self.client = client
        self.ref_ids = ref_ids
        self.journal = journal
        self.shop_fee = shop_fee
        self.clock = clock
        self.interval = timedelta(
            seconds=floored_interval(status_interval, allow_fast=allow_fast_status)
        )
        self.locks = RefLocks()
        self.pay_gate = threading.Lock()
        """Held for a whole pay: a client swap (new settings) waits until none is in flight."""
        self.on_alert = on_alert
        self._uncertain: dict[str, PaymentResult] = {}

    def set_client(self, client: DigiswitchClient) -> DigiswitchClient:
        """Swap the client between payments (never under one); returns the old one."""
        with self.pay_gate:
            old, self.client = self.client, client
        return old

    # -- inquiry -----------------------------------------------------------------------

    def inquire(self, request: BillRequest) -> Bill:
        open_entry = self.journal.unresolved_for(request.product, request.customer_no)
        if open_entry is not None:
            raise PendingPaymentExists(open_entry.ref_id)
        for attempt in range(1, INQUIRY_REF_ATTEMPTS + 1):
            ref_id = self.ref_ids(self.clock())
            try:
                reply = self.client.inquiry(
                    code=request.product,
                    customer_no=request.customer_no,
                    ref_id=ref_id,
                    amount=request.amount,
                )
                break
            except ApiRefusal as exc:
                decision = decide(Command.INQUIRY, Observation.reply(exc.rc), Knowledge())
                if decision.new_ref and attempt < INQUIRY_REF_ATTEMPTS:
                    continue
                self._refused(ref_id, decision, exc.rc)
            except KeyUnavailableError:
                raise  # the keychain is locked or empty: its own words
            except (NotSentError, OutcomeUnknownError) as exc:
                seen = _observation(exc)
                self._refused(ref_id, decide(Command.INQUIRY, seen, Knowledge()), None)
        now = self.clock()
        bill = Bill(
            ref_id,
            request.product,
            request.customer_no,
            request.amount,
            reply,
            self.shop_fee(request.product),
            now,
        )
        amounts = reply.amounts()
        self.journal.record_inquiry(
            ref_id=ref_id,
            product=bill.product,
            customer_no=bill.customer_no,
            amount=bill.amount,
            customer_name=reply.name,
            tagihan=amounts.tagihan,
            denda=amounts.denda,
            admin=amounts.admin,
            total=amounts.total,
            shop_fee=bill.shop_fee,
            price=reply.price,
            reply_json=reply.to_json(),
            at=now,
        )
        return bill

    def _refused(self, ref_id: str, decision: Decision, rc: str | None) -> NoReturn:
        if decision.alert is not None:
            self._alert(ref_id, decision.alert)
        raise InquiryFailed(decision.customer or UNCERTAIN, rc=rc, alert=decision.alert)

    # -- pay ---------------------------------------------------------------------------

    def pay(self, bill: Bill) -> PaymentResult:
        """Pay once. Never raises for network outcomes; PaymentNotSent means nothing left."""
        with self.pay_gate, self.locks.hold(bill.ref_id):
            entry = self.journal.get(bill.ref_id)
            if entry is not None and entry.state is not PaymentState.INQUIRED:
                return self.result(bill.ref_id)  # a second tap: the first one's result
            if business_day(bill.inquired_at) != business_day(self.clock()):
                raise StaleBill(bill.ref_id)
            started = self.clock()
            try:
                self.journal.mark_sending(bill.ref_id, at=started)
            except JournalError as exc:
                raise PaymentNotSent(str(exc)) from exc
            try:
                reply = self.client.pay(
                    code=bill.product,
                    customer_no=bill.customer_no,
                    ref_id=bill.ref_id,
                    amount=bill.amount,
                )
            except (NotSentError, OutcomeUnknownError) as exc:
                return self.record(bill.ref_id, Command.PAY, _observation(exc), None, started)
            return self.record(
                bill.ref_id, Command.PAY, self._seen(reply, bill.customer_no), reply, started
            )

    @staticmethod
    def _seen(reply: TransactionReply, customer_no: str) -> Observation:
        """A reply must name our customer number (REFERENCE.md); otherwise it is not trusted."""
        named = (reply.customer_no or "").replace(" ", "")
        if named and named != customer_no.replace(" ", ""):
            log.warning("reply names another customer number")
            return Observation.failed(Transport.MISMATCH)
        return Observation.reply(reply.rc)

    def ask_status(
        self, ref_id: str, customer_no: str, product: str
    ) -> tuple[Observation, TransactionReply | None]:
        """One status call (the resolver decides when); never raises for network outcomes."""
        try:
            reply = self.client.status(code=product, customer_no=customer_no, ref_id=ref_id)
        except (NotSentError, OutcomeUnknownError) as exc:
            return _observation(exc), None
        return self._seen(reply, customer_no), reply

    # -- recording what an answer means ------------------------------------------------

    def record(
        self,
        ref_id: str,
        command: Command,
        seen: Observation,
        reply: TransactionReply | None,
        started: datetime,
    ) -> PaymentResult:
        """Decide with the table and journal the decision (also when nothing changes)."""
        entry = self.journal.get(ref_id)
        if entry is None:
            raise KeyError(ref_id)
        evidence = self.journal.evidence(ref_id)
        known = Knowledge(
            state=entry.state,
            record_seen=evidence.record_seen,
            first_not_found=evidence.first_not_found,
            now=started,
            interval=self.interval,
        )
        decision = decide(command, seen, known)
        assert decision.state is not None
        charged = None
        reason = f"{command.value}: {seen} → {decision.rule}"
        trusted = reply if seen.rc is not None else None
        if decision.state is PaymentState.SUCCESS and trusted is not None:
            paid = trusted.amounts().total if (trusted.selling_price or trusted.price) else None
            if paid is not None and paid != entry.total:
                charged = paid
                reason += (
                    f"; charged {paid} vs inquiry {entry.total} (difference {paid - entry.total})"
                )
                log.warning("%s: pay reply charged %s, inquiry said %s", ref_id, paid, entry.total)
        try:
            self.journal.transition(
                ref_id,
                decision.state,
                at=started,
                reason=reason,
                rc=seen.rc,
                message=encode_text(decision.customer) if decision.customer else None,
                sn=trusted.sn if trusted else None,
                balance=trusted.balance if trusted else None,
                reply_json=trusted.to_json() if trusted else None,
                command="pay" if command is Command.PAY else "status",
                record=decision.record,
                charged_total=charged,
            )
        except JournalError as exc:
            log.error("%s: the journal could not record the answer (%s)", ref_id, exc)
            return self._uncertain_result(ref_id, trusted)
        self._uncertain.pop(ref_id, None)
        if decision.alert is not None:
            self._alert(ref_id, decision.alert)
        return self.result(ref_id)

    def _uncertain_result(self, ref_id: str, reply: TransactionReply | None) -> PaymentResult:
        """The answer could not be journaled: uncertain, and the SENDING row stays."""
        base = self.result(ref_id)
        shown = PaymentResult(
            base.ref_id,
            base.product,
            base.customer_no,
            PaymentState.UNKNOWN,
            UNCERTAIN,
            reply or base.reply,
            base.bill,
            self.clock(),
        )
        self._uncertain[ref_id] = shown
        return shown

    def _alert(self, ref_id: str, alert: Alert) -> None:
        log.warning("%s: operator alert %s: %s", ref_id, alert.kind.value, alert.text.en)
        if self.on_alert is not None:
            self.on_alert(ref_id, alert)

    # -- a person's decision -----------------------------------------------------------

    def resolve_manually(
        self, ref_id: str, *, succeeded: bool, actor: str, reason: str
    ) -> PaymentResult:
        """Mark an unresolved payment failed or succeeded, with who and why (e.g. the
        provider's CS ticket). Waits for any call in flight on the ref_id."""
        state = PaymentState.SUCCESS if succeeded else PaymentState.FAILED
        with self.locks.hold(ref_id):
            self.journal.transition(
                ref_id,
                state,
                at=self.clock(),
                reason=reason.strip(),
                message=encode_text(MANUAL_WORDS[state]),
                actor=actor,
                manual=True,
            )
            self._uncertain.pop(ref_id, None)
        return self.result(ref_id)

    # -- reads -------------------------------------------------------------------------

    def result(self, ref_id: str) -> PaymentResult:
        entry = self.journal.get(ref_id)
        if entry is None:
            raise KeyError(ref_id)
        uncertain = self._uncertain.get(ref_id)
        if uncertain is not None and entry.state is PaymentState.SENDING:
            return uncertain
        return result_of(entry)

    def unresolved(self) -> list[PaymentResult]:
        return [self.result(e.ref_id) for e in self.journal.unresolved()]

    def lookup(self, query: str) -> list[PaymentResult]:
        return [self.result(e.ref_id) for e in self.journal.find(query.strip())]

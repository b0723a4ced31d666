"""The payment service: inquiry, pay once, and resolve what is unknown (no Qt).

Money rules, kept here and only here:

* The inquiry creates the ref_id; pay and status reuse it (REFERENCE.md).
* The journal row is committed in state SENDING *before* the pay request
  leaves; if that write fails, nothing is sent.
* Timeout / reset / 5xx / unreadable reply / rc 03, 99, 49 or an unknown rc
  after sending → UNKNOWN or PENDING, resolved by ``check_status`` for the
  same ref_id. Nothing here ever pays again under a new ref_id.
* A failed pay whose rc has a provider record is confirmed with one status
  call before it is final (PENDING until then, REFERENCE.md "Response codes").
* While a payment for (product, customer_no) is unresolved, a new inquiry for
  the same pair raises :class:`PendingPaymentExists` unless overridden.
* Status checks for one ref_id are spaced by ``status_interval`` (the
  provider allows one call per transaction per minute), doubling up to 10×.

Every method may be called from a worker thread.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kiosk.api.errors import ApiError, NotSentError, OutcomeUnknownError
from kiosk.api.refid import new_ref_id
from kiosk.bill_request import BillRequest
from kiosk.i18n import Text
from kiosk.journal import Entry, Journal, PaymentState
from kiosk.models.parse import ReplyParseError
from kiosk.models.reply import Amounts, TransactionReply
from kiosk.rc import Outcome, lookup, pay_outcome

if TYPE_CHECKING:
    from kiosk.api.client import DigiswitchClient

__all__ = [
    "Bill", "BillRequest", "PaymentResult", "PaymentService", "PaymentState",
    "PendingPaymentExists", "StaleBill",
]  # fmt: skip

CHECKING = Text(
    "Pembayaran sedang diproses. Status dicek otomatis; jangan membayar ulang.",
    "The payment is being processed. Its status is checked automatically; do not pay again.",
)
NEVER_ARRIVED = Text(
    "Pembayaran tidak sampai ke penyedia dan tidak terjadi. Uang tidak terpotong.",
    "The payment never reached the provider and did not happen. Nothing was charged.",
)


@dataclass(frozen=True, slots=True)
class Bill:
    """An inquired bill, ready to pay under ``ref_id``."""

    ref_id: str
    product: str
    customer_no: str
    amount: int | None
    reply: TransactionReply
    shop_fee: int
    """Adm Loket: the shop's own fee, its own line, never folded into ``admin``."""
    inquired_at: datetime

    @property
    def amounts(self) -> Amounts:
        return self.reply.amounts()

    @property
    def total_to_collect(self) -> int:
        return self.amounts.total + self.shop_fee


@dataclass(frozen=True, slots=True)
class PaymentResult:
    ref_id: str
    product: str
    customer_no: str
    state: PaymentState
    message: Text
    """What the customer reads for this state."""
    reply: TransactionReply | None
    """The latest readable reply (pay or status); None when none was readable."""
    bill: Bill | None
    updated_at: datetime

    @property
    def sn(self) -> str | None:
        return self.reply.sn if self.reply is not None else None


class PendingPaymentExists(Exception):
    """A payment for the same product and customer is still unresolved."""

    def __init__(self, ref_id: str) -> None:
        super().__init__(f"payment {ref_id} is still unresolved")
        self.ref_id = ref_id


class StaleBill(Exception):
    """The bill was inquired on an earlier day; pay must be on the inquiry's day."""


def _parse(json_text: str | None, product: str) -> TransactionReply | None:
    if not json_text:
        return None
    try:
        return TransactionReply.from_json(json.loads(json_text), product_code=product)
    except (ValueError, ReplyParseError):
        return None


class PaymentService:
    def __init__(
        self,
        *,
        client: DigiswitchClient,
        journal: Journal,
        shop_fee: Callable[[str], int] = lambda code: 0,
        clock: Callable[[], datetime] = datetime.now,
        status_interval: float = 60.0,
    ) -> None:
        self.client = client
        self.journal = journal
        self._shop_fee = shop_fee
        self._clock = clock
        self.status_interval = status_interval
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._last_call: dict[str, datetime] = {}
        self._checks: dict[str, int] = {}

    def _lock_for(self, ref_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(ref_id, threading.Lock())

    # -- inquiry and pay --------------------------------------------------------------

    def inquire(self, request: BillRequest, *, override_pending: bool = False) -> Bill:
        open_entry = self.journal.unresolved_for(request.product, request.customer_no)
        if open_entry is not None and not override_pending:
            raise PendingPaymentExists(open_entry.ref_id)
        ref_id = new_ref_id(self._clock())
        reply = self.client.inquiry(code=request.product, customer_no=request.customer_no,
                                    ref_id=ref_id, amount=request.amount)  # fmt: skip
        now = self._clock()
        bill = Bill(ref_id, request.product, request.customer_no, request.amount, reply,
                    self._shop_fee(request.product), now)  # fmt: skip
        amounts = reply.amounts()
        self.journal.record_inquiry(
            ref_id=ref_id, product=bill.product, customer_no=bill.customer_no, amount=bill.amount,
            customer_name=reply.name, tagihan=amounts.tagihan, denda=amounts.denda,
            admin=amounts.admin, total=amounts.total, shop_fee=bill.shop_fee, price=reply.price,
            reply_json=reply.to_json(), at=now,
        )  # fmt: skip
        return bill

    def pay(self, bill: Bill) -> PaymentResult:
        """Pay once. Never raises for network outcomes; JournalError means nothing was sent."""
        with self._lock_for(bill.ref_id):
            entry = self.journal.get(bill.ref_id)
            if entry is not None and entry.state is not PaymentState.INQUIRED:
                return self._result(entry)  # a second tap: the first one's result
            if bill.inquired_at.date() != self._clock().date():
                raise StaleBill(bill.ref_id)
            self.journal.mark_sending(bill.ref_id, at=self._clock())
            self._last_call[bill.ref_id] = self._clock()
            try:
                reply = self.client.pay(code=bill.product, customer_no=bill.customer_no,
                                        ref_id=bill.ref_id, amount=bill.amount)  # fmt: skip
            except NotSentError as exc:
                self._record(bill.ref_id, PaymentState.FAILED, reason=f"not sent: {exc}",
                             message=exc.message)  # fmt: skip
            except OutcomeUnknownError as exc:
                self._record(bill.ref_id, PaymentState.UNKNOWN, reason=f"outcome unknown: {exc}",
                             message=CHECKING)  # fmt: skip
            else:
                self._record_reply(bill.ref_id, reply, first=True)
            return self.result(bill.ref_id)

    # -- status ------------------------------------------------------------------------

    def check_status(self, ref_id: str) -> PaymentResult:
        """One status call for ``ref_id`` now; final entries are returned without a call."""
        with self._lock_for(ref_id):
            entry = self.journal.get(ref_id)
            if entry is None:
                raise KeyError(ref_id)
            if not entry.state.unresolved:
                return self._result(entry)
            self._last_call[ref_id] = self._clock()
            self._checks[ref_id] = self._checks.get(ref_id, 0) + 1
            try:
                reply = self.client.status(code=entry.product, customer_no=entry.customer_no,
                                           ref_id=ref_id)  # fmt: skip
            except ApiError:
                return self._result(entry)  # still unknown: try again later
            if reply.rc == "50":
                self._record(ref_id, PaymentState.FAILED, reason="status: no such transaction",
                             rc=reply.rc, message=NEVER_ARRIVED, reply=reply)  # fmt: skip
            elif reply.rc == "85":
                pass  # asked too soon: the provider's rate limit, nothing learned
            else:
                self._record_reply(ref_id, reply, first=False)
            return self.result(ref_id)

    def next_check_at(self, ref_id: str) -> datetime:
        last = self._last_call.get(ref_id)
        if last is None:
            entry = self.journal.get(ref_id)
            last = entry.updated_at if entry is not None else self._clock()
        factor = min(2 ** self._checks.get(ref_id, 0), 10)
        return last + timedelta(seconds=self.status_interval * factor)

    def unresolved(self) -> list[PaymentResult]:
        return [self._result(e) for e in self.journal.unresolved()]

    def reconcile(self, now: datetime | None = None) -> list[PaymentResult]:
        """Check every unresolved payment that is due; entries left in SENDING by a
        crash are due at once (the status call tells whether the pay arrived)."""
        now = now or self._clock()
        results = []
        for entry in self.journal.unresolved():
            crashed = entry.state is PaymentState.SENDING and entry.ref_id not in self._last_call
            if crashed or self.next_check_at(entry.ref_id) <= now:
                results.append(self.check_status(entry.ref_id))
        return results

    def result(self, ref_id: str) -> PaymentResult:
        entry = self.journal.get(ref_id)
        if entry is None:
            raise KeyError(ref_id)
        return self._result(entry)

    def lookup(self, query: str) -> list[PaymentResult]:
        return [self._result(e) for e in self.journal.find(query.strip())]

    # -- plumbing ----------------------------------------------------------------------

    def _record_reply(self, ref_id: str, reply: TransactionReply, *, first: bool) -> None:
        outcome = pay_outcome(reply.rc)
        info = lookup(reply.rc)
        if outcome is Outcome.SUCCESS:
            state, reason = PaymentState.SUCCESS, "provider: success"
        elif outcome is Outcome.PENDING:
            state, reason = PaymentState.PENDING, f"provider: pending (rc {reply.rc})"
        elif first and info.has_record:
            state, reason = PaymentState.PENDING, f"confirming failure rc {reply.rc}"
        else:
            state, reason = PaymentState.FAILED, f"provider: failed (rc {reply.rc})"
        message = CHECKING if state is PaymentState.PENDING else info.message
        self._record(ref_id, state, reason=reason, rc=reply.rc, message=message, reply=reply)

    def _record(self, ref_id: str, state: PaymentState, *, reason: str, message: Text,
                rc: str | None = None, reply: TransactionReply | None = None) -> None:  # fmt: skip
        self.journal.transition(
            ref_id, state, at=self._clock(), reason=reason, rc=rc,
            message=f"{message.id}\n{message.en}", sn=reply.sn if reply else None,
            balance=reply.balance if reply else None,
            reply_json=reply.to_json() if reply else None,
        )  # fmt: skip

    def _result(self, entry: Entry) -> PaymentResult:
        inquiry = _parse(entry.inquiry_reply, entry.product)
        bill = None
        if inquiry is not None:
            bill = Bill(entry.ref_id, entry.product, entry.customer_no, entry.amount, inquiry,
                        entry.shop_fee, entry.created_at)  # fmt: skip
        last = (
            _parse(entry.last_reply, entry.product)
            if entry.state is not PaymentState.INQUIRED
            else None
        )
        if entry.message and "\n" in entry.message:
            msg_id, msg_en = entry.message.split("\n", 1)
            message = Text(msg_id, msg_en)
        else:
            message = CHECKING if entry.state.unresolved else Text("", "")
        return PaymentResult(entry.ref_id, entry.product, entry.customer_no, entry.state, message,
                             last, bill, entry.updated_at)  # fmt: skip

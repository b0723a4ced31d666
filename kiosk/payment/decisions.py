"""The decision table: what a reply (or its absence) means for a payment.

Input: the command (inquiry, pay, status), what came back (an rc, or a
transport outcome) and what is already known about the ref_id. Output: the
next state, what the customer reads and what the operator is told. This is
the only place that interprets an rc; ``kiosk.rc`` holds the provider's table
as data. Pure: no I/O, no clock, no Qt.

The rules, checked against REFERENCE.md "Response codes":

1. rc 00 is success. rc 03/99 are pending. A code the contract does not list
   is an unknown outcome and may have a provider record.
2. Request-level refusals (40, 41, 42, 45, 61, 80–83, 85, 86, 88, and 49)
   say nothing about the payment: after a pay was sent they never finalize
   it. It stays unresolved and the operator is alerted; 41/42/45 (a wrong
   configuration) also block new payments.
3. A pay refused with a transaction-level code that has a provider record
   (01, 02, 51–60, 70–74, 84) is DECLINED: the customer learns at once that
   the bill is not paid; one status call confirms the refund before FAILED.
   Without a record (43, 44, 47, 56, 62–69, 87) it is FAILED at once.
4. A pay that provably never left (connection refused, DNS, TLS handshake)
   is FAILED. After sending, a timeout, reset, 5xx or unreadable reply is
   UNKNOWN, and a reply for another ref_id or customer is not trusted.
5. On status, a transaction-level failure code is final (FAILED).
6. rc 50 on status finalizes as FAILED only when no reply for this ref_id ever
   showed a provider record and an earlier rc 50 came at least one status
   interval before. rc 50 against a record is a contradiction: REVIEW.
7. Success after a DECLINED pay is a contradiction: REVIEW. Only a person
   moves a payment out of REVIEW (a journaled manual resolution).
8. An inquiry never talks about a payment: its words are about the bill.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from kiosk.i18n import Text
from kiosk.journal.states import PaymentState
from kiosk.payment.decision_words import (
    BILL_NOT_SENT,
    BILL_TRY_LATER,
    BILL_UNREADABLE,
    BILL_UNSURE,
    CHECKING,
    CONFIRMED,
    CONTRADICTION,
    DECLINED,
    FAILED,
    MISMATCH,
    NEVER_ARRIVED,
    NOT_SENT,
    REVIEW,
    SUCCESS,
    UNCERTAIN,
    with_reason,
)
from kiosk.rc import RC_TABLE, lookup

S = PaymentState


class Command(Enum):
    INQUIRY = "inq-pasca"
    PAY = "pay-pasca"
    STATUS = "status-pasca"


class Transport(Enum):
    NOT_SENT = "not-sent"
    """Provably never reached the provider (refused, DNS, TLS handshake, no key)."""
    NO_ANSWER = "no-answer"
    """May have been processed: timeout, reset, HTTP 5xx, unreadable or oversized reply."""
    MISMATCH = "mismatch"
    """An answer naming another ref_id or customer number: not trusted."""


class RcKind(Enum):
    SUCCESS = "success"
    PENDING = "pending"
    FAILED = "failed"
    NOT_FOUND = "not-found"
    REFUSED = "refused"
    UNKNOWN = "unknown"


REQUEST_LEVEL = frozenset({"40", "41", "42", "45", "61", "80", "81", "82", "83", "85", "86", "88"})
"""Codes that refuse the *request* and say nothing about the payment."""
CONFIGURATION = frozenset({"41", "42", "45"})
"""Request refusals that mean the kiosk is set up wrong: new payments are blocked."""


@dataclass(frozen=True, slots=True)
class Observation:
    """What came back: an rc, or a transport outcome."""

    rc: str | None = None
    transport: Transport | None = None

    @classmethod
    def reply(cls, rc: str) -> Observation:
        return cls(rc=rc)

    @classmethod
    def failed(cls, transport: Transport) -> Observation:
        return cls(transport=transport)

    def __str__(self) -> str:
        return (
            f"rc {self.rc}" if self.rc is not None else str(self.transport and self.transport.value)
        )


@dataclass(frozen=True, slots=True)
class Knowledge:
    """What the journal knows about the ref_id before this observation."""

    state: PaymentState | None = None
    record_seen: bool = False
    """An earlier pay or status reply showed a provider record."""
    first_not_found: datetime | None = None
    """When a status call first answered rc 50."""
    now: datetime | None = None
    interval: timedelta = timedelta(seconds=60)


class AlertKind(Enum):
    CONFIGURATION = "configuration"
    REFUSED = "refused"
    CONTRADICTION = "contradiction"
    MISMATCH = "mismatch"


@dataclass(frozen=True, slots=True)
class Alert:
    kind: AlertKind
    text: Text

    @property
    def blocks_payments(self) -> bool:
        return self.kind is AlertKind.CONFIGURATION


@dataclass(frozen=True, slots=True)
class Decision:
    state: PaymentState | None
    """The next state; None after an inquiry that gave no bill."""
    customer: Text | None
    """What the customer reads; None keeps what is already shown (nothing new learned)."""
    rule: str
    """Which rule decided (journaled as the reason)."""
    alert: Alert | None = None
    record: bool = False
    """This observation shows that the provider holds a transaction record."""
    new_ref: bool = False
    """An inquiry may be asked again under a fresh ref_id (rc 49: this one is taken, by
    this kiosk or another on the account; an inquiry moves no money)."""


_PAYMENT_WORDS = frozenset({"01", "02", "50", "70", "74"})
"""Codes whose table words speak of a transaction; an inquiry says something else."""


def _alert_for(rc: str) -> Alert:
    info = lookup(rc)
    kind = AlertKind.CONFIGURATION if rc in CONFIGURATION else AlertKind.REFUSED
    return Alert(
        kind,
        Text(
            f"rc {rc} ({info.meaning}): {info.message.id}",
            f"rc {rc} ({info.meaning}): {info.message.en}",
        ),
    )


# -- the table ----------------------------------------------------------------------------


def classify(command: Command, rc: str) -> RcKind:
    """What kind of answer ``rc`` is, for ``command``."""
    if rc == "00":
        return RcKind.SUCCESS
    if rc in ("03", "99"):
        return RcKind.PENDING
    if rc in REQUEST_LEVEL or (rc == "49" and command is not Command.INQUIRY):
        return RcKind.REFUSED
    if rc == "50":
        return RcKind.NOT_FOUND
    if rc in RC_TABLE:
        return RcKind.FAILED
    return RcKind.UNKNOWN


def shows_record(command: Command, rc: str) -> bool:
    """Whether a pay or status reply with ``rc`` shows a provider transaction record.

    Refusals of the request say nothing about the payment (no record either way),
    except rc 49: the ref_id exists upstream. An unknown code may have a record.
    """
    if command is Command.INQUIRY:
        return False
    kind = classify(command, rc)
    if kind is RcKind.REFUSED:
        return rc == "49"
    if kind is RcKind.NOT_FOUND:
        return False
    if kind is RcKind.FAILED:
        return lookup(rc).has_record
    return True


def decide(command: Command, seen: Observation, known: Knowledge) -> Decision:
    """The next state, the customer's words and the operator's alert."""
    if command is Command.INQUIRY:
        return _inquiry(seen)
    if command is Command.PAY:
        return _pay(seen, known)
    return _status(seen, known)


def _inquiry(seen: Observation) -> Decision:
    if seen.transport is Transport.NOT_SENT:
        return Decision(None, BILL_NOT_SENT, "inquiry-not-sent")
    if seen.transport is not None or seen.rc is None:
        alert = (
            Alert(AlertKind.MISMATCH, MISMATCH) if seen.transport is Transport.MISMATCH else None
        )
        return Decision(None, BILL_UNREADABLE, "inquiry-no-answer", alert)
    kind = classify(Command.INQUIRY, seen.rc)
    if kind is RcKind.SUCCESS:
        return Decision(S.INQUIRED, None, "inquiry-bill")
    if kind in (RcKind.PENDING, RcKind.UNKNOWN):
        return Decision(None, BILL_UNSURE, "inquiry-not-definite")
    if kind is RcKind.REFUSED:
        return Decision(None, lookup(seen.rc).message, "inquiry-refused", _alert_for(seen.rc))
    if seen.rc in _PAYMENT_WORDS:
        return Decision(None, BILL_TRY_LATER, "inquiry-failed")
    taken = seen.rc == "49"  # on a pay, 49 means the payment exists upstream (_pay)
    return Decision(None, lookup(seen.rc).message, "inquiry-failed", new_ref=taken)


def _still(state: PaymentState | None) -> PaymentState:
    """The state a payment keeps when nothing is learned (a crash's SENDING is now UNKNOWN)."""
    if state is None or state is S.SENDING:
        return S.UNKNOWN
    return state


def _pay(seen: Observation, known: Knowledge) -> Decision:
    if seen.transport is Transport.NOT_SENT:
        return Decision(S.FAILED, NOT_SENT, "pay-not-sent")
    if seen.transport is Transport.MISMATCH:
        return Decision(S.UNKNOWN, CHECKING, "pay-mismatch", Alert(AlertKind.MISMATCH, MISMATCH))
    if seen.transport is not None or seen.rc is None:
        return Decision(S.UNKNOWN, CHECKING, "pay-no-answer")
    rc = seen.rc
    record = shows_record(Command.PAY, rc)
    kind = classify(Command.PAY, rc)
    if kind is RcKind.SUCCESS:
        return Decision(S.SUCCESS, SUCCESS, "pay-success", record=True)
    if kind is RcKind.PENDING:
        return Decision(S.PENDING, CHECKING, "pay-pending", record=True)
    if kind is RcKind.UNKNOWN:
        return Decision(S.UNKNOWN, CHECKING, "pay-unknown-rc", record=True)
    if kind is RcKind.REFUSED:
        return Decision(S.UNKNOWN, UNCERTAIN, "pay-request-refused", _alert_for(rc), record)
    if kind is RcKind.NOT_FOUND or record:
        return Decision(
            S.DECLINED, with_reason(DECLINED, rc), "pay-declined-with-record", record=record
        )
    return Decision(S.FAILED, with_reason(FAILED, rc), "pay-declined-no-record")


def _status(seen: Observation, known: Knowledge) -> Decision:
    state = known.state
    if state is S.REVIEW:
        rc = seen.rc
        record = rc is not None and shows_record(Command.STATUS, rc)
        refused = rc is not None and classify(Command.STATUS, rc) is RcKind.REFUSED
        alert = _alert_for(rc) if refused and rc is not None else None
        return Decision(S.REVIEW, REVIEW, "review-waits-for-a-person", alert, record)
    if seen.transport is Transport.MISMATCH:
        return Decision(_still(state), None, "status-mismatch", Alert(AlertKind.MISMATCH, MISMATCH))
    if seen.transport is not None or seen.rc is None:
        return Decision(_still(state), None, "status-no-answer")
    rc = seen.rc
    kind = classify(Command.STATUS, rc)
    record = shows_record(Command.STATUS, rc)
    if kind is RcKind.SUCCESS:
        if state is S.DECLINED:
            return Decision(
                S.REVIEW,
                REVIEW,
                "status-success-contradicts-declined",
                Alert(AlertKind.CONTRADICTION, CONTRADICTION),
                record=True,
            )
        return Decision(S.SUCCESS, SUCCESS, "status-success", record=True)
    if kind is RcKind.PENDING:
        return Decision(S.PENDING, CHECKING, "status-pending", record=True)
    if kind is RcKind.UNKNOWN:
        return Decision(_still(state), None, "status-unknown-rc", record=True)
    if kind is RcKind.REFUSED:
        return Decision(_still(state), None, "status-request-refused", _alert_for(rc), record)
    if kind is RcKind.FAILED:
        words = CONFIRMED if state is S.DECLINED else with_reason(FAILED, rc)
        return Decision(S.FAILED, words, "status-failed", record=record)
    # rc 50: "transaksi tidak ditemukan"
    if known.record_seen:
        return Decision(
            S.REVIEW,
            REVIEW,
            "status-not-found-contradicts-record",
            Alert(AlertKind.CONTRADICTION, CONTRADICTION),
        )
    first, now = known.first_not_found, known.now
    if first is not None and now is not None and now - first >= known.interval:
        return Decision(S.FAILED, NEVER_ARRIVED, "status-not-found-twice")
    return Decision(_still(state), None, "status-not-found-once")

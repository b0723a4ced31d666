"""The payment core (no Qt): one decision table, one service, one status resolver.

* :mod:`kiosk.payment.decisions` — what every rc or transport outcome means.
* :mod:`kiosk.payment.service` — inquire, pay once, journal each answer, manual resolution.
* :mod:`kiosk.payment.resolver` — the one owner of status calls and their spacing.
"""

from __future__ import annotations

from kiosk.bill_request import BillRequest
from kiosk.journal.states import PaymentState
from kiosk.payment.decisions import Alert, AlertKind
from kiosk.payment.resolver import CheckAnswer, StatusResolver
from kiosk.payment.results import (
    Bill,
    InquiryFailed,
    PaymentNotSent,
    PaymentResult,
    PendingPaymentExists,
    StaleBill,
)
from kiosk.payment.service import PaymentService, floored_interval

__all__ = [
    "Alert",
    "AlertKind",
    "Bill",
    "BillRequest",
    "CheckAnswer",
    "InquiryFailed",
    "PaymentNotSent",
    "PaymentResult",
    "PaymentService",
    "PaymentState",
    "PendingPaymentExists",
    "StaleBill",
    "StatusResolver",
    "floored_interval",
]

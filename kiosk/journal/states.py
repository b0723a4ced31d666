"""The payment state machine the journal enforces.

Unresolved states keep the customer number blocked and are resolved by status
calls for the same ref_id (or, for REVIEW, by a person). Final states never
change again, except by an explicit, reasoned correction.
"""

from __future__ import annotations

from enum import Enum

from kiosk.i18n import Text


class PaymentState(Enum):
    INQUIRED = "inquired"  # bill shown, nothing paid
    SENDING = "sending"  # committed before the pay request leaves
    SUCCESS = "success"
    FAILED = "failed"
    PENDING = "pending"  # the provider said pending (rc 03/99)
    UNKNOWN = "unknown"  # no readable or no conclusive answer after sending
    DECLINED = "declined"  # pay refused with a provider record: not paid, refund being confirmed
    REVIEW = "review"  # the evidence contradicts itself: a person decides

    @property
    def final(self) -> bool:
        return self in (PaymentState.SUCCESS, PaymentState.FAILED)

    @property
    def unresolved(self) -> bool:
        return self in _UNRESOLVED

    @property
    def label(self) -> Text:
        return _LABELS[self]


_UNRESOLVED = frozenset(
    {
        PaymentState.SENDING,
        PaymentState.PENDING,
        PaymentState.UNKNOWN,
        PaymentState.DECLINED,
        PaymentState.REVIEW,
    }
)

_LABELS = {
    PaymentState.INQUIRED: Text("Cek tagihan", "Inquiry"),
    PaymentState.SENDING: Text("Dikirim", "Sent"),
    PaymentState.SUCCESS: Text("Sukses", "Success"),
    PaymentState.FAILED: Text("Gagal", "Failed"),
    PaymentState.PENDING: Text("Pending", "Pending"),
    PaymentState.UNKNOWN: Text("Pending (dicek)", "Pending (checking)"),
    PaymentState.DECLINED: Text("Gagal (refund dicek)", "Failed (refund checking)"),
    PaymentState.REVIEW: Text("Perlu diperiksa", "Needs review"),
}

S = PaymentState
_OPEN = frozenset({S.PENDING, S.UNKNOWN, S.DECLINED, S.REVIEW})
ALLOWED: dict[PaymentState, frozenset[PaymentState]] = {
    S.INQUIRED: frozenset({S.SENDING}),
    S.SENDING: _OPEN | {S.SUCCESS, S.FAILED},
    S.PENDING: _OPEN | {S.SUCCESS, S.FAILED},
    S.UNKNOWN: _OPEN | {S.SUCCESS, S.FAILED},
    S.DECLINED: _OPEN | {S.FAILED},
    # Only a person moves a payment out of REVIEW (``manual=True``), or it stays.
    S.REVIEW: frozenset({S.REVIEW}),
    S.SUCCESS: frozenset(),
    S.FAILED: frozenset(),
}
"""Automatic moves. A manual resolution may move any unresolved state to a final one."""


class IllegalTransition(Exception):
    def __init__(self, ref_id: str, old: PaymentState, new: PaymentState) -> None:
        super().__init__(f"{ref_id}: {old.value} → {new.value} is not allowed")
        self.old, self.new = old, new

"""The payment state machine the journal enforces."""

from __future__ import annotations

from enum import Enum

from kiosk.i18n import Text


class PaymentState(Enum):
    INQUIRED = "inquired"  # bill shown, nothing paid
    SENDING = "sending"  # committed before the pay request leaves
    SUCCESS = "success"
    FAILED = "failed"
    PENDING = "pending"  # provider said pending, or a failure being confirmed
    UNKNOWN = "unknown"  # no readable answer after sending

    @property
    def final(self) -> bool:
        return self in (PaymentState.SUCCESS, PaymentState.FAILED)

    @property
    def unresolved(self) -> bool:
        return self in (PaymentState.SENDING, PaymentState.PENDING, PaymentState.UNKNOWN)

    @property
    def label(self) -> Text:
        return _LABELS[self]


_LABELS = {
    PaymentState.INQUIRED: Text("Cek tagihan", "Inquiry"),
    PaymentState.SENDING: Text("Dikirim", "Sent"),
    PaymentState.SUCCESS: Text("Sukses", "Success"),
    PaymentState.FAILED: Text("Gagal", "Failed"),
    PaymentState.PENDING: Text("Pending", "Pending"),
    PaymentState.UNKNOWN: Text("Pending (dicek)", "Pending (checking)"),
}

S = PaymentState
ALLOWED: dict[PaymentState, frozenset[PaymentState]] = {
    S.INQUIRED: frozenset({S.SENDING}),
    S.SENDING: frozenset({S.SUCCESS, S.FAILED, S.PENDING, S.UNKNOWN}),
    S.PENDING: frozenset({S.PENDING, S.SUCCESS, S.FAILED}),
    S.UNKNOWN: frozenset({S.PENDING, S.UNKNOWN, S.SUCCESS, S.FAILED}),
    S.SUCCESS: frozenset(),
    S.FAILED: frozenset(),
}


class IllegalTransition(Exception):
    def __init__(self, ref_id: str, old: PaymentState, new: PaymentState) -> None:
        super().__init__(f"{ref_id}: {old.value} → {new.value} is not allowed")
        self.old, self.new = old, new

"""What the journal holds about one payment, as read back: the entry, its events and the
evidence earlier answers left (no SQL here but the one SELECT an entry is read with)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.journal.states import PaymentState


@dataclass(frozen=True, slots=True)
class Entry:
    ref_id: str
    product: str
    customer_no: str
    amount: int | None
    customer_name: str | None
    tagihan: int
    denda: int
    admin: int
    total: int
    shop_fee: int
    price: int | None
    created_at: datetime
    inquiry_reply: str
    state: PaymentState
    rc: str | None
    sn: str | None
    updated_at: datetime
    message: str | None
    last_reply: str | None
    charged_total: int | None = None
    """What the pay reply charged the customer, when it differs from the inquiry's total."""

    @property
    def paid_total(self) -> int:
        """The bill's total as charged (the pay reply wins over the inquiry)."""
        return self.charged_total if self.charged_total is not None else self.total


@dataclass(frozen=True, slots=True)
class Event:
    at: datetime
    state: PaymentState
    rc: str | None
    message: str | None
    sn: str | None
    reason: str
    command: str | None = None
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What earlier pay and status answers showed about one ref_id."""

    record_seen: bool
    first_not_found: datetime | None
    last_call: datetime | None
    """When the provider was last asked (a pay or status call went out)."""
    status_calls: int


ENTRY_SQL = """
SELECT t.ref_id, t.product, t.customer_no, t.amount, t.customer_name, t.tagihan, t.denda,
       t.admin, t.total, t.shop_fee, t.price, t.created_at, t.inquiry_reply,
       s.state, s.rc, s.sn, s.updated_at,
       (SELECT message FROM events e WHERE e.ref_id = t.ref_id AND message IS NOT NULL
        ORDER BY id DESC LIMIT 1),
       (SELECT reply FROM events e WHERE e.ref_id = t.ref_id AND reply IS NOT NULL
        AND e.state != 'inquired'
        ORDER BY id DESC LIMIT 1),
       s.charged_total
FROM transactions t JOIN tx_state s ON s.ref_id = t.ref_id
"""


def entry_from_row(row: tuple[Any, ...]) -> Entry:
    values = list(row)
    values[11] = datetime.fromisoformat(values[11])
    values[13] = PaymentState(values[13])
    values[16] = datetime.fromisoformat(values[16])
    return Entry(*values)

"""What the payment core hands the views: bills, results and the errors with words."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from kiosk.i18n import Text
from kiosk.journal.records import Entry
from kiosk.journal.states import PaymentState
from kiosk.models.parse import ReplyParseError
from kiosk.models.reply import Amounts, TransactionReply
from kiosk.payment.decision_words import waiting_words
from kiosk.payment.decisions import Alert


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
    charged_total: int | None = None
    """The total the pay reply charged, when it differs from the inquiry's."""

    @property
    def sn(self) -> str | None:
        return self.reply.sn if self.reply is not None else None

    @property
    def amounts(self) -> Amounts | None:
        """The bill's money lines as charged: a pay reply's figures win over the inquiry's."""
        if self.bill is None:
            return None
        base = self.bill.amounts
        charged = self.charged_total
        if charged is None or charged == base.total:
            return base
        if self.reply is not None and self.reply.amounts().total == charged:
            return self.reply.amounts()
        return Amounts(base.tagihan + charged - base.total, base.denda, base.admin, charged)

    @property
    def total_collected(self) -> int | None:
        amounts = self.amounts
        if amounts is None or self.bill is None:
            return None
        return amounts.total + self.bill.shop_fee


class PendingPaymentExists(Exception):
    """A payment for the same product and customer is still unresolved."""

    def __init__(self, ref_id: str) -> None:
        super().__init__(f"payment {ref_id} is still unresolved")
        self.ref_id = ref_id


class StaleBill(Exception):
    """The bill was inquired on an earlier WIB day; pay must be on the inquiry's day."""


class InquiryFailed(Exception):
    """The bill could not be shown; ``message`` says why in words about the bill."""

    def __init__(self, message: Text, *, rc: str | None = None, alert: Alert | None = None):
        super().__init__(f"inquiry failed ({'rc ' + rc if rc else 'no answer'})")
        self.message = message
        self.rc = rc
        self.alert = alert


class PaymentNotSent(Exception):
    """The journal could not record SENDING, so the pay request was not sent."""

    message = Text(
        "Catatan transaksi tidak dapat disimpan (penyimpanan penuh atau rusak). "
        "Pembayaran tidak dikirim; tidak ada uang yang terpotong. Hubungi petugas toko.",
        "The transaction record cannot be saved (storage full or damaged). The payment "
        "was not sent; nothing was charged. Please ask the shop staff.",
    )


def parse_reply(json_text: str | None, product: str) -> TransactionReply | None:
    if not json_text:
        return None
    try:
        return TransactionReply.from_json(json.loads(json_text), product_code=product)
    except (ValueError, ReplyParseError):
        return None


def encode_text(text: Text) -> str:
    return f"{text.id}\n{text.en}"


def decode_text(stored: str | None, state: PaymentState) -> Text:
    if stored and "\n" in stored:
        msg_id, msg_en = stored.split("\n", 1)
        return Text(msg_id, msg_en)
    return waiting_words(state) if state.unresolved else Text("", "")


def result_of(entry: Entry) -> PaymentResult:
    inquiry = parse_reply(entry.inquiry_reply, entry.product)
    bill = None
    if inquiry is not None:
        bill = Bill(
            entry.ref_id,
            entry.product,
            entry.customer_no,
            entry.amount,
            inquiry,
            entry.shop_fee,
            entry.created_at,
        )
    last = (
        parse_reply(entry.last_reply, entry.product)
        if entry.state is not PaymentState.INQUIRED
        else None
    )
    return PaymentResult(
        entry.ref_id,
        entry.product,
        entry.customer_no,
        entry.state,
        decode_text(entry.message, entry.state),
        last,
        bill,
        entry.updated_at,
        entry.charged_total,
    )

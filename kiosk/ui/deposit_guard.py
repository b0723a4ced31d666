"""Whether the shop's deposit can pay a bill, known before Bayar (no Qt here).

The provider takes a bill's ``price`` from the deposit (``selling_price`` is what the
customer pays the shop). When the last known deposit is lower, the confirm screen says
so in words and Bayar stays disabled, instead of an rc 44 "saldo tidak cukup" after Bayar.
The deposit is the shop's business: in kiosk mode the public reads no amount.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from kiosk.i18n import Text
from kiosk.money import format_rupiah

if TYPE_CHECKING:
    from kiosk.payment import Bill

PUBLIC_SHORT = Text(
    "Loket belum dapat menerima pembayaran ini. Silakan hubungi petugas toko.",
    "This kiosk cannot take this payment yet. Please ask the shop staff.",
)


def deposit_needed(bill: Bill) -> int:
    """What paying ``bill`` takes from the deposit: its ``price`` (the total when the
    reply names no price, which can only overstate it)."""
    price = bill.reply.price
    return price if price is not None else bill.amounts.total


def shortfall(bill: Bill, deposit: Decimal | None, *, public: bool) -> Text | None:
    """The words for a deposit too low to pay ``bill``; None when it is enough or unknown."""
    if deposit is None or deposit >= deposit_needed(bill):
        return None
    if public:
        return PUBLIC_SHORT
    return Text(
        f"Saldo deposit tidak cukup ({format_rupiah(deposit, 'id')}), isi deposit dulu.",
        f"The deposit is too low ({format_rupiah(deposit, 'en')}); top it up first.",
    )

"""A cash session as printed lines on the receipt: its voucher, or the money held."""

from __future__ import annotations

from datetime import datetime

from kiosk.cash.ledger import CashSession, SessionState
from kiosk.i18n import Lang, Text
from kiosk.money import format_rupiah
from kiosk.receipt.model import NOT_PROOF, PRINTED, Receipt

Line = tuple[str, str]

CHANGE = Text("VOUCHER KEMBALIAN", "CHANGE VOUCHER")
REFUND = Text("VOUCHER PENGEMBALIAN UANG", "REFUND VOUCHER")
HELD = Text("UANG DISIMPAN", "MONEY HELD")
USE = Text("Pakai di kiosk ini atau tukar di kasir", "Use at this kiosk or at the counter")


def slip_lines(session: CashSession, lang: Lang = "id") -> tuple[Line, ...]:
    """(title, code) first, then label/value lines; () when there is nothing to print."""
    voucher = session.voucher
    if voucher is not None:
        title = CHANGE if voucher.reason == "change" else REFUND
        until = f"{voucher.expires_at.astimezone():%d-%m-%Y}"
        return (
            (title.get(lang), voucher.display_code),
            (Text("Nilai", "Amount").get(lang), format_rupiah(voucher.amount, lang)),
            (Text("Berlaku sampai", "Valid until").get(lang), until),
            (USE.get(lang), ""),
        )
    if session.state in (SessionState.PENDING, SessionState.PAYING):
        return (
            (HELD.get(lang), format_rupiah(session.credit, lang)),
            (Text("Disimpan dengan ref", "Held under ref").get(lang), session.ref_id),
            (Text("Cek hasilnya di Cek Status", "See the result under Check Status").get(lang), ""),
        )
    return ()


NOT_PAID = Text("TAGIHAN TIDAK DIBAYAR", "BILL NOT PAID")
NOT_PAID_NOTICE = Text(
    "Tagihan tidak dibayar. Uang yang sudah masuk menjadi voucher ini.",
    "The bill was not paid. The money inserted became this voucher.",
)


def voucher_slip(
    session: CashSession, *, shop_name: str, printed_at: datetime, lang: Lang = "id"
) -> Receipt:
    """The slip for a voucher issued without a payment (Batal on the collect screen, or a
    pay that could not be sent): the same receipt printer path as a paid receipt's
    change voucher, with words that it is no proof of payment."""
    return Receipt(
        title=NOT_PAID.get(lang),
        shop_name=shop_name,
        printed_at=printed_at,
        lines=(
            (Text("Total tagihan", "Bill total").get(lang), format_rupiah(session.total, lang)),
            (Text("Uang masuk", "Inserted").get(lang), format_rupiah(session.credit, lang)),
        ),
        money=(),
        total=None,
        refs=(("Ref", session.ref_id),),
        ref_id=session.ref_id,
        sn=None,
        notice=NOT_PAID_NOTICE.get(lang),
        footer=(NOT_PROOF.get(lang),),
        stamp=None,
        printed_label=PRINTED.get(lang),
        pending=False,
        failed=True,
        reprint=False,
        voucher=slip_lines(session, lang),
    )

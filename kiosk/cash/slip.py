"""A cash session as printed lines on the receipt: its voucher, or the money held."""

from __future__ import annotations

from kiosk.cash.ledger import CashSession, SessionState
from kiosk.i18n import Lang, Text
from kiosk.money import format_rupiah

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
            (Text("Cek hasilnya di Cek Status", "See the result under Check Status").get(lang),
             ""),
        )  # fmt: skip
    return ()

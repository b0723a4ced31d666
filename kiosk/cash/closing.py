"""Tutup Kasir's cash numbers for one business day (WIB), Qt-free.

What the acceptor took, what the vouchers did, what bills cash paid, and the difference
that must be zero when every Rupiah is accounted for::

    cash in + vouchers used at the kiosk
      = bills paid in cash + vouchers issued + money still held (sessions of the day)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime

from kiosk.business_day import day_bounds
from kiosk.cash.ledger import CashLedger
from kiosk.i18n import Lang
from kiosk.money import format_rupiah


@dataclass(frozen=True)
class CashSummary:
    day: date
    cash_in: int  # notes credited
    bills_paid: int  # sessions paid that day
    bills_paid_amount: int
    issued: int
    issued_amount: int
    redeemed_kiosk_amount: int  # vouchers used as credit at the kiosk
    paid_out_counter_amount: int  # vouchers paid out in cash at the counter
    outstanding: int  # vouchers still usable now (all days)
    outstanding_amount: int
    expired_amount: int
    held_amount: int  # credit of the day's sessions without a final outcome
    uncertain: int  # notes to settle at the next cash-box count

    @property
    def difference(self) -> int:
        """Zero when the day's cash is accounted for; anything else is for a person to check."""
        came = self.cash_in + self.redeemed_kiosk_amount
        went = self.bills_paid_amount + self.issued_amount + self.held_amount
        return came - went


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def cash_summary(ledger: CashLedger, day: date) -> CashSummary:
    since, until = day_bounds(day)
    low, high = _iso(since), _iso(until)

    def query(conn: sqlite3.Connection) -> tuple[int, ...]:
        paid = conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(total), 0) FROM cash_sessions "
            "WHERE state = 'paid' AND at >= ? AND at < ?",
            (low, high),
        ).fetchone()
        how = {
            h: int(a)
            for h, a in conn.execute(
                "SELECT r.how, COALESCE(SUM(v.amount), 0) FROM voucher_redemptions r "
                "JOIN vouchers v ON v.code = r.code WHERE r.at >= ? AND r.at < ? GROUP BY r.how",
                (low, high),
            )
        }
        uncertain = conn.execute(
            "SELECT COUNT(*) FROM cash_notes WHERE kind = 'uncertain' AND at >= ? AND at < ?",
            (low, high),
        ).fetchone()
        return (
            int(paid[0]),
            int(paid[1]),
            how.get("kiosk", 0),
            how.get("counter", 0),
            int(uncertain[0]),
        )

    bills, bills_amount, kiosk_used, counter, uncertain = ledger.read(query)
    vouchers = ledger.voucher_summary(since, until)
    held = sum(s.credit for s in ledger.unfinished() if _started_in(ledger, s.ref_id, low, high))
    return CashSummary(
        day=day,
        cash_in=ledger.cash_in(since, until),
        bills_paid=bills,
        bills_paid_amount=bills_amount,
        issued=vouchers.issued,
        issued_amount=vouchers.issued_amount,
        redeemed_kiosk_amount=kiosk_used,
        paid_out_counter_amount=counter,
        outstanding=vouchers.outstanding,
        outstanding_amount=vouchers.outstanding_amount,
        expired_amount=vouchers.expired_amount,
        held_amount=held,
        uncertain=uncertain,
    )


def _started_in(ledger: CashLedger, ref_id: str, low: str, high: str) -> bool:
    def query(conn: sqlite3.Connection) -> bool:
        row = conn.execute(
            "SELECT MIN(at) FROM cash_sessions WHERE ref_id = ?", (ref_id,)
        ).fetchone()
        return row[0] is not None and low <= row[0] < high

    return ledger.read(query)


def summary_lines(summary: CashSummary, lang: Lang = "id") -> list[tuple[str, str]]:
    """Label and value lines for the Tutup Kasir view and its printout."""
    en = lang == "en"

    def rp(value: int) -> str:
        return format_rupiah(value, lang)

    return [
        ("Cash in (acceptor)" if en else "Uang masuk (mesin)", rp(summary.cash_in)),
        (
            "Bills paid in cash" if en else "Tagihan dibayar tunai",
            f"{summary.bills_paid} · {rp(summary.bills_paid_amount)}",
        ),
        (
            "Vouchers issued" if en else "Voucher diterbitkan",
            f"{summary.issued} · {rp(summary.issued_amount)}",
        ),
        (
            "Vouchers used at the kiosk" if en else "Voucher dipakai di kiosk",
            rp(summary.redeemed_kiosk_amount),
        ),
        (
            "Vouchers paid out at the counter" if en else "Voucher ditukar di kasir",
            rp(summary.paid_out_counter_amount),
        ),
        (
            "Vouchers outstanding" if en else "Voucher belum dipakai",
            f"{summary.outstanding} · {rp(summary.outstanding_amount)}",
        ),
        ("Vouchers expired" if en else "Voucher kedaluwarsa", rp(summary.expired_amount)),
        ("Money held (pending)" if en else "Uang ditahan (pending)", rp(summary.held_amount)),
        ("Uncertain notes" if en else "Uang belum pasti", str(summary.uncertain)),
        ("Difference" if en else "Selisih", rp(summary.difference)),
    ]

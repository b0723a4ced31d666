"""Vouchers: change and refunds the kiosk cannot pay out in notes.

Issued inside the cash session's own SQL transaction; redeemed once, either
as credit towards a kiosk payment or paid out at the counter. Single use is
the database's job: ``voucher_redemptions.code`` is a primary key, so a second
redemption fails even from another process.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kiosk.cash.voucher_code import display, new_code, normalise
from kiosk.i18n import Text


class VoucherError(Exception):
    """The voucher cannot be used; ``words`` say why, for the customer."""

    def __init__(self, words: Text) -> None:
        super().__init__(words.en)
        self.words = words


NOT_A_CODE = Text(
    "Kode voucher salah ketik. Periksa lagi kode pada struk voucher.",
    "That voucher code is mistyped. Check the code on the voucher slip.",
)
UNKNOWN = Text("Voucher tidak ditemukan.", "Voucher not found.")
USED = Text("Voucher ini sudah dipakai.", "This voucher has already been used.")
EXPIRED = Text("Voucher ini sudah kedaluwarsa.", "This voucher has expired.")


@dataclass(frozen=True)
class Voucher:
    code: str
    amount: int
    issued_at: datetime
    expires_at: datetime
    ref_id: str | None
    reason: str  # "change" or "refund"
    redeemed_at: datetime | None = None

    @property
    def display_code(self) -> str:
        return display(self.code)


@dataclass(frozen=True)
class VoucherSummary:
    issued: int
    issued_amount: int
    redeemed: int
    redeemed_amount: int
    outstanding: int  # still usable
    outstanding_amount: int
    expired_amount: int  # never redeemed, past expiry


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def issue_voucher(
    conn: sqlite3.Connection,
    *,
    amount: int,
    ref_id: str | None,
    reason: str,
    now: datetime,
    valid_for: timedelta,
) -> str:
    """Insert a voucher inside the caller's transaction; returns its code."""
    while True:
        code = new_code()
        try:
            conn.execute(
                "INSERT INTO vouchers VALUES (?, ?, ?, ?, ?, ?)",
                (code, amount, _iso(now), _iso(now + valid_for), ref_id, reason),
            )
            return code
        except sqlite3.IntegrityError:
            if conn.execute("SELECT 1 FROM vouchers WHERE code = ?", (code,)).fetchone():
                continue  # a collision of random codes: draw again
            raise


def read_voucher(conn: sqlite3.Connection, code: str) -> Voucher | None:
    row = conn.execute(
        "SELECT v.code, v.amount, v.issued_at, v.expires_at, v.ref_id, v.reason, r.at "
        "FROM vouchers v LEFT JOIN voucher_redemptions r ON r.code = v.code WHERE v.code = ?",
        (code,),
    ).fetchone()
    if row is None:
        return None
    redeemed = datetime.fromisoformat(row[6]) if row[6] else None
    return Voucher(
        row[0],
        int(row[1]),
        datetime.fromisoformat(row[2]),
        datetime.fromisoformat(row[3]),
        row[4],
        row[5],
        redeemed,
    )


def redeem_voucher(
    conn: sqlite3.Connection, typed: str, *, ref_id: str | None, how: str, now: datetime
) -> Voucher:
    """Mark the voucher used, inside the caller's transaction; ``VoucherError`` if it cannot be."""
    code = normalise(typed)
    if code is None:
        raise VoucherError(NOT_A_CODE)
    voucher = read_voucher(conn, code)
    if voucher is None:
        raise VoucherError(UNKNOWN)
    if voucher.redeemed_at is not None:
        raise VoucherError(USED)
    if now >= voucher.expires_at:
        raise VoucherError(EXPIRED)
    try:
        conn.execute(
            "INSERT INTO voucher_redemptions VALUES (?, ?, ?, ?)", (code, _iso(now), ref_id, how)
        )
    except sqlite3.IntegrityError:
        raise VoucherError(USED) from None
    return Voucher(
        voucher.code,
        voucher.amount,
        voucher.issued_at,
        voucher.expires_at,
        voucher.ref_id,
        voucher.reason,
        now,
    )


def voucher_summary(
    conn: sqlite3.Connection,
    *,
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
) -> VoucherSummary:
    """Issued and redeemed in [since, until) (all time when not given); outstanding now."""
    low, high = _iso(since or datetime.min.replace(tzinfo=UTC)), _iso(until or now)
    issued = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM vouchers "
        "WHERE issued_at >= ? AND issued_at < ?",
        (low, high),
    ).fetchone()
    redeemed = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(v.amount), 0) FROM voucher_redemptions r "
        "JOIN vouchers v ON v.code = r.code WHERE r.at >= ? AND r.at < ?",
        (low, high),
    ).fetchone()
    open_rows = conn.execute(
        "SELECT v.amount, v.expires_at FROM vouchers v WHERE NOT EXISTS "
        "(SELECT 1 FROM voucher_redemptions r WHERE r.code = v.code)"
    ).fetchall()
    live = [amount for amount, expires in open_rows if datetime.fromisoformat(expires) > now]
    expired = sum(amount for amount, expires in open_rows if datetime.fromisoformat(expires) <= now)
    return VoucherSummary(
        int(issued[0]),
        int(issued[1]),
        int(redeemed[0]),
        int(redeemed[1]),
        len(live),
        sum(live),
        int(expired),
    )

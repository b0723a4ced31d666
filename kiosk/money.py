"""Money is whole Rupiah as ``int`` (balances as ``Decimal``), never ``float``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kiosk.i18n import Lang

_NUMERIC = re.compile(r"^-?\d{1,15}(\.\d{1,6})?$")
MAX_AMOUNT = Decimal(10) ** 15
"""Far above any bill; a larger number in a reply is garbage, not money."""


class MoneyError(ValueError):
    """A value that should be an amount of money is not one."""


def to_decimal(value: object) -> Decimal:
    """Read an amount from JSON: int, float or a numeric string (``"8000"``).

    Floats go through ``repr`` so ``75300.0`` becomes ``Decimal('75300.0')``
    and not the binary expansion. Booleans are refused (``True`` is an int).
    """
    if isinstance(value, bool) or value is None:
        raise MoneyError(f"not an amount: {value!r}")
    if isinstance(value, int):
        if abs(value) >= MAX_AMOUNT:
            raise MoneyError(f"amount out of range: {str(value)[:20]}...")
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise MoneyError(f"not an amount: {value!r}")
        if abs(value) >= MAX_AMOUNT:
            raise MoneyError(f"amount out of range: {value!r}")
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip()
        if not _NUMERIC.match(text):
            raise MoneyError(f"not an amount: {value!r}")
        try:
            return Decimal(text)
        except InvalidOperation as exc:  # pragma: no cover - the regex already vetted it
            raise MoneyError(f"not an amount: {value!r}") from exc
    raise MoneyError(f"not an amount: {value!r}")


def to_rupiah(value: object) -> int:
    """Read a whole-Rupiah amount; a fractional amount is an error, not rounded."""
    amount = to_decimal(value)
    if amount != amount.to_integral_value():
        raise MoneyError(f"not a whole Rupiah amount: {value!r}")
    return int(amount)


def format_rupiah(amount: int | Decimal, lang: Lang = "id") -> str:
    """``Rp 1.234.567`` in Indonesian, ``Rp 1,234,567`` in English."""
    value = Decimal(amount)
    negative = value < 0
    whole = int(value.copy_abs())
    grouped = f"{whole:,}"
    if lang == "id":
        grouped = grouped.replace(",", ".")
    frac = value.copy_abs() - whole
    if frac:
        cents = f"{frac:.2f}"[2:]
        grouped += ("," if lang == "id" else ".") + cents
    return f"{'-' if negative else ''}Rp {grouped}"

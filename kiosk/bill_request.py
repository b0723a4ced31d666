"""What the customer asked for: a product and a number (and a nominal product's amount).

ASSUMED (the contract names it for e-money only): a nominal product (``Product.nominal``:
E-Money, Kirim Uang) sends the customer's chosen amount as an integer ``amount`` in the
inquiry and the pay; a bill sends none. ``kiosk/products.py`` holds the amount rules and
``DigiswitchClient`` the field name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BillRequest:
    product: str
    customer_no: str
    amount: int | None = None  # a nominal product's amount (Rupiah); None for a bill

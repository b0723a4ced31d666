"""The simulator's postpaid price list: the 13 products, and banks and wallets named the
way ``kiosk/price_list.py`` assumes (``kirimuang-bca``, ``emoney-ovo``).

A bank's or wallet's code behaves exactly like its product (same test numbers, same
bill). One bank is listed as not active, so a kiosk can be seen hiding it. The full list
may be fetched once per ``min_interval`` seconds (the provider's 5 minutes, rc 83).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from kiosk.price_list import base_code
from kiosk.products import PRODUCTS

BANKS = (
    ("bca", "BCA"),
    ("bri", "BRI"),
    ("bni", "BNI"),
    ("mandiri", "Mandiri"),
    ("btn", "BTN"),
    ("cimb", "CIMB Niaga"),
)
WALLETS = (
    ("ovo", "OVO"),
    ("gopay", "GoPay"),
    ("dana", "DANA"),
    ("shopeepay", "ShopeePay"),
    ("linkaja", "LinkAja"),
)
INACTIVE = ("kirimuang-bsi", "BSI")
"""Listed with ``seller_product_status: false``: never offered."""


def _entry(code: str, name: str, brand: str, admin: int, *, active: bool = True) -> dict[str, Any]:
    return {
        "product_name": name,
        "category": "Pascabayar",
        "brand": brand,
        "seller_name": "Simulator",
        "admin": admin,
        "commission": 1000,
        "code": code,
        "buyer_product_status": True,
        "seller_product_status": active,
        "desc": "-",
    }


def entries() -> list[dict[str, Any]]:
    rows = [
        _entry(p.code, p.name.id, p.name.id.upper(), 1500 if p.code == "emoney" else 2500)
        for p in PRODUCTS
    ]
    rows += [_entry(f"kirimuang-{s}", f"Kirim Uang {b}", b, 2500) for s, b in BANKS]
    rows.append(_entry(INACTIVE[0], f"Kirim Uang {INACTIVE[1]}", INACTIVE[1], 2500, active=False))
    rows += [_entry(f"emoney-{s}", f"E-Money {b}", b, 1500) for s, b in WALLETS]
    return rows


CODES = frozenset(e["code"] for e in entries() if e["seller_product_status"])


def listed(code: object) -> list[dict[str, Any]]:
    """The whole list, or one product's entries with its banks or wallets."""
    if not isinstance(code, str) or not code:
        return entries()
    return [e for e in entries() if code in (e["code"], base_code(e["code"]))]


class PriceListLimit:
    """One full fetch per ``min_interval`` seconds (0: no limit)."""

    def __init__(self, min_interval: float) -> None:
        self.min_interval = min_interval
        self._last: float | None = None
        self._lock = threading.Lock()

    def allow(self) -> bool:
        now = time.monotonic()
        with self._lock:
            if self._last is not None and now - self._last < self.min_interval:
                return False
            self._last = now
            return True

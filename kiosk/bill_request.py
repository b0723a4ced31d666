"""What the customer asked for: a product and a number (and an e-money amount)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BillRequest:
    product: str
    customer_no: str
    amount: int | None = None  # e-money top-up nominal

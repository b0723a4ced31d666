"""Which bank (Kirim Uang) or wallet (E-Money) the customer may choose: read from the
provider's postpaid price list. The ONE place for this ASSUMPTION (the contract documents
neither the price list's reply nor how a bank is chosen):

* The reply's ``data`` is a list of entries shaped like the upstream Digiflazz postpaid
  price list with Digiswitch's renames (``kiosk.models.pricelist``).
* An entry whose ``code`` is a nominal product's code plus a separator and a suffix
  (``kirimuang-bca``, ``emoney-ovo``; ``_`` is accepted as well as ``-``) names one
  choice. The entry whose code is the product's own (``kirimuang``) names no bank: it is
  the product as the form works without a picker, and is never shown as a choice.
* The choice is shown by the entry's ``brand`` ("BCA"); when the brands of one product's
  choices are missing or not all different, by ``product_name``.
* Entries with ``buyer_product_status`` or ``seller_product_status`` false are not shown.
* The inquiry, pay and status then send the chosen entry's ``code`` as ``code``; the
  journal keeps that code, and :func:`kiosk.products.product` maps it back to the product.
  Replies are matched by ref_id (the contract), so a reply may name another code.
* When the list names no choice for a product (or could not be fetched), the form works
  as without a price list; Kirim Uang then says the provider routes the transfer by the
  account number and the customer checks the account holder's name before paying.

Pure Python, no Qt; cheap to import (the form imports it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from kiosk.models.pricelist import PriceListItem

SEPARATORS = ("-", "_")
"""Between a product's code and a choice's suffix: ``kirimuang-bca``, ``emoney_ovo``."""

NOMINAL_CODES = ("kirimuang", "emoney")
"""The products whose price-list entries may name a bank or a wallet."""


class Choice(NamedTuple):
    """One bank or wallet: the code the requests send and the name shown."""

    code: str
    label: str


def split_code(code: str) -> tuple[str, str] | None:
    """``("kirimuang", "bca")`` for a choice's code, None for any other code."""
    for base in NOMINAL_CODES:
        rest = code[len(base) :]
        if code.startswith(base) and len(rest) > 1 and rest[0] in SEPARATORS:
            return base, rest[1:]
    return None


def base_code(code: str) -> str:
    """The product a code belongs to: ``kirimuang`` for ``kirimuang-bca``, else itself."""
    parts = split_code(code)
    return parts[0] if parts is not None else code


def _choices_of(base: str, items: Iterable[PriceListItem]) -> tuple[Choice, ...]:
    rows = [i for i in items if i.active and (split_code(i.code) or ("", ""))[0] == base]
    seen: set[str] = set()
    unique = []
    for row in rows:  # the first entry for a code wins
        if row.code not in seen:
            seen.add(row.code)
            unique.append(row)
    brands = [(r.brand or "").strip() for r in unique]
    by_brand = all(brands) and len({b.casefold() for b in brands}) == len(brands)
    choices = [
        Choice(r.code, brand if by_brand else (r.product_name.strip() or r.code))
        for r, brand in zip(unique, brands, strict=True)
    ]
    return tuple(sorted(choices, key=lambda c: c.label.casefold()))


class PriceChoices:
    """The banks and wallets one price list names, by product code. Immutable."""

    def __init__(self, by_product: Mapping[str, tuple[Choice, ...]] | None = None) -> None:
        self._by_product = dict(by_product or {})

    @classmethod
    def from_items(cls, items: Iterable[PriceListItem]) -> PriceChoices:
        listed = list(items)
        found = {base: _choices_of(base, listed) for base in NOMINAL_CODES}
        choices = cls({base: rows for base, rows in found.items() if rows})
        LABELS.learn(c for rows in choices._by_product.values() for c in rows)
        return choices

    def for_product(self, code: str) -> tuple[Choice, ...]:
        """The choices for a product; empty when the list names none (no picker)."""
        return self._by_product.get(code, ())

    def __bool__(self) -> bool:
        return bool(self._by_product)

    def __repr__(self) -> str:
        return f"PriceChoices({self._by_product!r})"


class _Labels:
    """The names the last price lists gave each choice's code, for screens, receipts and
    History that only have the code. Read-mostly and thread-safe (a worker learns)."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}
        self._lock = threading.Lock()

    def learn(self, choices: Iterable[Choice]) -> None:
        with self._lock:
            self._names.update((c.code, c.label) for c in choices)

    def label(self, code: str) -> str | None:
        """The bank or wallet a code names; its suffix in capitals when no list named it
        (``kirimuang-bca`` → "BCA"); None for a code that names none."""
        parts = split_code(code)
        if parts is None:
            return None
        with self._lock:
            known = self._names.get(code)
        return known or parts[1].replace("-", " ").replace("_", " ").upper()


LABELS = _Labels()
choice_label = LABELS.label

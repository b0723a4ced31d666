"""The postpaid price list (``price-list`` with ``command: "pasca"``).

ASSUMED shape (the contract does not document the reply; ``kiosk/price_list.py``):
``data`` is a list of entries like upstream Digiflazz's postpaid list with Digiswitch's
renames: ``{product_name, category, brand, seller_name, admin, commission, code,
buyer_product_status, seller_product_status, desc}``. One bad entry is skipped, never
the whole list: a provider adding a field or sending one odd row must not hide the rest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from kiosk.models.parse import ReplyParseError, extras, obj, opt_rupiah, opt_str

log = logging.getLogger("kiosk.api")

_KNOWN = frozenset(
    {
        "product_name",
        "category",
        "brand",
        "seller_name",
        "code",
        "buyer_sku_code",
        "admin",
        "commission",
        "buyer_product_status",
        "seller_product_status",
        "desc",
    }
)


@dataclass(frozen=True, slots=True)
class PriceListItem:
    code: str
    product_name: str
    brand: str | None = None
    category: str | None = None
    seller_name: str | None = None
    admin: int | None = None
    commission: int | None = None
    active: bool = True
    """False when ``buyer_product_status`` or ``seller_product_status`` is false."""
    desc: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The fields this model reads, in the provider's names (for the cache file)."""
        return {
            "code": self.code,
            "product_name": self.product_name,
            "brand": self.brand,
            "category": self.category,
            "seller_name": self.seller_name,
            "admin": self.admin,
            "commission": self.commission,
            "buyer_product_status": self.active,
            "seller_product_status": self.active,
            "desc": self.desc,
        }


def _status(row: Any, key: str, where: str) -> bool:
    value = row.get(key, True)
    if value is None or isinstance(value, bool):
        return value is not False
    raise ReplyParseError(f"{where}.{key}: expected true or false")


def parse_item(raw: object, where: str) -> PriceListItem:
    """One entry; raises :class:`ReplyParseError` naming the bad field."""
    row = obj(raw, where)
    code = (opt_str(row, "code", where) or opt_str(row, "buyer_sku_code", where) or "").strip()
    if not code:
        raise ReplyParseError(f"{where}.code: missing")
    desc = row.get("desc")
    return PriceListItem(
        code=code,
        product_name=opt_str(row, "product_name", where) or code,
        brand=opt_str(row, "brand", where),
        category=opt_str(row, "category", where),
        seller_name=opt_str(row, "seller_name", where),
        admin=opt_rupiah(row, "admin", where),
        commission=opt_rupiah(row, "commission", where),
        active=_status(row, "buyer_product_status", where)
        and _status(row, "seller_product_status", where),
        desc=desc if isinstance(desc, str) else None,
        extra=extras(row, _KNOWN),
    )


def parse_price_list(data: object) -> list[PriceListItem]:
    """Every readable entry of ``data``; bad entries are skipped and counted in the log.
    Raises :class:`ReplyParseError` only when ``data`` is not a list at all."""
    if not isinstance(data, list):
        raise ReplyParseError("data: expected a list of products")
    items = []
    skipped = 0
    for i, raw in enumerate(data):
        try:
            items.append(parse_item(raw, f"data[{i}]"))
        except ReplyParseError as exc:
            skipped += 1
            if skipped <= 3:
                log.warning("price list: entry skipped: %s", exc)
    if skipped:
        log.warning("price list: %d of %d entries skipped", skipped, len(data))
    return items

"""The postpaid price list (``price-list`` with ``command: "pasca"``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.models.parse import ReplyParseError, extras, obj, opt_rupiah, opt_str

_KNOWN = frozenset(
    {"product_name", "category", "brand", "code", "admin", "commission",
     "buyer_product_status", "seller_product_status"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PriceListItem:
    code: str
    product_name: str
    brand: str | None
    admin: int | None
    commission: int | None
    active: bool
    extra: dict[str, Any] = field(default_factory=dict)


def parse_price_list(data: object) -> list[PriceListItem]:
    if not isinstance(data, list):
        raise ReplyParseError("data: expected a list of products")
    items = []
    for i, raw in enumerate(data):
        where = f"data[{i}]"
        row = obj(raw, where)
        code = opt_str(row, "code", where) or opt_str(row, "buyer_sku_code", where)
        if not code:
            raise ReplyParseError(f"{where}.code: missing")
        active = row.get("buyer_product_status", True) is not False and (
            row.get("seller_product_status", True) is not False
        )
        items.append(
            PriceListItem(
                code=code,
                product_name=opt_str(row, "product_name", where) or code,
                brand=opt_str(row, "brand", where),
                admin=opt_rupiah(row, "admin", where),
                commission=opt_rupiah(row, "commission", where),
                active=active,
                extra=extras(row, _KNOWN),
            )
        )
    return items

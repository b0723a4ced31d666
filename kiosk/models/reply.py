"""The reply to inq-pasca / pay-pasca / status-pasca, common to every product.

The product-specific ``desc`` is parsed by the model registered for the
*request's* product code (a reply may carry another code, e.g. ``dspln`` for
``pln``: REFERENCE.md says match by ref_id, not code).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kiosk.i18n import Lang, Text
from kiosk.models import fields as fv
from kiosk.models.descs import Desc, parse_desc
from kiosk.models.fields import Field, PeriodTable
from kiosk.models.parse import (
    ReplyParseError,
    extras,
    obj,
    opt_decimal,
    opt_rupiah,
    opt_str,
    req_str,
)
from kiosk.price_list import base_code
from kiosk.rc import Outcome, RcInfo, lookup, pay_outcome


@dataclass(frozen=True, slots=True)
class Amounts:
    """The money lines of a bill. ``tagihan + denda + admin == total``."""

    tagihan: int
    denda: int
    admin: int
    total: int
    """What the customer pays the agent: ``selling_price`` (``price`` when absent)."""


_COMMON = frozenset(
    {
        "ref_id",
        "customer_no",
        "name",
        "code",
        "admin",
        "message",
        "status",
        "sn",
        "rc",
        "balance",
        "price",
        "selling_price",
        "desc",
        "base_commission",
    }
)


@dataclass(frozen=True, slots=True)
class TransactionReply:
    ref_id: str
    rc: str
    status: str
    message: str
    customer_no: str | None
    name: str | None
    code: str | None
    sn: str | None
    admin: int | None
    price: int | None
    selling_price: int | None
    balance: Decimal | None
    base_commission: int | None
    desc: Desc | None
    extra: Mapping[str, Any] = field(default_factory=dict)
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The ``data`` object as received, for the journal."""

    @property
    def rc_info(self) -> RcInfo:
        return lookup(self.rc)

    @property
    def outcome(self) -> Outcome:
        """Outcome by rc; rc 49 on a pay and unknown codes are pending (unknown)."""
        return pay_outcome(self.rc)

    def customer_message(self, lang: Lang) -> str:
        return self.rc_info.message.get(lang)

    def amounts(self) -> Amounts:
        total = self.selling_price if self.selling_price is not None else (self.price or 0)
        admin = self.admin or 0
        denda = self.desc.penalty() if self.desc is not None else 0
        return Amounts(tagihan=total - admin - denda, denda=denda, admin=admin, total=total)

    def fields(self) -> list[Field]:
        """Name and number first, then the product's details."""
        rows: list[Field] = []
        if self.name:
            rows.append(Field(Text("Nama", "Name"), fv.text(self.name)))
        if self.customer_no:
            shown = self.customer_no.replace(",", ", ")  # SAMSAT: "<kode bayar>, <identitas>"
            label = Text("Nomor Pelanggan", "Customer No.")
            if base_code(self.code or "") == "kirimuang":  # the recipient's account, any bank
                label = Text("Nomor Rekening", "Account No.")
            rows.append(Field(label, fv.text(shown)))
        if self.desc is not None:
            rows.extend(self.desc.fields())
        return rows

    def periods(self) -> PeriodTable | None:
        return self.desc.periods() if self.desc is not None else None

    def details(self, lang: Lang) -> list[tuple[str, str]]:
        """Ordered (label, value) pairs in ``lang`` for the result pane."""
        return [f.pair(lang) for f in self.fields()]

    def to_json(self) -> str:
        return json.dumps({"data": dict(self.raw)}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, body: object, *, product_code: str | None = None) -> TransactionReply:
        """Parse a whole reply ``{"data": {...}}``; raise :class:`ReplyParseError`."""
        top = obj(body, "reply")
        if "data" not in top:
            raise ReplyParseError("reply: no 'data' object")
        return cls.from_data(top["data"], product_code=product_code)

    @classmethod
    def from_data(cls, data_obj: object, *, product_code: str | None = None) -> TransactionReply:
        data = obj(data_obj, "data")
        rc = req_str(data, "rc", "data").strip()
        code = opt_str(data, "code", "data")
        desc_raw = data.get("desc")
        desc = None
        if desc_raw is not None and desc_raw != "" and desc_raw != []:
            desc = parse_desc(product_code or code or "", obj(desc_raw, "data.desc"))
        return cls(
            ref_id=req_str(data, "ref_id", "data") if "ref_id" in data else "",
            rc=rc,
            status=opt_str(data, "status", "data") or "",
            message=opt_str(data, "message", "data") or "",
            customer_no=opt_str(data, "customer_no", "data"),
            name=opt_str(data, "name", "data"),
            code=code,
            sn=opt_str(data, "sn", "data") or None,
            admin=opt_rupiah(data, "admin", "data"),
            price=opt_rupiah(data, "price", "data"),
            selling_price=opt_rupiah(data, "selling_price", "data"),
            balance=opt_decimal(data, "balance", "data"),
            base_commission=opt_rupiah(data, "base_commission", "data"),
            desc=desc,
            extra=extras(data, _COMMON),
            raw=dict(data),
        )

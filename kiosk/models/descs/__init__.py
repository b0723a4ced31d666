"""The per-product ``desc`` models and the registry that picks one by code."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.models.descs.base import Desc
from kiosk.models.descs.products import (
    BpjsDesc,
    EmoneyDesc,
    GenericDesc,
    HpDesc,
    InternetDesc,
    KirimUangDesc,
    MultifinanceDesc,
    PbbDesc,
    PdamDesc,
    PgasDesc,
    PlnDesc,
    PlnNonTaglisDesc,
    SamsatDesc,
    TvDesc,
)

DESC_TYPES: dict[str, type[Desc]] = {
    "pln": PlnDesc,
    "pdam": PdamDesc,
    "hp": HpDesc,
    "internet": InternetDesc,
    "bpjs": BpjsDesc,
    "multifinance": MultifinanceDesc,
    "pbb": PbbDesc,
    "pgas": PgasDesc,
    "tv": TvDesc,
    "plnnontaglis": PlnNonTaglisDesc,
    "emoney": EmoneyDesc,
    "samsat": SamsatDesc,
    "kirimuang": KirimUangDesc,
}


def desc_type(code: str) -> type[Desc]:
    """The model for ``code``; a provider alias such as ``dspln`` maps to ``pln``."""
    code = code.lower()
    if code in DESC_TYPES:
        return DESC_TYPES[code]
    for known in sorted(DESC_TYPES, key=len, reverse=True):
        if code.endswith(known):
            return DESC_TYPES[known]
    return GenericDesc


def parse_desc(code: str, data: Mapping[str, Any], where: str = "data.desc") -> Desc:
    return desc_type(code).from_json(data, where)


__all__ = ["DESC_TYPES", "Desc", "GenericDesc", "desc_type", "parse_desc"]

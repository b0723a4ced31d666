"""Reading untrusted JSON into typed values, failing with a clear message.

Every reader takes the mapping, the key and a dotted ``where`` for the error
text, so a bad reply says exactly which field was wrong ("data.desc.detail[0].
denda: not an amount: 'abc'") without ever echoing a whole body.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kiosk.money import MoneyError, to_decimal, to_rupiah


class ReplyParseError(ValueError):
    """A reply that is not the shape the contract promises."""


JsonObject = Mapping[str, Any]


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def obj(data: object, where: str) -> JsonObject:
    if not isinstance(data, Mapping):
        raise ReplyParseError(f"{where}: expected an object, got {type(data).__name__}")
    return data


def req_str(data: JsonObject, key: str, where: str) -> str:
    value = data.get(key)
    if value is None:
        raise ReplyParseError(f"{where}.{key}: missing")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ReplyParseError(f"{where}.{key}: expected text, got {_short(value)}")
    return str(value)


def opt_str(data: JsonObject, key: str, where: str) -> str | None:
    """Text, or None when absent. Numbers are accepted and written as text."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ReplyParseError(f"{where}.{key}: expected text, got {_short(value)}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def opt_rupiah(data: JsonObject, key: str, where: str) -> int | None:
    """Whole Rupiah from an int, a float or a numeric string; None when absent or ``""``."""
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        return to_rupiah(value)
    except MoneyError as exc:
        raise ReplyParseError(f"{where}.{key}: {exc}") from None


def opt_decimal(data: JsonObject, key: str, where: str) -> Decimal | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    try:
        return to_decimal(value)
    except MoneyError as exc:
        raise ReplyParseError(f"{where}.{key}: {exc}") from None


def opt_int(data: JsonObject, key: str, where: str) -> int | None:
    """A count such as ``lembar_tagihan`` or ``daya``: int or a digit string."""
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ReplyParseError(f"{where}.{key}: expected a number, got {_short(value)}")
    if isinstance(value, int) and abs(value) < 10**9:
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e9:
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 9:
        return int(value.strip())
    raise ReplyParseError(f"{where}.{key}: expected a number, got {_short(value)}")


def opt_list(data: JsonObject, key: str, where: str) -> list[JsonObject]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ReplyParseError(f"{where}.{key}: expected a list, got {_short(value)}")
    return [obj(item, f"{where}.{key}[{i}]") for i, item in enumerate(value)]


def extras(data: JsonObject, known: frozenset[str]) -> dict[str, Any]:
    """Fields the model does not know, kept so nothing the provider sent is lost."""
    return {k: v for k, v in data.items() if k not in known}

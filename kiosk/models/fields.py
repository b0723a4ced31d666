"""Labelled values for showing a reply to a person: the result pane, receipts.

A model yields :class:`Field` rows (label + typed value) and, where a bill has
billing periods, a :class:`PeriodTable`. The value keeps its kind (money,
period, date, ...) so each front-end formats it for the language it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from kiosk.i18n import MONTHS, Lang, Text
from kiosk.money import format_rupiah


class Kind(Enum):
    TEXT = "text"
    MONEY = "money"  # int Rupiah
    PERIOD = "period"  # a billing month, already normalised to "YYYYMM" when parseable
    DATE = "date"  # "YYYYMMDD"
    NUMBER = "number"  # a count or a meter reading, shown as given without leading zeros


@dataclass(frozen=True, slots=True)
class Value:
    kind: Kind
    raw: str | int

    def format(self, lang: Lang) -> str:
        return format_value(self, lang)


@dataclass(frozen=True, slots=True)
class Field:
    label: Text
    value: Value

    def pair(self, lang: Lang) -> tuple[str, str]:
        return self.label.get(lang), self.value.format(lang)


@dataclass(frozen=True, slots=True)
class PeriodTable:
    """One row per billing period; ``None`` cells are shown as a dash."""

    columns: tuple[Text, ...]
    rows: tuple[tuple[Value | None, ...], ...]

    def header(self, lang: Lang) -> list[str]:
        return [c.get(lang) for c in self.columns]

    def formatted_rows(self, lang: Lang) -> list[list[str]]:
        return [[cell.format(lang) if cell else "–" for cell in row] for row in self.rows]


def text(value: str) -> Value:
    return Value(Kind.TEXT, value)


def money(value: int) -> Value:
    return Value(Kind.MONEY, value)


def period(value: str) -> Value:
    return Value(Kind.PERIOD, value)


def date(value: str) -> Value:
    return Value(Kind.DATE, value)


def number(value: str | int) -> Value:
    return Value(Kind.NUMBER, value)


def format_period(raw: str, lang: Lang) -> str:
    """``"201901"`` → ``Jan 2019``; ``"0320"`` (MMYY) → ``Mar 2020``; other text title-cased.

    ``"MEI 22"`` becomes ``Mei 2022`` (Indonesian month names are recognised).
    """
    s = raw.strip()
    if len(s) == 6 and s.isdigit() and 1 <= int(s[4:]) <= 12:
        return f"{MONTHS[lang][int(s[4:]) - 1]} {s[:4]}"
    if len(s) == 4 and s.isdigit() and 1 <= int(s[:2]) <= 12:
        return f"{MONTHS[lang][int(s[:2]) - 1]} 20{s[2:]}"
    parts = s.split()
    if len(parts) == 2 and parts[1].isdigit():
        month = _month_index(parts[0])
        if month is not None:
            year = parts[1] if len(parts[1]) == 4 else f"20{parts[1][-2:]}"
            return f"{MONTHS[lang][month]} {year}"
    return s.title() if s.isupper() else s


def _month_index(name: str) -> int | None:
    key = name[:3].lower()
    aliases = {"agt": 7, "ags": 7, "des": 11, "mei": 4, "okt": 9, "nop": 10, "peb": 1}
    for names in MONTHS.values():
        for i, m in enumerate(names):
            if m.lower() == key:
                return i
    return aliases.get(key)


def format_date(raw: str, lang: Lang) -> str:
    """``"20120524"`` → ``24 Mei 2012`` (``24 May 2012`` in English)."""
    s = raw.strip()
    if len(s) == 8 and s.isdigit() and 1 <= int(s[4:6]) <= 12 and 1 <= int(s[6:]) <= 31:
        return f"{int(s[6:])} {MONTHS[lang][int(s[4:6]) - 1]} {s[:4]}"
    return s


def format_number(raw: str | int) -> str:
    if isinstance(raw, int):
        return str(raw)
    s = raw.strip()
    return (s.lstrip("0") or "0") if s.isdigit() else s


def format_value(value: Value, lang: Lang) -> str:
    if value.kind is Kind.MONEY:
        return format_rupiah(int(value.raw), lang)
    if value.kind is Kind.PERIOD:
        return format_period(str(value.raw), lang)
    if value.kind is Kind.DATE:
        return format_date(str(value.raw), lang)
    if value.kind is Kind.NUMBER:
        return format_number(value.raw)
    return str(value.raw)


def pairs(fields: Sequence[Field], lang: Lang) -> list[tuple[str, str]]:
    return [f.pair(lang) for f in fields]

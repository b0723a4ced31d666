"""Declarative desc models: each field says how it is read and how it is shown.

A product's desc is a frozen dataclass whose fields carry metadata made by
:func:`f`: the JSON reader (text, Rupiah, count) and, when it is shown to a
person, its bilingual label and display kind. One generic ``from_json``,
``fields`` and ``periods`` then serve all 13 products.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from kiosk.i18n import Text
from kiosk.models.fields import Field, Kind, PeriodTable, Value, format_number
from kiosk.models.parse import (
    JsonObject,
    extras,
    obj,
    opt_int,
    opt_list,
    opt_rupiah,
    opt_str,
)

Reader = Callable[[JsonObject, str, str], Any]
READERS: dict[str, Reader] = {"str": opt_str, "money": opt_rupiah, "int": opt_int}


def f(
    read: str = "str", label: Text | None = None, kind: Kind = Kind.TEXT, *, show_zero: bool = True
) -> Any:
    """A desc field read with ``read`` (str, money, int), shown under ``label`` as ``kind``."""
    meta = {"read": read, "label": label, "kind": kind, "show_zero": show_zero}
    return dataclasses.field(default=None, metadata=meta)


T = TypeVar("T", bound="Record")


@dataclasses.dataclass(frozen=True, slots=True)
class Record:
    """A JSON object read field by field; unknown keys kept in ``extra``."""

    extra: Mapping[str, Any] = dataclasses.field(default_factory=dict, kw_only=True)

    @classmethod
    def from_json(cls: type[T], data: object, where: str = "data.desc") -> T:
        raw = obj(data, where)
        values: dict[str, Any] = {}
        known = set()
        for fld in dataclasses.fields(cls):
            if fld.name == "extra":
                continue
            known.add(fld.name)
            if fld.name == "detail":
                row_type: type[Record] = cls.ROW  # type: ignore[attr-defined]
                rows = opt_list(raw, "detail", where)
                values["detail"] = tuple(
                    row_type.from_json(r, f"{where}.detail[{i}]") for i, r in enumerate(rows)
                )
                continue
            values[fld.name] = READERS[fld.metadata["read"]](raw, fld.name, where)
        return cls(**values, extra=extras(raw, frozenset(known)))

    def shown(self) -> list[Field]:
        out = []
        for fld in dataclasses.fields(self):
            label = fld.metadata.get("label")
            value = getattr(self, fld.name)
            if label is None or value is None or value == "":
                continue
            if value == 0 and not fld.metadata["show_zero"]:
                continue
            out.append(Field(label, Value(fld.metadata["kind"], value)))
        return out


L = Text
LEMBAR = L("Lembar Tagihan", "Bill Sheets")
STAND = ("stand", L("Stand Meter", "Meter"), Kind.TEXT)
PERIODE = L("Periode", "Period")


@dataclasses.dataclass(frozen=True, slots=True)
class Desc(Record):
    """Base of every product's desc."""

    ROW: ClassVar[type[Record] | None] = None
    COLUMNS: ClassVar[tuple[tuple[str, Text, Kind], ...]] = (
        ("periode", PERIODE, Kind.PERIOD),
        ("nilai_tagihan", L("Tagihan", "Bill"), Kind.MONEY),
        ("denda", L("Denda", "Late Fee"), Kind.MONEY),
        ("admin", L("Admin", "Admin"), Kind.MONEY),
        ("biaya_lain", L("Biaya Lain", "Other Fees"), Kind.MONEY),
        ("meter_awal", L("Meter Awal", "Start Meter"), Kind.NUMBER),
        ("meter_akhir", L("Meter Akhir", "End Meter"), Kind.NUMBER),
        ("no_ref", L("No. Ref", "Ref No."), Kind.TEXT),
    )
    SHOW_PERIODS: ClassVar[bool] = True

    def rows(self) -> tuple[Record, ...]:
        return tuple(getattr(self, "detail", ()) or ())

    def fields(self) -> list[Field]:
        return self.shown()

    def periods(self) -> PeriodTable | None:
        rows = self.rows()
        if not rows or not self.SHOW_PERIODS:
            return None
        present = [
            c for c in self.COLUMNS if any(getattr(r, c[0], None) not in (None, "") for r in rows)
        ]
        keys = [c[0] for c in present]
        meters = "meter_awal" in keys and "meter_akhir" in keys
        if meters:  # one "start – end" column, as on the printed bills
            present = [c for c in present if c[0] != "meter_akhir"]
            present = [STAND if c[0] == "meter_awal" else c for c in present]

        def cell(row: Record, key: str, kind: Kind) -> Value | None:
            if key == "stand":
                start, end = getattr(row, "meter_awal", None), getattr(row, "meter_akhir", None)
                if start is None and end is None:
                    return None
                return Value(
                    Kind.TEXT, f"{format_number(start or '-')} – {format_number(end or '-')}"
                )
            value = getattr(row, key, None)
            return None if value in (None, "") else Value(kind, value)

        return PeriodTable(
            columns=tuple(c[1] for c in present),
            rows=tuple(tuple(cell(r, key, kind) for key, _, kind in present) for r in rows),
        )

    def penalty(self) -> int:
        return sum(int(getattr(r, "denda", None) or 0) for r in self.rows())

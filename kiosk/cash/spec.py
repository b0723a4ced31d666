"""The device setting (``id003:PORT``, ``sim``) and the denomination-table setting.

* ``id003:/dev/ttyUSB0`` — a JCM ID-003 acceptor on that serial port (9600 8E1).
* ``sim`` — the built-in ID-003 simulator on a pseudo-terminal (demo, tests).
* ``essp:PORT`` — ITL eSSP: recognised, not supported yet (said so in words).

The table setting maps ID-003 escrow codes to Rupiah, for devices that do
not answer the currency-assignment request: ``61=2000,62=5000,63=10000``
(codes in hex, ``0x`` optional).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kiosk.cash.acceptor import Denomination
from kiosk.i18n import Text

DeviceKind = Literal["id003", "sim"]
PLANNED = {"essp": "ITL eSSP", "ict": "ICT"}


class DeviceSpecError(ValueError):
    """A device or table setting that cannot be used; ``words`` say why."""

    def __init__(self, words: Text) -> None:
        super().__init__(words.en)
        self.words = words


@dataclass(frozen=True)
class DeviceSpec:
    kind: DeviceKind
    port: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.port}" if self.port else self.kind


FORM = "id003:PORT (id003:/dev/ttyUSB0, id003:COM3) or sim"


def parse_device(raw: str) -> DeviceSpec:
    text = raw.strip()
    if text == "sim":
        return DeviceSpec("sim")
    kind, sep, port = text.partition(":")
    kind = kind.lower()
    if kind in PLANNED:
        name = PLANNED[kind]
        raise DeviceSpecError(
            Text(
                f"Protokol {name} belum didukung; yang didukung sekarang: {FORM}.",
                f"The {name} protocol is not supported yet; supported now: {FORM}.",
            )
        )
    if kind != "id003" or not sep or not port.strip():
        raise DeviceSpecError(
            Text(
                f"Perangkat '{text}' tidak dikenal. Bentuknya: {FORM}.",
                f"Unknown device '{text}'. Use the form {FORM}.",
            )
        )
    return DeviceSpec("id003", port.strip())


def parse_table(raw: str) -> tuple[Denomination, ...]:
    """``61=2000,62=5000`` → denominations by escrow code (hex), sorted by code."""
    table: dict[int, Denomination] = {}
    for item in raw.replace(";", ",").split(","):
        if not item.strip():
            continue
        code_text, sep, value_text = item.partition("=")
        try:
            code = int(code_text.strip().lower().removeprefix("0x"), 16)
            value = int(value_text.strip().replace(".", "").replace("_", ""))
        except ValueError:
            code, value = -1, -1
        if not sep or not 0x61 <= code <= 0x7F or value <= 0:
            raise DeviceSpecError(
                Text(
                    f"Isi tabel '{item.strip()}' salah. Bentuknya: 61=2000,62=5000 (kode hex=rupiah).",
                    f"Bad table entry '{item.strip()}'. Use 61=2000,62=5000 (hex code=Rupiah).",
                )
            )
        table[code] = Denomination(code, value)
    return tuple(table[code] for code in sorted(table))


def format_table(table: tuple[Denomination, ...]) -> str:
    return ",".join(f"{d.code:02x}={d.value}" for d in table)

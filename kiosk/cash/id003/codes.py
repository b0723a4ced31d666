"""ID-003 command, status and data codes (from the public protocol descriptions)."""

from __future__ import annotations

from enum import IntEnum

from kiosk.cash.acceptor import Denomination, FaultKind, RejectReason


class Cmd(IntEnum):
    STATUS_REQUEST = 0x11
    RESET = 0x40
    STACK_1 = 0x41
    STACK_2 = 0x42
    RETURN = 0x43
    HOLD = 0x44
    WAIT = 0x45
    ACK = 0x50
    # setting commands; the device echoes them
    SET_DENOMINATIONS = 0xC0  # 2 bytes, bit set = denomination disabled
    SET_SECURITY = 0xC1  # 2 bytes, bit set = high security
    SET_COMM_MODE = 0xC2  # 1 byte, 0 = polling
    SET_INHIBIT = 0xC3  # 1 byte, 0 = accept, 1 = inhibit
    SET_DIRECTION = 0xC4
    SET_OPTIONAL_FUNCTION = 0xC5
    # requests; the device answers with the same code and the data
    GET_DENOMINATIONS = 0x80
    GET_SECURITY = 0x81
    GET_COMM_MODE = 0x82
    GET_INHIBIT = 0x83
    GET_DIRECTION = 0x84
    GET_OPTIONAL_FUNCTION = 0x85
    GET_VERSION = 0x88
    GET_BOOT_VERSION = 0x89
    GET_CURRENCY_ASSIGN = 0x8A


class Status(IntEnum):
    ENABLE = 0x11  # idling, accepting notes
    ACCEPTING = 0x12
    ESCROW = 0x13  # data: escrow code
    STACKING = 0x14
    VEND_VALID = 0x15
    STACKED = 0x16
    REJECTING = 0x17  # data: reject reason
    RETURNING = 0x18
    HOLDING = 0x19
    DISABLE = 0x1A  # inhibited
    INITIALIZE = 0x1B
    POWER_UP = 0x40
    POWER_UP_BILL_IN_ACCEPTOR = 0x41
    POWER_UP_BILL_IN_STACKER = 0x42
    STACKER_FULL = 0x43
    STACKER_OPEN = 0x44
    JAM_IN_ACCEPTOR = 0x45
    JAM_IN_STACKER = 0x46
    PAUSE = 0x47
    CHEATED = 0x48
    FAILURE = 0x49  # data: failure code
    COMMUNICATION_ERROR = 0x4A
    INVALID_COMMAND = 0x4B


ACK = 0x50
POWER_UPS = frozenset(
    {Status.POWER_UP, Status.POWER_UP_BILL_IN_ACCEPTOR, Status.POWER_UP_BILL_IN_STACKER}
)
IDLE = frozenset({Status.ENABLE, Status.DISABLE})
FAULTS: dict[int, FaultKind] = {
    Status.STACKER_FULL: FaultKind.CASHBOX_FULL,
    Status.STACKER_OPEN: FaultKind.CASHBOX_REMOVED,
    Status.JAM_IN_ACCEPTOR: FaultKind.JAM_ACCEPTOR,
    Status.JAM_IN_STACKER: FaultKind.JAM_STACKER,
    Status.CHEATED: FaultKind.CHEATED,
    Status.FAILURE: FaultKind.FAILURE,
}

REJECT_CODES: dict[int, RejectReason] = {
    0x71: RejectReason.INSERTION,
    0x72: RejectReason.MAGNETIC,
    0x73: RejectReason.REMAINING_IN_HEAD,
    0x74: RejectReason.COMPENSATION,
    0x75: RejectReason.CONVEYING,
    0x76: RejectReason.DENOMINATION,
    0x77: RejectReason.PHOTO_PATTERN,
    0x78: RejectReason.PHOTO_LEVEL,
    0x79: RejectReason.INHIBITED,
    0x7B: RejectReason.OPERATION,
    0x7C: RejectReason.REMAINING_IN_STACKER,
    0x7D: RejectReason.LENGTH,
    0x7E: RejectReason.COLOR_PATTERN,
    0x98: RejectReason.MULTIPLE,
}
REJECT_BY_REASON = {reason: code for code, reason in REJECT_CODES.items()}

FAILURE_WORDS: dict[int, str] = {
    0xA2: "stacker motor failure",
    0xA5: "transport motor speed failure",
    0xA6: "transport motor failure",
    0xA8: "solenoid failure",
    0xA9: "PB unit failure",
    0xAB: "cash box not ready",
    0xAF: "validator head removed",
    0xB0: "boot ROM failure",
    0xB1: "external ROM failure",
    0xB2: "RAM failure",
    0xB3: "external ROM writing failure",
}

FIRST_ESCROW_CODE = 0x61
MASK_CODES = 16  # the two mask bytes cover escrow codes 0x61..0x70


def denomination_mask(disabled_codes: set[int]) -> bytes:
    """Two bytes for SET_DENOMINATIONS/SET_SECURITY: bit n ↔ escrow code 0x61+n."""
    bits = 0
    for code in disabled_codes:
        index = code - FIRST_ESCROW_CODE
        if 0 <= index < MASK_CODES:
            bits |= 1 << index
    return bytes((bits & 0xFF, bits >> 8))


def mask_codes(mask: bytes) -> set[int]:
    bits = mask[0] | (mask[1] << 8) if len(mask) >= 2 else (mask[0] if mask else 0)
    return {FIRST_ESCROW_CODE + n for n in range(MASK_CODES) if bits & (1 << n)}


def parse_currency_assign(data: bytes) -> tuple[Denomination, ...]:
    """The 0x8A answer: 4 bytes per note — escrow code, country code, base, exponent.

    The value is ``base × 10**exponent`` (Rupiah 100000 = 100 × 10³). Entries
    with a zero base are unused slots. ``ValueError`` when the answer has no
    usable entry.
    """
    if not data or len(data) % 4:
        raise ValueError(f"currency assignment of {len(data)} bytes is not 4 per note")
    table: list[Denomination] = []
    for i in range(0, len(data), 4):
        code, _country, base, exponent = data[i : i + 4]
        if base == 0 or not 0x61 <= code <= 0x7F or exponent > 9:
            continue
        table.append(Denomination(code, base * 10**exponent))
    if not table:
        raise ValueError("currency assignment lists no notes")
    return tuple(table)


def encode_currency_assign(table: tuple[Denomination, ...], country: int) -> bytes:
    out = bytearray()
    for note in table:
        base, exponent = note.value, 0
        while base > 255 or (base % 10 == 0 and base >= 10 and exponent < 9):
            if base % 10:
                raise ValueError(f"{note.value} cannot be written as base × 10^n")
            base, exponent = base // 10, exponent + 1
        out += bytes((note.code, country, base, exponent))
    return bytes(out)

"""Words for what an acceptor reports: fault kinds and reject reasons, in Indonesian and English."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from kiosk.i18n import Text
from kiosk.money import format_rupiah


class FaultKind(Enum):
    JAM_ACCEPTOR = "jam_acceptor"
    JAM_STACKER = "jam_stacker"
    CASHBOX_FULL = "cashbox_full"
    CASHBOX_REMOVED = "cashbox_removed"
    POWER_UP = "power_up"
    FAILURE = "failure"
    CHEATED = "cheated"
    COMM_LOST = "comm_lost"
    NO_TABLE = "no_table"


FAULT_WORDS: dict[FaultKind, Text] = {
    FaultKind.JAM_ACCEPTOR: Text(
        "Uang kertas tersangkut di mesin penerima uang.", "A note is jammed in the acceptor."
    ),
    FaultKind.JAM_STACKER: Text(
        "Uang kertas tersangkut di kotak uang.", "A note is jammed in the stacker."
    ),
    FaultKind.CASHBOX_FULL: Text(
        "Kotak uang penuh. Panggil petugas untuk mengosongkannya.",
        "The cash box is full. Call staff to empty it.",
    ),
    FaultKind.CASHBOX_REMOVED: Text("Kotak uang dilepas.", "The cash box is removed."),
    FaultKind.POWER_UP: Text(
        "Mesin penerima uang baru menyala ulang.", "The bill acceptor has just restarted."
    ),
    FaultKind.FAILURE: Text("Mesin penerima uang rusak.", "The bill acceptor reports a failure."),
    FaultKind.CHEATED: Text(
        "Mesin penerima uang mendeteksi kecurangan.",
        "The bill acceptor detected a cheating attempt.",
    ),
    FaultKind.COMM_LOST: Text(
        "Mesin penerima uang tidak menjawab. Periksa kabel dan daya.",
        "The bill acceptor does not answer. Check the cable and power.",
    ),
    FaultKind.NO_TABLE: Text(
        "Daftar pecahan uang tidak diketahui. Atur 'cash_table' (kode=nilai).",
        "The denomination table is unknown. Set 'cash_table' (code=value).",
    ),
}


class RejectReason(Enum):
    INSERTION = "insertion"
    MAGNETIC = "magnetic"
    REMAINING_IN_HEAD = "remaining_in_head"
    COMPENSATION = "compensation"
    CONVEYING = "conveying"
    DENOMINATION = "denomination"
    PHOTO_PATTERN = "photo_pattern"
    PHOTO_LEVEL = "photo_level"
    INHIBITED = "inhibited"
    OPERATION = "operation"
    REMAINING_IN_STACKER = "remaining_in_stacker"
    LENGTH = "length"
    COLOR_PATTERN = "color_pattern"
    MULTIPLE = "multiple"
    UNKNOWN_NOTE = "unknown_note"
    OTHER = "other"


_NOT_READ = Text(
    "uang tidak terbaca, masukkan lagi dengan rapi", "note not read, insert it again straight"
)
_NOT_GENUINE = Text(
    "uang tidak dikenali (palsu atau rusak)", "note not recognised (counterfeit or damaged)"
)
REJECT_WORDS: dict[RejectReason, Text] = {
    RejectReason.INSERTION: _NOT_READ,
    RejectReason.MAGNETIC: _NOT_GENUINE,
    RejectReason.REMAINING_IN_HEAD: Text(
        "masih ada uang di jalur masuk", "a note is still in the head"
    ),
    RejectReason.COMPENSATION: _NOT_GENUINE,
    RejectReason.CONVEYING: _NOT_READ,
    RejectReason.DENOMINATION: _NOT_GENUINE,
    RejectReason.PHOTO_PATTERN: _NOT_GENUINE,
    RejectReason.PHOTO_LEVEL: Text(
        "uang kotor atau dua lembar sekaligus", "note dirty or two notes at once"
    ),
    RejectReason.INHIBITED: Text("pecahan ini tidak diterima", "this note is not accepted"),
    RejectReason.OPERATION: _NOT_READ,
    RejectReason.REMAINING_IN_STACKER: Text(
        "masih ada uang di kotak masuk", "a note is still in the stacker path"
    ),
    RejectReason.LENGTH: _NOT_GENUINE,
    RejectReason.COLOR_PATTERN: _NOT_GENUINE,
    RejectReason.MULTIPLE: Text("masukkan satu lembar saja", "insert one note at a time"),
    RejectReason.UNKNOWN_NOTE: Text("pecahan tidak dikenal", "unknown denomination"),
    RejectReason.OTHER: _NOT_READ,
}


def before_first_note(values: Iterable[int]) -> Text:
    """What the collect screen says before the first note goes in."""
    listed = sorted(set(values))
    notes_id = ", ".join(format_rupiah(v, "id") for v in listed)
    notes_en = ", ".join(format_rupiah(v, "en") for v in listed)
    return Text(
        f"Uang kertas yang diterima: {notes_id}. Mesin ini tidak memberi uang kembalian; "
        "kelebihan bayar diberikan sebagai voucher.",
        f"Notes accepted: {notes_en}. This machine gives no change; "
        "any excess is given as a voucher.",
    )

"""Which heartbeat states are urgent: the alert rules, each in words.

An alert is keyed (kind, subject); while its condition holds the kiosk keeps
it open on the server, and the first heartbeat without it resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kiosk.i18n import Text
from kiosk.money import format_rupiah

if TYPE_CHECKING:
    from kiosk.fleet.heartbeat import Heartbeat

CONFIG_RCS = ("41", "42", "45")


@dataclass(frozen=True, slots=True)
class Thresholds:
    unresolved_after_min: int = 15
    """A payment still unresolved after this many minutes is an alert."""
    deposit_below: int = 100_000
    """Rupiah; the app passes its ``low_balance_warning`` setting."""
    cash_box_full_pct: int = 90


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str
    text: Text
    subject: str = ""
    details: dict[str, object] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.subject}"


_CONFIG = {
    "41": Text("kunci API ditolak (rc 41)", "the API key was refused (rc 41)"),
    "42": Text("username API salah (rc 42)", "wrong API username (rc 42)"),
    "45": Text("IP kiosk tidak terdaftar (rc 45)", "the kiosk's IP is not registered (rc 45)"),
}


def alerts_for(beat: Heartbeat, limits: Thresholds, now: datetime) -> list[Alert]:
    """The alerts this heartbeat calls for, in a fixed order."""
    found: list[Alert] = []
    oldest = beat.oldest_unresolved_at
    if oldest is not None and now - oldest >= timedelta(minutes=limits.unresolved_after_min):
        minutes = int((now - oldest).total_seconds() // 60)
        found.append(
            Alert(
                "payment_unresolved",
                Text(
                    f"{beat.unresolved_count} pembayaran belum selesai; yang tertua {minutes} menit.",
                    f"{beat.unresolved_count} payment(s) unresolved; the oldest for {minutes} minutes.",
                ),
                details={"count": beat.unresolved_count, "oldest_at": oldest.isoformat()},
            )
        )
    if beat.deposit is not None and beat.deposit < limits.deposit_below:
        rupiah = int(beat.deposit)
        found.append(
            Alert(
                "deposit_low",
                Text(
                    f"Saldo deposit tinggal {format_rupiah(rupiah)}.",
                    f"The deposit is down to {format_rupiah(rupiah, 'en')}.",
                ),
                details={"deposit": str(beat.deposit)},
            )
        )
    if beat.paper == "out":
        found.append(
            Alert("paper_out", Text("Kertas printer habis.", "The printer is out of paper."))
        )
    if beat.printer == "fault":
        found.append(
            Alert(
                "printer_fault",
                Text(
                    "Printer bermasalah atau tidak terhubung.",
                    "The printer has a fault or is not connected.",
                ),
            )
        )
    if beat.acceptor == "fault":
        found.append(
            Alert(
                "acceptor_fault",
                Text("Penerima uang bermasalah.", "The cash acceptor has a fault."),
            )
        )
    notes, capacity = beat.cash_box_notes, beat.cash_box_capacity
    if notes is not None and capacity and notes * 100 >= capacity * limits.cash_box_full_pct:
        found.append(
            Alert(
                "cash_box_full",
                Text(
                    f"Kotak uang hampir penuh ({notes}/{capacity}).",
                    f"The cash box is nearly full ({notes}/{capacity}).",
                ),
                details={"notes": notes, "capacity": capacity},
            )
        )
    if beat.config_rc in CONFIG_RCS:
        what = _CONFIG[beat.config_rc]
        found.append(
            Alert(
                "config_error",
                Text(f"Pengaturan salah: {what.id}.", f"Configuration error: {what.en}."),
                subject=beat.config_rc,
            )
        )
    return found

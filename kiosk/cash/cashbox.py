"""The cash box as the journal knows it: notes since the last collection, and collecting.

"Ambil uang" (a collection) closes the count: the report lists what the
journal says is in the box per denomination, the uncertain notes of the period
(settled by this count: the staff's physical count shows whether they are in
the box), and, when the staff counted, the difference.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.i18n import Lang
from kiosk.money import format_rupiah


@dataclass(frozen=True)
class UncertainNote:
    note_id: int
    at: datetime
    ref_id: str | None
    value: int | None
    cause: str


@dataclass(frozen=True)
class CollectionReport:
    at: datetime
    counted: dict[int, int]  # denomination → notes, as journaled
    total: int
    uncertain: tuple[UncertainNote, ...]
    physical: dict[int, int] | None  # what the staff counted, if given

    @property
    def physical_total(self) -> int | None:
        if self.physical is None:
            return None
        return sum(value * n for value, n in self.physical.items())

    @property
    def difference(self) -> int | None:
        """Physical minus journaled: uncertain notes that were in the box, or a shortfall."""
        physical = self.physical_total
        return None if physical is None else physical - self.total


def _last_collected(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT COALESCE(MAX(upto_note), 0) FROM cash_collections").fetchone()
    return int(row[0])


def box_count(conn: sqlite3.Connection) -> Counter[int]:
    """Notes credited since the last collection, by denomination."""
    rows = conn.execute(
        "SELECT value, COUNT(*) FROM cash_notes WHERE kind = 'credited' AND id > ? GROUP BY value",
        (_last_collected(conn),),
    )
    return Counter({int(value): int(n) for value, n in rows})


def uncertain_notes(conn: sqlite3.Connection) -> tuple[UncertainNote, ...]:
    """Uncertain notes since the last collection: to be settled at the next count."""
    rows = conn.execute(
        "SELECT id, at, ref_id, value, detail FROM cash_notes WHERE kind = 'uncertain' "
        "AND id > ? ORDER BY id",
        (_last_collected(conn),),
    )
    return tuple(
        UncertainNote(int(i), datetime.fromisoformat(at), ref, value, detail)
        for i, at, ref, value, detail in rows
    )


def collect(
    conn: sqlite3.Connection, *, now: datetime, physical: Mapping[int, int] | None = None
) -> CollectionReport:
    """Journal a collection inside the caller's transaction; the count restarts at zero."""
    counted = dict(sorted(box_count(conn).items()))
    uncertain = uncertain_notes(conn)
    upto = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM cash_notes").fetchone()[0])
    total = sum(value * n for value, n in counted.items())
    physical_counts = dict(sorted(physical.items())) if physical is not None else None
    conn.execute(
        "INSERT INTO cash_collections (at, upto_note, counted, total, uncertain, physical) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            now.astimezone(UTC).isoformat(timespec="seconds"),
            upto,
            json.dumps(counted),
            total,
            json.dumps([[u.note_id, u.ref_id, u.value, u.cause] for u in uncertain]),
            json.dumps(physical_counts) if physical_counts is not None else None,
        ),
    )
    return CollectionReport(now, counted, total, uncertain, physical_counts)


def cash_in(conn: sqlite3.Connection, since: datetime, until: datetime) -> int:
    """Rupiah credited from notes in [since, until), for Tutup Kasir."""
    row = conn.execute(
        "SELECT COALESCE(SUM(value), 0) FROM cash_notes WHERE kind = 'credited' "
        "AND at >= ? AND at < ?",
        (
            since.astimezone(UTC).isoformat(timespec="seconds"),
            until.astimezone(UTC).isoformat(timespec="seconds"),
        ),
    )
    return int(row.fetchone()[0])


def report_lines(report: CollectionReport, lang: Lang = "id") -> list[str]:
    """The collection report as plain lines, for the printer and the screen."""
    en = lang == "en"
    lines = [
        "CASH COLLECTION" if en else "AMBIL UANG (SETORAN)",
        report.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    ]
    for value, count in report.counted.items():
        lines.append(
            f"{format_rupiah(value, lang)} x {count} = {format_rupiah(value * count, lang)}"
        )
    label = "Total (journal)" if en else "Total (catatan)"
    lines.append(f"{label}: {format_rupiah(report.total, lang)}")
    if report.uncertain:
        lines.append("Uncertain notes, settle now:" if en else "Uang belum pasti, cek sekarang:")
        for note in report.uncertain:
            shown = format_rupiah(note.value, lang) if note.value else "?"
            lines.append(f"  #{note.note_id} {shown} {note.cause} ref {note.ref_id or '-'}")
    physical, difference = report.physical_total, report.difference
    if physical is not None and difference is not None:
        lines.append(f"{'Counted' if en else 'Hitungan petugas'}: {format_rupiah(physical, lang)}")
        lines.append(f"{'Difference' if en else 'Selisih'}: {format_rupiah(difference, lang)}")
    return lines

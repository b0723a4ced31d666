"""Ships the append-only journal to the fleet database, in its own thread.

Every batch is one PostgreSQL transaction of ``INSERT ... ON CONFLICT DO
NOTHING`` keyed (kiosk_id, source, event_id), and the local cursor moves only
after that transaction commits: a crash or a dropped connection in between
sends the batch again, and the key makes the retry a no-op. Nothing here
touches the payment path: the journal is read through a separate SQLite
connection, and a database that is down only grows the backlog, which ships
when it returns.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.fleet.link import Connect, LinkStatus, LinkWorker
from kiosk.fleet.sources import SOURCES, JournalReader, Shipped, Source

if TYPE_CHECKING:
    import psycopg

INSERT = """
INSERT INTO fleet.kiosk_events (kiosk_id, source, event_id, at, kind, ref_id, state, rc, sn,
                                product, amount, payload)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)
ON CONFLICT (kiosk_id, source, event_id) DO NOTHING
"""


def _params(kiosk_id: str, row: Shipped) -> tuple[object, ...]:
    payload = json.dumps(row.payload, ensure_ascii=False, default=str)
    return (
        kiosk_id,
        row.source,
        row.event_id,
        row.at,
        row.kind,
        row.ref_id,
        row.state,
        row.rc,
        row.sn,
        row.product,
        row.amount,
        payload,
    )


class Replicator(LinkWorker):
    """Ships new journal rows every ``poll_s`` seconds (at once after :meth:`wake`).

    ``shipped`` counts the rows sent since start; ``status`` says whether the
    link works, in words, with the backlog.
    """

    def __init__(
        self,
        *,
        journal_path: Path,
        kiosk_id: str,
        target: str,
        connect: Connect,
        sources: tuple[Source, ...] = SOURCES,
        batch: int = 500,
        poll_s: float = 2.0,
        on_status: Callable[[LinkStatus], None] | None = None,
    ) -> None:
        super().__init__(f"fleet-replicator-{kiosk_id}", connect, on_status)
        self.journal_path, self.kiosk_id, self.target = journal_path, kiosk_id, target
        self.sources, self.batch, self.poll_s = sources, batch, poll_s
        self.shipped = 0
        self._reader: JournalReader | None = None

    def _journal(self) -> JournalReader:
        if self._reader is None:
            self._reader = JournalReader(self.journal_path, self.target)
        return self._reader

    def backlog(self) -> int | None:
        try:
            reader = self._journal()
            return sum(reader.backlog(source) for source in self.sources)
        except Exception:  # the journal is unreadable: no number to show
            return None

    def work(self, conn: psycopg.Connection[tuple[object, ...]]) -> float:
        reader = self._journal()
        more = False
        for source in self.sources:
            rows = reader.read(source, reader.cursor(source), self.batch)
            if not rows:
                continue
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(INSERT, [_params(self.kiosk_id, row) for row in rows])
            reader.save_cursor(source, rows[-1].event_id)
            self.shipped += len(rows)
            more = more or len(rows) == self.batch
        return 0.0 if more else self.poll_s

    def run(self) -> None:
        try:
            super().run()
        finally:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

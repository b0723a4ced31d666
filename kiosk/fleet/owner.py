"""The owner window's reads and writes, Qt-free: called from worker threads only.

One connection, opened on first use and again after it breaks; a lock keeps
two workers from sharing it at once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.fleet.status import fetch

if TYPE_CHECKING:
    import psycopg

DAYS_SQL = """
SELECT day, count(DISTINCT kiosk_id) AS kiosks, sum(payments)::bigint AS payments,
       sum(successes)::bigint AS successes, sum(failures)::bigint AS failures,
       sum(unresolved)::bigint AS unresolved, sum(amount)::bigint AS amount
FROM fleet.daily_summary GROUP BY day ORDER BY day DESC LIMIT %s
"""

PAYMENTS_SQL = """
SELECT kiosk_id, created_at, product, customer_no, amount, state, sn, ref_id
FROM fleet.payment_latest
WHERE state <> 'inquired' AND (%(kiosk)s::text IS NULL OR kiosk_id = %(kiosk)s)
  AND (%(text)s = '' OR ref_id = %(text)s OR sn = %(text)s OR customer_no = %(text)s)
ORDER BY created_at DESC LIMIT %(limit)s
"""


@dataclass(frozen=True, slots=True)
class FleetView:
    kiosks: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    days: list[dict[str, Any]]


class OwnerDb:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None
        self._lock = threading.Lock()

    def _connection(self) -> psycopg.Connection[tuple[object, ...]]:
        from kiosk.fleet.admin import connect_owner

        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = connect_owner(self.dsn)
        return self._conn

    def view(self, days: int = 14) -> FleetView:
        from psycopg.rows import dict_row

        with self._lock:
            conn = self._connection()
            kiosks, alerts = fetch(conn)
            with conn.cursor(row_factory=dict_row) as cur:
                summary = cur.execute(DAYS_SQL, (days,)).fetchall()
        return FleetView(kiosks, alerts, summary)

    def payments(self, kiosk_id: str | None, text: str, limit: int = 200) -> list[dict[str, Any]]:
        """The newest payments of one kiosk (or all), or those whose ref_id, SN or customer
        number is exactly ``text``."""
        from psycopg.rows import dict_row

        params = {"kiosk": kiosk_id, "text": text.strip(), "limit": limit}
        with self._lock, self._connection().cursor(row_factory=dict_row) as cur:
            return cur.execute(PAYMENTS_SQL, params).fetchall()

    def acknowledge(self, alert_id: int, by: str) -> bool:
        from kiosk.fleet.admin import acknowledge

        with self._lock:
            return acknowledge(self._connection(), alert_id, by)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

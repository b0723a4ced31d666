"""The owner's read: one row per kiosk and the open alerts, as a table or JSON."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kiosk.i18n import Lang
from kiosk.money import format_rupiah

if TYPE_CHECKING:
    import psycopg

KIOSKS_SQL = "SELECT * FROM fleet.fleet_status ORDER BY kiosk_id"
ALERTS_SQL = (
    "SELECT * FROM fleet.open_alerts ORDER BY acknowledged, opened_at NULLS FIRST, kiosk_id"
)


def fetch(conn: psycopg.Connection[Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(kiosks, alerts) as dicts named like the views' columns."""
    from psycopg.rows import dict_row

    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute("SET jit = off")  # compiling costs more than these small queries take
        kiosks = cur.execute(KIOSKS_SQL).fetchall()
        alerts = cur.execute(ALERTS_SQL).fetchall()
    return kiosks, alerts


def needs_attention(alerts: list[dict[str, Any]]) -> bool:
    """Any alert open and not yet acknowledged (the exit code of ``fleet status``)."""
    return any(not alert["acknowledged"] for alert in alerts)


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    seconds = int(seconds)
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    if seconds < 172800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def _since(stamp: datetime | None, now: datetime) -> str:
    return "-" if stamp is None else _age((now - stamp).total_seconds())


def _money(value: Decimal | int | None, lang: Lang) -> str:
    return "-" if value is None else format_rupiah(int(value), lang)


def rows(kiosks: list[dict[str, Any]], now: datetime, lang: Lang = "en") -> list[list[str]]:
    table = [
        [
            "KIOSK",
            "ONLINE",
            "DEPOSIT",
            "PRINTER/PAPER",
            "CASH BOX",
            "LAST TX",
            "UNRESOLVED",
            "TODAY",
        ]
    ]
    for k in kiosks:
        online = ("yes " if k["online"] else "NO ") + f"({_age(k['heartbeat_age_s'])})"
        printer = f"{k['printer'] or '-'}/{k['paper'] or '-'}"
        stuck = str(k["unresolved_count"])
        if k["unresolved_count"]:
            stuck += f" (oldest {_since(k['oldest_unresolved_at'], now)})"
        today = f"{k['today_count']} / {_money(k['today_amount'], lang)}"
        table.append(
            [
                k["kiosk_id"],
                online,
                _money(k["deposit"], lang),
                printer,
                k["cash_box"] or "-",
                _since(k["last_tx_at"], now) + " ago" if k["last_tx_at"] else "-",
                stuck,
                today,
            ]
        )
    return table


def render(
    kiosks: list[dict[str, Any]],
    alerts: list[dict[str, Any]],
    *,
    now: datetime | None = None,
    lang: Lang = "en",
) -> str:
    now = now or datetime.now().astimezone()
    table = rows(kiosks, now, lang)
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    if len(table) == 1:
        lines.append("(no kiosks: add one with 'python -m kiosk fleet add-kiosk ID --dsn DSN')")
    lines.append("")
    lines.append(f"OPEN ALERTS: {sum(not a['acknowledged'] for a in alerts)}")
    for a in alerts:
        mark = "ack" if a["acknowledged"] else "OPEN"
        ident = f"#{a['id']}" if a["id"] is not None else "-"
        text = a["message_en"] if lang == "en" else a["message_id"]
        lines.append(
            f"  {mark:4} {ident:>5} {a['kiosk_id']:<12} {a['kind']:<18} "
            f"{_since(a['opened_at'], now):>5}  {text}"
        )
    return "\n".join(lines)


def to_json(kiosks: list[dict[str, Any]], alerts: list[dict[str, Any]]) -> str:
    def plain(value: object) -> object:
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, timedelta):
            return value.total_seconds()
        return str(value)

    return json.dumps(
        {"kiosks": kiosks, "alerts": alerts}, default=plain, indent=2, ensure_ascii=False
    )

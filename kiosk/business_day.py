"""The provider's business day is WIB (Asia/Jakarta, UTC+7), whatever the machine's zone.

ref_ids carry the WIB date, a bill must be paid on its inquiry's WIB day, and
Tutup Kasir counts a WIB day. A kiosk whose clock is set to UTC, WITA or WIT
would otherwise disagree with the provider around midnight.

``zoneinfo`` reads the OS zone database, or the ``tzdata`` package where the OS
has none (Windows). Indonesia has kept UTC+7 without daylight saving since
1964, so a fixed offset is an exact fallback if neither is present.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo


def _wib() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo("Asia/Jakarta")
        except ZoneInfoNotFoundError:
            pass
    except ImportError:  # pragma: no cover - zoneinfo is in the standard library
        pass
    return timezone(timedelta(hours=7), "WIB")


WIB = _wib()


def now() -> datetime:
    """The current time in WIB (timezone-aware)."""
    return datetime.now(WIB)


def in_wib(at: datetime) -> datetime:
    """``at`` in WIB; a naive datetime is taken as the machine's local time."""
    return at.astimezone(WIB)


def business_day(at: datetime) -> date:
    """The WIB calendar day of ``at``."""
    return in_wib(at).date()


def day_start(day: date) -> datetime:
    """00:00 WIB of ``day``."""
    return datetime.combine(day, time(), WIB)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of the WIB day ``day``."""
    start = day_start(day)
    return start, day_start(day + timedelta(days=1))

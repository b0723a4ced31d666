"""The provider's business day is WIB (Asia/Jakarta, UTC+7), whatever the machine's zone.

ref_ids carry the WIB date, a bill must be paid on its inquiry's WIB day, and
Tutup Kasir counts a WIB day. A kiosk whose clock is set to UTC, WITA or WIT
would otherwise disagree with the provider around midnight.

WIB is a fixed UTC+7 here, not ``zoneinfo``'s Asia/Jakarta: Indonesia has kept UTC+7
without daylight saving since 1964, so the zone database adds nothing but a dependency
(Windows has no database and needed the ``tzdata`` package) and ~0.5 MiB of modules to
the payment path's peak memory (issue 16). Should WIB ever move, this line moves with it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")


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

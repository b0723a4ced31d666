"""The business day is WIB, whatever the machine's zone."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from kiosk.api.refid import new_ref_id
from kiosk.business_day import WIB, business_day, day_bounds

ROOT = Path(__file__).resolve().parent.parent.parent


def test_evening_utc_is_tomorrow_in_jakarta() -> None:
    at = datetime(2026, 12, 3, 18, 30, tzinfo=UTC)  # 01:30 WIB on the 4th
    assert business_day(at) == date(2026, 12, 4)
    assert new_ref_id(at).startswith("261204")
    wit = timezone(timedelta(hours=9))  # a kiosk in Papua at 07:00 WIT is 05:00 WIB
    assert business_day(datetime(2026, 12, 4, 7, 0, tzinfo=wit)) == date(2026, 12, 4)
    assert business_day(datetime(2026, 12, 4, 1, 0, tzinfo=wit)) == date(2026, 12, 3)


def test_a_day_is_midnight_to_midnight_wib() -> None:
    start, end = day_bounds(date(2026, 12, 3))
    assert start.isoformat() == "2026-12-03T00:00:00+07:00"
    assert end - start == timedelta(days=1)


def test_the_machine_zone_does_not_matter() -> None:
    code = (
        "from datetime import datetime, UTC; from kiosk.business_day import now, WIB;"
        "print(now().utcoffset().total_seconds(), now().date() == datetime.now(WIB).date())"
    )
    for zone in ("UTC", "Asia/Makassar", "America/New_York"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "TZ": zone},
            check=True,
        )
        assert out.stdout.split() == ["25200.0", "True"], zone
    assert WIB.utcoffset(datetime(2026, 7, 1)) == timedelta(hours=7)  # no daylight saving

"""Fresh ref_ids: light to import (no HTTP stack)."""

from __future__ import annotations

from datetime import datetime
from random import SystemRandom

_RANDOM = SystemRandom()
"""The OS's CSPRNG, as ``secrets`` uses; ``secrets`` itself would import ``hmac`` and
with it OpenSSL's digest table (~1 MiB resident, issue 16) for no hash at all."""


def new_ref_id(now: datetime | None = None) -> str:
    """A fresh ref_id: the WIB date ``YYMMDD`` + 8 random digits, digits only so it
    can be typed on the kiosk's numeric keypad from a pending slip."""
    from kiosk.business_day import in_wib
    from kiosk.business_day import now as wib_now

    stamp = (in_wib(now) if now is not None else wib_now()).strftime("%y%m%d")
    return stamp + f"{_RANDOM.randrange(10**8):08d}"

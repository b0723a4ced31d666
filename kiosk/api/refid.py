"""Fresh ref_ids: light to import (no HTTP stack)."""

from __future__ import annotations

import secrets
from datetime import datetime


def new_ref_id(now: datetime | None = None) -> str:
    """A fresh ref_id: ``YYMMDD`` + 8 random digits, digits only so it can be
    typed on the kiosk's numeric keypad from a pending slip."""
    stamp = (now or datetime.now()).strftime("%y%m%d")
    return stamp + f"{secrets.randbelow(10**8):08d}"

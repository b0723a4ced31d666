"""The Digiswitch buyer API client (no Qt)."""

from __future__ import annotations

from kiosk.api.client import DigiswitchClient, new_ref_id, sign
from kiosk.api.errors import (
    ApiError,
    ApiRefusal,
    ConfigurationError,
    KeyUnavailableError,
    NotSentError,
    OutcomeUnknownError,
    ReplyUnreadableError,
)
from kiosk.api.transport import PRODUCTION_URL, Timeouts

__all__ = [
    "PRODUCTION_URL",
    "ApiError",
    "ApiRefusal",
    "ConfigurationError",
    "DigiswitchClient",
    "KeyUnavailableError",
    "NotSentError",
    "OutcomeUnknownError",
    "ReplyUnreadableError",
    "Timeouts",
    "new_ref_id",
    "sign",
]

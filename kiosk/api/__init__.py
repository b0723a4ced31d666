"""The Digiswitch buyer API client (no Qt).

Names are re-exported lazily (PEP 562) so that importing a light submodule such
as ``kiosk.api.errors`` does not pull in the HTTP stack (http.client, ssl) before the first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.api.client import DigiswitchClient, sign
    from kiosk.api.errors import (
        ApiError,
        ApiRefusal,
        ConfigurationError,
        KeyUnavailableError,
        NotSentError,
        OutcomeUnknownError,
        ReplyUnreadableError,
    )
    from kiosk.api.refid import new_ref_id
    from kiosk.api.transport import Timeouts
    from kiosk.endpoints import PRODUCTION_URL

_WHERE = {
    "DigiswitchClient": "kiosk.api.client",
    "new_ref_id": "kiosk.api.refid",
    "sign": "kiosk.api.client",
    "Timeouts": "kiosk.api.transport",
    "PRODUCTION_URL": "kiosk.endpoints",
    **{
        name: "kiosk.api.errors"
        for name in (
            "ApiError",
            "ApiRefusal",
            "ConfigurationError",
            "KeyUnavailableError",
            "NotSentError",
            "OutcomeUnknownError",
            "ReplyUnreadableError",
        )
    },
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'kiosk.api' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

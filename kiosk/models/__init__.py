"""Typed models of the provider's replies (no Qt)."""

from __future__ import annotations

from kiosk.models.descs import Desc
from kiosk.models.parse import ReplyParseError
from kiosk.models.reply import Amounts, TransactionReply

__all__ = ["Amounts", "Desc", "ReplyParseError", "TransactionReply"]

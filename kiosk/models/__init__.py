"""Typed models of the provider's replies (no Qt)."""

from __future__ import annotations

from kiosk.models.parse import ReplyParseError
from kiosk.models.reply import Amounts, ProductDesc, TransactionReply

__all__ = ["Amounts", "ProductDesc", "ReplyParseError", "TransactionReply"]

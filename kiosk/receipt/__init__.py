"""Receipts (struk): a Qt-free model, plain text for thermal paper, ESC/POS bytes.

The PDF and system-printer output live in ``kiosk.ui.receipt_print``.
"""

from kiosk.receipt.model import Receipt, build_receipt

__all__ = ["Receipt", "build_receipt"]

"""A QR code as a matrix of booleans (pure Python ``qrcode``, no imaging library)."""

from __future__ import annotations

import qrcode
import qrcode.constants


def qr_matrix(payload: str, *, border: int = 2) -> list[list[bool]]:
    """Rows of modules, ``True`` for dark, with a ``border`` of light modules around.

    Level M survives a crease or a faded corner of thermal paper.
    """
    code = qrcode.QRCode(border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]

"""A QR code as a matrix of booleans (pure Python ``qrcode``, no imaging library)."""

from __future__ import annotations

import qrcode
import qrcode.constants


def qr_matrix(payload: str) -> list[list[bool]]:
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]

"""What a person reads for an error: never a code alone, never a traceback."""

from __future__ import annotations

import logging

from kiosk.i18n import Text

log = logging.getLogger("kiosk.ui")

UNEXPECTED = Text(
    "Terjadi kesalahan. Silakan coba lagi atau hubungi petugas toko.",
    "Something went wrong. Please try again or ask the shop staff.",
)


def explain(exc: BaseException) -> Text:
    """The words for ``exc`` (an unexpected one is logged and gets :data:`UNEXPECTED`)."""
    from kiosk.api.errors import ApiError, ApiRefusal  # not on the first frame's path
    from kiosk.journal.transaction import JournalError
    from kiosk.payment import InquiryFailed, PaymentNotSent, PendingPaymentExists, StaleBill

    if isinstance(exc, PendingPaymentExists):
        return Text(
            f"Masih ada pembayaran yang belum pasti untuk nomor ini (ref {exc.ref_id}). "
            "Jangan membayar ulang: tunggu hasilnya atau cek di menu Cek Status.",
            f"A payment for this number is not settled yet (ref {exc.ref_id}). "
            "Do not pay again: wait for its result or look it up under Check Status.",
        )
    if isinstance(exc, StaleBill):
        return Text(
            "Tagihan sudah kedaluwarsa. Silakan cek tagihan lagi.",
            "The bill has expired. Please check the bill again.",
        )
    if isinstance(exc, InquiryFailed):
        return exc.message
    if isinstance(exc, PaymentNotSent):
        return exc.message
    if isinstance(exc, ApiRefusal):
        return exc.info.message
    if isinstance(exc, (ApiError, JournalError)):
        return exc.message
    log.error("unexpected error: %r", exc)
    return UNEXPECTED

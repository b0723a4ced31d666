"""What can go wrong talking to the provider, split by what it means for money.

* :class:`NotSentError` — the request never left (DNS, refused, TLS handshake,
  no key): nothing can have happened; safe to try again.
* :class:`OutcomeUnknownError` — the request may have been processed (timeout
  after sending, reset, HTTP 5xx, unreadable reply): a payment may have
  happened, so it is resolved by a status call for the *same* ref_id.
* :class:`ApiRefusal` — the provider answered clearly with a failure rc.

Messages never contain a request body, the sign or the key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.i18n import Lang, Text

if TYPE_CHECKING:
    from kiosk.models.reply import TransactionReply
    from kiosk.rc import RcInfo


class ApiError(Exception):
    """Base of every client error; ``user_message`` is what a person reads."""

    message = Text(
        "Terjadi kesalahan saat menghubungi penyedia. Silakan coba lagi.",
        "Something went wrong contacting the provider. Please try again.",
    )

    def user_message(self, lang: Lang) -> str:
        return self.message.get(lang)


class ConfigurationError(ApiError):
    """The client is set up unsafely or incompletely (e.g. plain http to a remote host)."""

    message = Text(
        "Pengaturan koneksi tidak valid. Petugas toko perlu memeriksa pengaturan.",
        "The connection settings are not valid. Shop staff need to check the settings.",
    )


class NotSentError(ApiError):
    """The request did not reach the provider; nothing happened."""

    message = Text(
        "Tidak dapat terhubung ke penyedia. Periksa koneksi internet, lalu coba lagi.",
        "Cannot reach the provider. Check the internet connection and try again.",
    )


class KeyUnavailableError(NotSentError):
    """The API key could not be read from the keychain, so nothing was sent."""

    message = Text(
        "Kunci API tidak dapat dibaca dari keychain. Petugas toko perlu memeriksa pengaturan.",
        "The API key could not be read from the keychain. Shop staff need to check the settings.",
    )


class OutcomeUnknownError(ApiError):
    """The request may have been processed; resolve with a status call, never a new ref_id."""

    message = Text(
        "Jawaban penyedia belum diterima. Status pembayaran sedang dicek; jangan membayar ulang.",
        "No answer from the provider yet. The payment status is being checked; do not pay again.",
    )


class ReplyUnreadableError(OutcomeUnknownError):
    """The provider answered, but not with the contract's JSON (HTML, garbage, too large)."""


class ReplyMismatchError(ReplyUnreadableError):
    """The provider answered about another ref_id or customer number: not trusted."""


class ApiRefusal(ApiError):
    """The provider answered with a failure rc (e.g. a failed inquiry, a bad sign)."""

    def __init__(self, info: RcInfo, provider_message: str, reply: TransactionReply | None = None):
        super().__init__(f"rc {info.rc}: {info.meaning}")
        self.info = info
        self.rc = info.rc
        self.provider_message = provider_message
        self.reply = reply

    def user_message(self, lang: Lang) -> str:
        return self.info.message.get(lang)

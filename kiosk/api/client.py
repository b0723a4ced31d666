"""The Digiswitch buyer API client (no Qt; call it from a worker thread).

Rules kept here, and only here:

* sign = md5(username + key + ref_id) for transactions, ``+ "depo"`` for the
  balance and ``+ "pricelist"`` for the price list (REFERENCE.md).
* Pay and status reuse the inquiry's ref_id; the client never invents one.
* Nothing is retried automatically: a pay that might have gone through is
  reported as :class:`OutcomeUnknownError` for the caller to resolve.
* The key is read from ``key_provider`` for each request, goes only into the
  ``sign`` and is never logged or put in an exception.
"""

from __future__ import annotations

import http.client
import json
import logging
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kiosk.api.errors import (
    ApiRefusal,
    KeyUnavailableError,
    NotSentError,
    OutcomeUnknownError,
    ReplyMismatchError,
    ReplyUnreadableError,
)
from kiosk.api.transport import (
    DEFAULT_MAX_BODY,
    ConnectFailed,
    CutOff,
    HttpPool,
    Timeouts,
    checked_base_url,
)
from kiosk.i18n import Text
from kiosk.models.parse import ReplyParseError, obj
from kiosk.models.pricelist import PriceListItem, parse_price_list
from kiosk.models.reply import TransactionReply
from kiosk.money import MoneyError, to_decimal
from kiosk.rc import Outcome, lookup

try:
    # CPython's own MD5, the same digest as hashlib's. hashlib would start OpenSSL's whole
    # digest table for this one hash: ~0.7 MiB resident beside the ssl module (issue 16).
    from _md5 import md5 as _md5  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # a Python built without it
    from hashlib import md5 as _md5

log = logging.getLogger("kiosk.api")


def sign(username: str, key: str, suffix: str) -> str:
    digest: str = _md5((username + key + suffix).encode(), usedforsecurity=False).hexdigest()
    return digest


class DigiswitchClient:
    """One keep-alive session to the buyer API. Thread-safe for concurrent calls."""

    def __init__(
        self,
        *,
        base_url: str,
        username: str,
        key_provider: Callable[[], str],
        testing: bool = False,
        timeouts: Timeouts | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        ca_bundle: str | None = None,
    ) -> None:
        self.base_url = checked_base_url(base_url)
        self.username = username
        self.testing = testing
        self.timeouts = timeouts or Timeouts()
        self.max_body = max_body
        self._key_provider = key_provider
        # ca_bundle: tests only (certifi otherwise)
        self._pool = HttpPool(self.base_url, self.timeouts, ca_bundle)

    def close(self) -> None:
        self._pool.close()

    # -- transactions ---------------------------------------------------------

    def inquiry(
        self, *, code: str, customer_no: str, ref_id: str, amount: int | None = None
    ) -> TransactionReply:
        """Ask for the bill. A failure rc raises :class:`ApiRefusal`; no money moves."""
        reply = self._transaction("inq-pasca", code, customer_no, ref_id, amount)
        if reply.outcome is not Outcome.SUCCESS:
            raise ApiRefusal(reply.rc_info, reply.message, reply)
        return reply

    def pay(
        self, *, code: str, customer_no: str, ref_id: str, amount: int | None = None
    ) -> TransactionReply:
        """Pay the bill inquired under ``ref_id``. Returns the reply whatever its rc:
        ``reply.outcome`` is Sukses, Gagal or Pending (unknown)."""
        return self._transaction("pay-pasca", code, customer_no, ref_id, amount)

    def status(self, *, code: str, customer_no: str, ref_id: str) -> TransactionReply:
        """The provider's current state of the payment made under ``ref_id``."""
        return self._transaction("status-pasca", code, customer_no, ref_id, None)

    # -- account --------------------------------------------------------------

    def balance(self) -> Decimal:
        """The agent's deposit (saldo)."""
        body = {"cmd": "deposit", "username": self.username, "sign": self._sign("depo")}
        data = self._data(self._post("cek-saldo", body, what="balance"))
        if "deposit" not in data:
            raise self._refusal_or_unreadable(data, "balance")
        try:
            return to_decimal(data["deposit"])
        except MoneyError as exc:
            raise ReplyUnreadableError(f"balance: {exc}") from None

    def price_list(self, code: str | None = None) -> list[PriceListItem]:
        """The postpaid price list (every product, or one ``code``). Not cached here: the
        provider allows one full fetch per 5 minutes (rc 83), and
        :class:`kiosk.price_list_cache.PriceListCache` keeps that rule. Entries the
        model cannot read are skipped; rc 83 or any refusal raises :class:`ApiRefusal`."""
        body: dict[str, Any] = {"command": "pasca", "username": self.username}
        if code:
            body["code"] = code
        body["sign"] = self._sign("pricelist")
        reply = self._post("price-list", body, what="price-list")
        try:
            data = obj(reply, "reply").get("data")
        except ReplyParseError as exc:
            raise ReplyUnreadableError(f"price-list: {exc}") from None
        if isinstance(data, dict):
            raise self._refusal_or_unreadable(data, "price-list")
        try:
            items = parse_price_list(data)
        except ReplyParseError as exc:
            raise ReplyUnreadableError(f"price-list: {exc}") from None
        log.info("price-list: %d entries", len(items))
        return items

    # -- plumbing -------------------------------------------------------------

    def _sign(self, suffix: str) -> str:
        try:
            key = self._key_provider()
        except Exception as exc:  # the keychain's own error types vary by backend
            error = KeyUnavailableError(f"API key unavailable: {type(exc).__name__}")
            words = getattr(exc, "message", None)
            if isinstance(words, Text):
                error.message = words  # e.g. "the keychain is locked", in words
            raise error from None
        if not key:
            raise KeyUnavailableError("API key is empty")
        return sign(self.username, key, suffix)

    def _transaction(
        self, command: str, code: str, customer_no: str, ref_id: str, amount: int | None
    ) -> TransactionReply:
        body: dict[str, Any] = {
            "command": command,
            "username": self.username,
            "code": code,
            "customer_no": customer_no,
            "ref_id": ref_id,
        }
        if amount is not None:
            # Assumed: a nominal product (e-money, Kirim Uang) takes the chosen amount as an
            # integer `amount` (REFERENCE.md says so for e-money; kiosk/bill_request.py).
            body["amount"] = amount
        if self.testing:
            body["testing"] = True
        body["sign"] = self._sign(ref_id)
        started = time.perf_counter()
        # A pay rides a connection of its own: a kept-alive one the server is closing just
        # as the pay goes out would make a payment it never saw Pending (transport.py).
        fresh = command == "pay-pasca"
        raw = self._post("transaction", body, what=f"{command} {ref_id}", fresh=fresh)
        try:
            reply = TransactionReply.from_json(raw, product_code=code)
        except ReplyParseError as exc:
            log.warning("%s %s: unreadable reply: %s", command, ref_id, exc)
            raise ReplyUnreadableError(f"{command}: {exc}") from None
        if reply.ref_id and reply.ref_id != ref_id:
            log.warning("%s %s: reply names ref_id %s", command, ref_id, reply.ref_id)
            raise ReplyMismatchError(f"{command}: reply is for another ref_id")
        log.info(
            "%s ref=%s code=%s rc=%s status=%s %.0f ms",
            command,
            ref_id,
            code,
            reply.rc,
            reply.status,
            (time.perf_counter() - started) * 1000,
        )
        return reply

    def _post(self, path: str, body: dict[str, Any], *, what: str, fresh: bool = False) -> Any:
        payload = json.dumps(body, separators=(",", ":")).encode()
        try:
            status, content = self._pool.post(path, payload, max_body=self.max_body, fresh=fresh)
        except ConnectFailed as exc:
            log.warning("%s: not sent (%s)", what, exc)
            raise NotSentError(f"{what}: not sent ({exc})") from None
        except CutOff as exc:
            log.warning("%s: reply cut off (%s)", what, exc)
            raise OutcomeUnknownError(f"{what}: reply cut off ({exc})") from None
        except (OSError, http.client.HTTPException) as exc:
            # sent, then a timeout, a reset, a broken TLS record or bad HTTP before
            # the reply: the server may have acted on it
            log.warning("%s: outcome unknown (%s)", what, type(exc).__name__)
            raise OutcomeUnknownError(f"{what}: no reply ({type(exc).__name__})") from None
        if status != 200:  # a 3xx too: answered, never followed
            log.warning("%s: HTTP %s", what, status)
            raise ReplyUnreadableError(f"{what}: HTTP {status}")
        try:
            return json.loads(content)
        except (ValueError, UnicodeDecodeError):
            log.warning("%s: reply is not JSON (%d bytes)", what, len(content))
            raise ReplyUnreadableError(f"{what}: reply is not JSON") from None

    @staticmethod
    def _data(reply: Any) -> dict[str, Any]:
        try:
            top = obj(reply, "reply")
            data = obj(top.get("data"), "data")
        except ReplyParseError as exc:
            raise ReplyUnreadableError(str(exc)) from None
        return dict(data)

    @staticmethod
    def _refusal_or_unreadable(data: dict[str, Any], what: str) -> Exception:
        rc = data.get("rc")
        if isinstance(rc, str) and rc:
            return ApiRefusal(lookup(rc), str(data.get("message", "")))
        return ReplyUnreadableError(f"{what}: reply without the expected fields")

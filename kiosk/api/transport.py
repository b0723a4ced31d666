"""HTTP rules for talking money: where we may connect and how much we read.

HTTPS only with verified certificates (certifi's CA bundle); plain ``http://``
only to loopback (the built-in simulator). No redirects are followed, nothing
is retried, proxies and CA bundles from the environment are never read (the
pool is urllib3's own: it has no ``trust_env``, unlike ``requests``) and a
reply body is read up to a cap.

urllib3 directly, not ``requests`` on top of it: the same connection pool and
TLS, without ~300 µs of request preparation per call and ~4 MiB of imports
(``requests``, ``charset_normalizer``, ``idna``) the kiosk never uses.
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import certifi
import urllib3
import urllib3.exceptions

from kiosk.api.errors import ConfigurationError, ReplyUnreadableError
from kiosk.endpoints import PRODUCTION_URL
from kiosk.loopback import is_loopback

__all__ = ["PRODUCTION_URL", "Timeouts", "checked_base_url", "is_loopback"]
DEFAULT_MAX_BODY = 1024 * 1024
"""The largest reply we read. The biggest real reply (SAMSAT) is about 2 KiB."""


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect: float = 5.0
    read: float = 30.0
    """Pay may wait on the biller; the provider answers synchronously (pay page).
    Per wait for data: a server that trickles bytes never trips it, hence ``total``."""
    total: float = 45.0
    """The reply, from sending to its last byte; past it the outcome is unknown. (A
    server trickling the *headers* is bounded only by ``read`` per wait.)"""


def checked_base_url(url: str) -> str:
    """The base URL with a trailing slash; refuse anything but https or loopback http."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigurationError(f"not an http(s) URL: {url!r}")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigurationError("plain http is allowed only for loopback addresses")
    if parts.username or parts.password:
        raise ConfigurationError("credentials in the URL are not allowed")
    return url if url.endswith("/") else url + "/"


HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}
POOL_SIZE = 5
"""Connections kept per host: the network lane's four workers and the payment lane."""


def new_pool(ca_bundle: str | None = None) -> urllib3.PoolManager:
    """Verified TLS against certifi's bundle, no retries, no redirects, no proxies.

    ``ca_bundle`` is for tests (a loopback TLS server's own CA); production uses certifi."""
    return urllib3.PoolManager(
        num_pools=4,
        maxsize=POOL_SIZE,
        headers=HEADERS,
        cert_reqs="CERT_REQUIRED",
        ca_certs=ca_bundle or certifi.where(),
        retries=False,
    )


def read_capped(
    response: urllib3.BaseHTTPResponse, max_body: int, deadline: float | None = None
) -> bytes:
    """The body of a streamed response, refusing more than ``max_body`` bytes.

    With ``deadline`` (a ``time.monotonic()`` value) every wait for data is cut to
    the time left, so a reply trickled a byte at a time still ends by then
    (``TimeoutError`` past it).
    """
    try:
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > max_body:
            raise ReplyUnreadableError(f"reply too large ({declared} bytes)")
        if deadline is None:
            body = response.read(max_body + 1, decode_content=True)
        else:
            body = _read_by(response, max_body + 1, deadline)
        if len(body) > max_body:
            raise ReplyUnreadableError(f"reply larger than {max_body} bytes")
        return body
    except ReplyUnreadableError:
        response.close()  # the rest is never read: the socket goes, not back to the pool
        response.release_conn()
        raise


def _read_by(response: urllib3.BaseHTTPResponse, limit: int, deadline: float) -> bytes:
    connection = getattr(response, "connection", None)
    sock = getattr(connection, "sock", None)
    before = sock.gettimeout() if sock is not None else None
    chunks: list[bytes] = []
    size = 0
    try:
        while size < limit:
            left = deadline - time.monotonic()
            if left <= 0:
                response.close()
                raise TimeoutError("reply not complete within the total deadline")
            if sock is not None:
                sock.settimeout(left if before is None else min(before, left))
            chunk = response.read1(limit - size, decode_content=True)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        if sock is not None and sock.fileno() != -1:
            sock.settimeout(before)
    return b"".join(chunks)


_CONNECT_ERRORS = (
    urllib3.exceptions.NewConnectionError,
    urllib3.exceptions.ConnectTimeoutError,
    urllib3.exceptions.NameResolutionError,
)
_TLS_ERRORS = (ssl.SSLError, ssl.CertificateError, urllib3.exceptions.SSLError)
_HANDSHAKE_FRAMES = frozenset({"_validate_conn", "do_handshake"})
"""urllib3 sets up a new connection (TCP, then the TLS handshake) in ``_validate_conn``."""


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps: ``reason``, an exception in ``args[0]``, cause, context."""
    found: list[BaseException] = []
    todo = [exc]
    while todo:
        current = todo.pop()
        if any(current is seen for seen in found):
            continue
        found.append(current)
        reason = getattr(current, "reason", None)
        args = getattr(current, "args", ())
        first = args[0] if args else None
        for nxt in (reason, first, current.__cause__, current.__context__):
            if isinstance(nxt, BaseException):
                todo.append(nxt)
    return found


def _raised_in_handshake(exc: BaseException) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name in _HANDSHAKE_FRAMES:
            return True
        tb = tb.tb_next
    return False


def is_connect_failure(exc: BaseException) -> bool:
    """True when the request provably never reached the server (DNS, refused, TLS handshake).

    An SSL error counts only when it was raised while the connection was being set
    up: urllib3 also raises SSLError while *reading* the reply of a request that
    was already sent (a broken TLS record), and that outcome is unknown.
    """
    chain = _chain(exc)
    if any(isinstance(e, _CONNECT_ERRORS) for e in chain):
        return True
    if any(isinstance(e, _TLS_ERRORS) for e in chain):
        return any(_raised_in_handshake(e) for e in chain)
    return False

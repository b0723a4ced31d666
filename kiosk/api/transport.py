"""HTTP rules for talking money: where we may connect and how much we read.

HTTPS only with verified certificates (certifi through requests; a test may
hand in its own CA bundle); plain
``http://`` only to loopback (the built-in simulator). No redirects are
followed, proxies and ``REQUESTS_CA_BUNDLE`` from the environment are
ignored (``trust_env = False``) and a reply body is read up to a cap.
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
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
    """The whole request, from sending to the last byte of the reply; past it the
    outcome is unknown."""


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


def new_session(ca_bundle: str | None = None) -> requests.Session:
    """``ca_bundle`` is for tests (a loopback TLS server's own CA); production uses certifi."""
    session = requests.Session()
    session.trust_env = False
    session.verify = ca_bundle or True
    session.headers.update({"Content-Type": "application/json", "Accept": "application/json"})
    return session


def read_capped(response: requests.Response, max_body: int, deadline: float | None = None) -> bytes:
    """The body of a streamed response, refusing more than ``max_body`` bytes.

    With ``deadline`` (a ``time.monotonic()`` value) every wait for data is cut to
    the time left, so a reply trickled a byte at a time still ends by then:
    ``TimeoutError`` (or urllib3's ``ReadTimeoutError``) past it.
    """
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_body:
        response.close()
        raise ReplyUnreadableError(f"reply too large ({declared} bytes)")
    if deadline is None:
        body = response.raw.read(max_body + 1, decode_content=True)
    else:
        body = _read_by(response, max_body + 1, deadline)
    if len(body) > max_body:
        response.close()
        raise ReplyUnreadableError(f"reply larger than {max_body} bytes")
    return body


def _read_by(response: requests.Response, limit: int, deadline: float) -> bytes:
    raw = response.raw
    sock = getattr(getattr(raw, "connection", None), "sock", None)
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
            chunk = raw.read1(limit - size, decode_content=True)
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
    requests.exceptions.ConnectTimeout,
)
_TLS_ERRORS = (
    ssl.SSLError,
    ssl.CertificateError,
    urllib3.exceptions.SSLError,
    requests.exceptions.SSLError,
)
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

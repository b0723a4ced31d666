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
    """Pay may wait on the biller; the provider answers synchronously (pay page)."""


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


def new_pool() -> urllib3.PoolManager:
    """Verified TLS against certifi's bundle, no retries, no redirects, no proxies."""
    return urllib3.PoolManager(
        num_pools=4,
        maxsize=POOL_SIZE,
        headers=HEADERS,
        cert_reqs="CERT_REQUIRED",
        ca_certs=certifi.where(),
        retries=False,
    )


def read_capped(response: urllib3.BaseHTTPResponse, max_body: int) -> bytes:
    """The body of a streamed response, refusing more than ``max_body`` bytes."""
    try:
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > max_body:
            raise ReplyUnreadableError(f"reply too large ({declared} bytes)")
        body = response.read(max_body + 1, decode_content=True)
        if len(body) > max_body:
            raise ReplyUnreadableError(f"reply larger than {max_body} bytes")
        return body
    except ReplyUnreadableError:
        response.close()  # the rest is never read: the socket goes, not back to the pool
        response.release_conn()
        raise


def is_connect_failure(exc: BaseException) -> bool:
    """True when the request provably never reached the server (DNS, refused, TLS)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(
            current,
            urllib3.exceptions.NewConnectionError
            | urllib3.exceptions.ConnectTimeoutError
            | urllib3.exceptions.NameResolutionError
            | urllib3.exceptions.SSLError,
        ):
            return True
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            current = reason
            continue
        args = getattr(current, "args", ())
        nxt = args[0] if args and isinstance(args[0], BaseException) else None
        current = nxt or current.__cause__ or current.__context__
    return False

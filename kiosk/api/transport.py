"""HTTP rules for talking money: where we may connect and how much we read.

HTTPS only with verified certificates (certifi through requests); plain
``http://`` only to loopback (the built-in simulator). No redirects are
followed, proxies and ``REQUESTS_CA_BUNDLE`` from the environment are
ignored (``trust_env = False``) and a reply body is read up to a cap.
"""

from __future__ import annotations

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


def new_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.verify = True
    session.headers.update({"Content-Type": "application/json", "Accept": "application/json"})
    return session


def read_capped(response: requests.Response, max_body: int) -> bytes:
    """The body of a streamed response, refusing more than ``max_body`` bytes."""
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_body:
        response.close()
        raise ReplyUnreadableError(f"reply too large ({declared} bytes)")
    body = response.raw.read(max_body + 1, decode_content=True)
    if len(body) > max_body:
        response.close()
        raise ReplyUnreadableError(f"reply larger than {max_body} bytes")
    return body


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
            | requests.exceptions.ConnectTimeout
            | requests.exceptions.SSLError,
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

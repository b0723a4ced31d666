"""HTTP rules for talking money: where we may connect and how much we read.

HTTPS only with verified certificates (certifi's CA bundle); plain ``http://``
only to loopback (the built-in simulator). No redirects are followed, nothing
is retried, proxies and CA bundles from the environment are never read, and a
reply body is read up to a cap and by a total deadline.

The standard library's ``http.client`` on a small keep-alive pool of our own, not
urllib3 or ``requests``: one host, one method and one content type need none of
their machinery, which costs ~3 MiB of modules (urllib3 alone) in a kiosk that
runs for months, and ~300 µs of request preparation per call. The pool also gives
the one distinction the money rules depend on for free: an error raised while the
connection is being set up (DNS, TCP, the TLS handshake) means the request was
never sent (:class:`ConnectFailed`); anything after it means the outcome is unknown.
"""

from __future__ import annotations

import http.client
import select
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from kiosk.api.errors import ConfigurationError, ReplyUnreadableError
from kiosk.endpoints import PRODUCTION_URL
from kiosk.loopback import is_loopback

__all__ = [
    "PRODUCTION_URL",
    "ConnectFailed",
    "CutOff",
    "HttpPool",
    "Timeouts",
    "checked_base_url",
    "is_loopback",
]
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
"""``http.client`` adds ``Host``, ``Content-Length`` and ``Accept-Encoding: identity``
(a compressed reply is not asked for, and would not parse as JSON: unreadable)."""
POOL_SIZE = 5
"""Idle connections kept: the network lane's four workers and the payment lane."""


class ConnectFailed(Exception):
    """The connection could not be set up (DNS, refused, timeout, TLS handshake or
    certificate): nothing was sent. The cause is chained as ``__cause__``."""


class CutOff(OSError):
    """The reply began but did not end: a reset, a broken TLS record, a read timeout
    or the total deadline mid-body. Sent, so the outcome is unknown."""


STALE = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)
"""How a kept-alive connection the server closed under a request fails, before a reply
was read (``http.client.RemoteDisconnected`` is a ConnectionResetError too). A reply cut
off mid-body is :class:`CutOff`, not one of these."""


class HttpPool:
    """Keep-alive connections to the one host of ``base_url``. Thread-safe: each call
    takes a connection of its own (an idle one, else a new one) and gives it back
    only when its reply was read to the end."""

    def __init__(self, base_url: str, timeouts: Timeouts, ca_bundle: str | None = None) -> None:
        parts = urlsplit(checked_base_url(base_url))
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port or (443 if self._https else 80)
        self._path = parts.path
        self._timeouts = timeouts
        self._ca_bundle = ca_bundle  # tests only (a loopback TLS server's own CA)
        self._context: ssl.SSLContext | None = None
        self._idle: list[http.client.HTTPConnection] = []
        self._closed = False
        self._lock = threading.Lock()

    def post(
        self, path: str, body: bytes, *, max_body: int, fresh: bool = False
    ) -> tuple[int, bytes]:
        """POST ``body`` to ``base_url + path``: the reply's status and body.

        ``fresh``: on a new connection, never an idle one. The readability check in
        :func:`_dropped` cannot see a close that is still on its way: a server whose
        keep-alive runs out as the request leaves resets it unread. For a pay that
        would be a Pending for a payment the server never saw; a new connection costs a
        handshake, once per payment. The connection is kept afterwards as usual.

        Raises :class:`ConnectFailed` when nothing was sent. After sending the
        outcome is unknown: no reply (a timeout, a reset, bad HTTP) raises
        ``OSError`` or ``http.client.HTTPException``, half a reply :class:`CutOff`;
        a body over ``max_body`` raises :class:`ReplyUnreadableError`.
        """
        connection, reused = (self._connect(), False) if fresh else self._take()
        try:
            return self._exchange(connection, path, body, max_body)
        except STALE as exc:
            if not reused:
                raise
            stale = exc
        # A kept-alive connection the server closed just as this request went out: reset
        # before a reply was read, which the idle check cannot see coming. Never a pay (a
        # pay is always ``fresh``): an inquiry, status, balance or price list moves no
        # money, so it is asked once more, on a new connection. If that one cannot even
        # connect, the first try's outcome stands (unknown), not "not sent".
        try:
            connection = self._connect()
        except ConnectFailed:
            raise stale from None
        return self._exchange(connection, path, body, max_body)

    def _exchange(
        self, connection: http.client.HTTPConnection, path: str, body: bytes, max_body: int
    ) -> tuple[int, bytes]:
        deadline = time.monotonic() + self._timeouts.total
        try:
            _wait_at_most(connection, self._timeouts.read, deadline)
            connection.request("POST", self._path + path, body=body, headers=HEADERS)
            _wait_at_most(connection, self._timeouts.read, deadline)
            response = connection.getresponse()
            content = _read_capped(connection, response, max_body, self._timeouts.read, deadline)
        except BaseException:
            connection.close()  # half a reply, or none: the socket goes, not back to the pool
            raise
        self._give_back(connection, response)
        return response.status, content

    def close(self) -> None:
        """Close the idle connections; one still in use closes when its call ends."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    def _take(self) -> tuple[http.client.HTTPConnection, bool]:
        """An idle connection (and True), else a new one (and False)."""
        while True:
            with self._lock:
                connection = self._idle.pop() if self._idle else None
            if connection is None:
                return self._connect(), False
            if not _dropped(connection):
                return connection, True
            connection.close()  # the server closed it while idle: take the next one

    def _connect(self) -> http.client.HTTPConnection:
        connection: http.client.HTTPConnection | None = None
        try:
            if self._https:
                connection = http.client.HTTPSConnection(
                    self._host, self._port, timeout=self._timeouts.connect, context=self._tls()
                )
            else:
                connection = http.client.HTTPConnection(
                    self._host, self._port, timeout=self._timeouts.connect
                )
            connection.connect()  # TCP, and for https the handshake and certificate check
        except OSError as exc:  # ssl.SSLError and socket.gaierror are OSErrors too
            if connection is not None:
                connection.close()  # a TCP socket whose handshake failed
            raise ConnectFailed(type(exc).__name__) from exc
        return connection

    def _tls(self) -> ssl.SSLContext:
        """Certificates verified against certifi's bundle (never the environment's):
        CERT_REQUIRED, host names checked, TLS 1.2 or later (Python's defaults)."""
        with self._lock:
            if self._context is None:
                # Imported here, at the first https connection: certifi brings in
                # importlib.resources and zipfile (~0.5 MiB), which the demo on the
                # loopback simulator (plain http) never needs (issue 16).
                import certifi

                self._context = ssl.create_default_context(
                    cafile=self._ca_bundle or certifi.where()
                )
            return self._context

    def _give_back(
        self, connection: http.client.HTTPConnection, response: http.client.HTTPResponse
    ) -> None:
        if response.will_close or not response.isclosed():
            connection.close()
            return
        with self._lock:
            if not self._closed and len(self._idle) < POOL_SIZE:
                self._idle.append(connection)
                return
        connection.close()


def _dropped(connection: http.client.HTTPConnection) -> bool:
    """An idle keep-alive socket is readable only when the server closed it (or wrote
    something unasked): either way it cannot carry the next request."""
    sock = connection.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):  # closed, or a descriptor select() cannot watch
        return True
    return bool(readable)


def _wait_at_most(connection: http.client.HTTPConnection, read: float, deadline: float) -> None:
    """Each wait for data: ``read`` seconds, cut to the time left before ``deadline``."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("reply not complete within the total deadline")
    if connection.sock is not None:
        connection.sock.settimeout(min(read, left))


def _read_capped(
    connection: http.client.HTTPConnection,
    response: http.client.HTTPResponse,
    max_body: int,
    read: float,
    deadline: float,
) -> bytes:
    """The body, refusing more than ``max_body`` bytes; a reply trickled a byte at a
    time still ends by ``deadline`` (``TimeoutError`` past it)."""
    declared = response.getheader("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_body:
        raise ReplyUnreadableError(f"reply too large ({declared} bytes)")
    chunks: list[bytes] = []
    size = 0
    while size <= max_body:
        try:
            _wait_at_most(connection, read, deadline)
            chunk = response.read1(max_body + 1 - size)
        except (OSError, http.client.HTTPException) as exc:
            raise CutOff(type(exc).__name__) from exc
        if not chunk:
            if response.length:  # the server closed before its Content-Length
                raise CutOff(f"IncompleteRead: {response.length} bytes missing")
            response.close()  # read to the end: the connection may carry the next request
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise ReplyUnreadableError(f"reply larger than {max_body} bytes")

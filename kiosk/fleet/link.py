"""The kiosk's link to the fleet database: connecting, what went wrong in words,
and the base of the two background threads (replicator, heartbeat).

A failure never leaves a thread: it becomes a :class:`LinkStatus` the operator
can read (``state`` + ``text`` in Indonesian and English), the connection is
dropped, and the thread waits (exponential backoff, 1 s up to 60 s) before
trying again. A wrong password or a refused role is retried too, slowly, so
fixing it on the server or with ``config set-fleet-password`` heals the link
without a restart (the password is read from the keychain on every connect).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

from kiosk.fleet.dsn import DsnError, connect_options, kiosk_role
from kiosk.i18n import Text

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger("kiosk.fleet")
KEYCHAIN_SERVICE = "loket-fleet"
"""Keychain service of the fleet password; the account is the kiosk_id."""


class LinkState(Enum):
    STARTING = "starting"
    OK = "ok"
    OFFLINE = "offline"  # the database cannot be reached: retried, backlog kept
    AUTH_FAILED = "auth_failed"  # wrong password or unknown role
    REFUSED = "refused"  # connected, but the role may not write (not added, RLS)
    NO_PASSWORD = "no_password"  # noqa: S105  # a state name: nothing in the keychain
    CONFIG = "config"  # the DSN is unusable

    @property
    def needs_operator(self) -> bool:
        return self in (
            LinkState.AUTH_FAILED,
            LinkState.REFUSED,
            LinkState.NO_PASSWORD,
            LinkState.CONFIG,
        )


TEXTS = {
    LinkState.STARTING: Text("Menghubungi database armada…", "Connecting to the fleet database…"),
    LinkState.OK: Text("Terhubung ke database armada.", "Connected to the fleet database."),
    LinkState.OFFLINE: Text(
        "Database armada tidak terjangkau; data dikirim begitu tersambung lagi.",
        "The fleet database cannot be reached; data is sent once it is back.",
    ),
    LinkState.AUTH_FAILED: Text(
        "Database armada menolak kata sandi kiosk ini. Jalankan "
        "'python -m kiosk config set-fleet-password' dengan kata sandi dari pemilik.",
        "The fleet database refused this kiosk's password. Run "
        "'python -m kiosk config set-fleet-password' with the password from the owner.",
    ),
    LinkState.REFUSED: Text(
        "Database armada menolak kiosk ini. Pemilik perlu menjalankan "
        "'python -m kiosk fleet add-kiosk' untuk ID kiosk ini.",
        "The fleet database refused this kiosk. The owner needs to run "
        "'python -m kiosk fleet add-kiosk' for this kiosk ID.",
    ),
    LinkState.NO_PASSWORD: Text(
        "Kata sandi database armada belum tersimpan. Jalankan "
        "'python -m kiosk config set-fleet-password'.",
        "The fleet database password is not stored. Run "
        "'python -m kiosk config set-fleet-password'.",
    ),
}


@dataclass(frozen=True, slots=True)
class LinkStatus:
    state: LinkState
    text: Text
    since: datetime
    backlog: int | None = None
    """Journal rows not yet shipped (replicator only; None when unknown)."""


class LinkError(Exception):
    """A failure already put in words: ``state`` and ``text``."""

    def __init__(self, state: LinkState, text: Text | None = None) -> None:
        super().__init__(state.value)
        self.state, self.text = state, text or TEXTS[state]


JOURNAL_UNREADABLE = Text(
    "Catatan transaksi kiosk tidak terbaca untuk dikirim ke database armada.",
    "The kiosk's transaction journal cannot be read to send it to the fleet database.",
)


def classify(exc: BaseException) -> LinkError:
    """What an exception from psycopg (or the keychain, or the DSN) means for the operator."""
    import psycopg

    from kiosk.keychain import KeychainError

    if isinstance(exc, LinkError):
        return exc
    if isinstance(exc, DsnError):
        return LinkError(LinkState.CONFIG, exc.text)
    if isinstance(exc, KeychainError):
        return LinkError(LinkState.NO_PASSWORD, exc.message)
    if isinstance(exc, sqlite3.Error | OSError) and not isinstance(exc, psycopg.Error):
        return LinkError(LinkState.CONFIG, JOURNAL_UNREADABLE)
    words = str(exc).lower()
    if isinstance(exc, psycopg.errors.InsufficientPrivilege) or "permission denied" in words:
        return LinkError(LinkState.REFUSED)
    if isinstance(exc, psycopg.errors.ForeignKeyViolation | psycopg.errors.UndefinedTable):
        return LinkError(LinkState.REFUSED)  # the kiosk was not added, or no `fleet init`
    auth_words = (
        "password authentication failed",
        "does not exist",
        "no pg_hba.conf entry",
        "authentication failed",
        "password",
    )
    if isinstance(exc, psycopg.OperationalError) and any(w in words for w in auth_words):
        return LinkError(LinkState.AUTH_FAILED)
    return LinkError(LinkState.OFFLINE)


def keychain_password(kiosk_id: str) -> Callable[[], str]:
    """Reads the fleet password at each connect; a missing one is :data:`LinkState.NO_PASSWORD`."""

    def read() -> str:
        from kiosk.keychain import get_secret

        secret = get_secret(KEYCHAIN_SERVICE, kiosk_id)
        if not secret:
            raise LinkError(LinkState.NO_PASSWORD)
        return secret

    return read


Connect = Callable[[], "psycopg.Connection[tuple[object, ...]]"]


WRONG_ROLE = Text(
    "Alamat database armada memakai role kiosk lain. Gunakan perintah dari "
    "'python -m kiosk fleet add-kiosk' untuk ID kiosk ini.",
    "The fleet database address uses another kiosk's role. Use the commands that "
    "'python -m kiosk fleet add-kiosk' printed for this kiosk ID.",
)


def connector(dsn: str, password: Callable[[], str], kiosk_id: str | None = None) -> Connect:
    """A function opening an autocommit connection with the checked DSN and the password.

    With ``kiosk_id``, the DSN's user must be that kiosk's role (it is filled in when
    the DSN names no user).
    """

    def connect() -> psycopg.Connection[tuple[object, ...]]:
        import psycopg

        options = connect_options(dsn)
        if kiosk_id is not None:
            role = kiosk_role(kiosk_id)
            if options.setdefault("user", role) != role:
                raise LinkError(LinkState.CONFIG, WRONG_ROLE)
        conn = psycopg.connect(autocommit=True, password=password(), **options)  # type: ignore[arg-type]
        # The cursor moves once COMMIT returns: it must mean "on disk", whatever the server's
        # default (synchronous_commit=off would lose the last batches in a server crash).
        conn.execute("SET synchronous_commit TO on")
        return conn

    return connect


class LinkWorker(threading.Thread):
    """A daemon thread that keeps one connection and calls :meth:`work` with it.

    ``work`` returns how long to wait before the next call (0: go on at once).
    ``wake()`` cuts a wait short; ``stop()`` ends the thread within one call.
    """

    BACKOFF_MIN_S = 1.0
    BACKOFF_MAX_S = 60.0

    def __init__(
        self, name: str, connect: Connect, on_status: Callable[[LinkStatus], None] | None = None
    ) -> None:
        super().__init__(name=name, daemon=True)
        self._connect = connect
        self._on_status = on_status
        self._stopping = threading.Event()
        self._wakeup = threading.Event()
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None
        self._status = LinkStatus(LinkState.STARTING, TEXTS[LinkState.STARTING], datetime.now())
        self._failures = 0

    @property
    def status(self) -> LinkStatus:
        return self._status

    def backlog(self) -> int | None:
        return None

    def _set_status(self, state: LinkState, text: Text | None = None) -> None:
        text = text or TEXTS[state]
        old = self._status
        if old.state == state and old.text == text and old.backlog == self.backlog():
            return
        since = old.since if old.state == state else datetime.now()
        self._status = LinkStatus(state, text, since, self.backlog())
        if old.state != state:
            log.info("%s: %s", self.name, state.value)
        if self._on_status is not None:
            try:
                self._on_status(self._status)
            except Exception:  # a listener's bug must not stop the link
                log.exception("fleet status listener failed")

    def wake(self) -> None:
        self._wakeup.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wakeup.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self._wakeup.wait(seconds)
        self._wakeup.clear()

    def work(self, conn: psycopg.Connection[tuple[object, ...]]) -> float:
        raise NotImplementedError

    def run(self) -> None:
        try:
            while not self._stopping.is_set():
                try:
                    if self._conn is None or self._conn.closed:
                        self._conn = self._connect()
                    pause = self.work(self._conn)
                except Exception as exc:
                    self._fail(exc)
                    continue
                self._failures = 0
                self._set_status(LinkState.OK)
                self._wait(pause)
        finally:
            self._close()

    def _fail(self, exc: Exception) -> None:
        error = classify(exc)
        if error.state != self._status.state:
            log.warning("%s: %s (%s)", self.name, error.state.value, type(exc).__name__)
        self._close()
        self._set_status(error.state, error.text)
        self._failures += 1
        slow = error.state.needs_operator
        delay = self.BACKOFF_MAX_S if slow else self.BACKOFF_MIN_S * 2 ** min(self._failures - 1, 8)
        self._wait(min(delay, self.BACKOFF_MAX_S))

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # already broken: nothing to release
                log.debug("closing a broken fleet connection failed")
            self._conn = None

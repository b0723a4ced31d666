"""The admin PIN: 4–8 digits, kept only as a salted scrypt hash; wrong tries lock it.

Stored form: ``scrypt$n$r$p$<salt b64>$<hash b64>`` (n=2**14, r=8, p=1, a
16-byte salt, a 32-byte hash). Comparison is constant-time. A stored value
with other parameters still verifies, within a memory cap, so a hand-edited
settings file cannot make the kiosk allocate gigabytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.pin_lockout import LockoutFile, LockoutState

N, R, P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
_MAX_MEM = 64 * 1024 * 1024

log = logging.getLogger("kiosk.pin")


def valid_pin(pin: str) -> bool:
    """4 to 8 ASCII digits."""
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8


def hash_pin(pin: str) -> str:
    if not valid_pin(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    salt = os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=HASH_BYTES)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; False for any malformed stored value."""
    try:
        kind, n, r, p, salt_b64, hash_b64 = stored.split("$")
        if kind != "scrypt":
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(hash_b64, validate=True)
        if not salt or not expected:
            return False
        actual = hashlib.scrypt(
            pin.encode(),
            salt=salt,
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_MAX_MEM,
            dklen=len(expected),
        )
    except (ValueError, TypeError, OverflowError, MemoryError, binascii.Error):
        return False
    return hmac.compare_digest(actual, expected)


class PinGuard:
    """The one lock-out of every admin-PIN prompt (Settings, export, leaving kiosk mode).

    Wrong tries are counted in a file (:mod:`kiosk.pin_lockout`), so a new dialog
    or a restart does not reset them. A try is counted *before* the hash is
    checked and cleared after a match, so cutting the power mid-check still counts
    it; if the count cannot be written, the PIN is not checked at all (OSError).

    :meth:`check` and :meth:`load` read and write the file and run scrypt: call them
    off the GUI thread. :meth:`locked_for`, :meth:`tries_left` and
    :meth:`next_lock_seconds` answer from the last state read, without I/O.
    ``clock`` is wall-clock UTC seconds (injectable for tests).
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._file = LockoutFile(path)
        self._clock = clock
        self._lock = threading.Lock()
        self._state = LockoutState()

    @property
    def state(self) -> LockoutState:
        """The last state read or written."""
        return self._state

    def locked_for(self) -> float:
        """Seconds until a PIN may be tried again; 0 when not locked."""
        return self._state.locked_for(self._clock())

    def tries_left(self) -> int:
        """Wrong tries still allowed before the next lock."""
        return self._state.tries_left()

    def next_lock_seconds(self) -> float:
        """How long the next lock will last."""
        return self._state.next_lock_seconds()

    def load(self) -> LockoutState:
        """Read the file (I/O): what a prompt shows when it opens."""
        with self._lock:
            self._state = self._read(self._clock())
            return self._state

    def check(self, pin: str, stored_hash: str) -> bool:
        """Whether ``pin`` matches ``stored_hash``. While locked every PIN is refused, even
        the right one; without a stored hash nothing matches."""
        with self._lock:
            now = self._clock()
            state = self._read(now)
            self._state = state
            if state.locked_for(now) > 0:
                return False
            counted = state.after_failure(now)
            self._file.write(counted)  # an OSError here: nothing was checked
            self._state = counted
            if not (stored_hash and verify_pin(pin, stored_hash)):
                return False
            try:
                self._file.write(LockoutState())
            except OSError as exc:  # the PIN was right; the count stays until the next write
                log.warning("PIN lockout file not cleared (%s)", type(exc).__name__)
            else:
                self._state = LockoutState()
            return True

    def _read(self, now: float) -> LockoutState:
        """The file's state, damaged → locked (fail closed), clock set back → clamped;
        either is written back so the lock runs out from now on."""
        stored = self._file.read()
        state = LockoutState.worst(now) if stored is None else stored.clamped(now)
        if state != stored:
            try:
                self._file.write(state)
            except OSError as exc:  # stays locked: every read fails closed again
                log.warning("PIN lockout file not rewritten (%s)", type(exc).__name__)
        return state

"""The admin PIN: 4–8 digits, kept only as a salted scrypt hash; 5 wrong tries lock it.

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
import os
import time
from collections.abc import Callable

N, R, P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
MAX_TRIES = 5
LOCK_SECONDS = 300.0
_MAX_MEM = 64 * 1024 * 1024


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
        actual = hashlib.scrypt(pin.encode(), salt=salt, n=int(n), r=int(r), p=int(p),
                                maxmem=_MAX_MEM, dklen=len(expected))  # fmt: skip
    except (ValueError, TypeError, OverflowError, MemoryError, binascii.Error):
        return False
    return hmac.compare_digest(actual, expected)


class PinGuard:
    """Counts wrong tries; after five in a row, refuses every try for five minutes.

    ``clock`` is injectable (seconds, monotonic) so tests move time instead of waiting.
    """

    def __init__(self, stored_hash: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.stored_hash = stored_hash
        self._clock = clock
        self.failures = 0
        self._locked_until = 0.0

    def locked_for(self) -> float:
        """Seconds until a PIN may be tried again; 0 when not locked."""
        return max(0.0, self._locked_until - self._clock())

    def tries_left(self) -> int:
        """Wrong tries still allowed before the lock."""
        return MAX_TRIES - self.failures

    def check(self, pin: str) -> bool:
        """Whether ``pin`` is right. While locked every PIN is refused, even the right one."""
        if self.locked_for() > 0:
            return False
        if self.stored_hash and verify_pin(pin, self.stored_hash):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= MAX_TRIES:
            self.failures = 0
            self._locked_until = self._clock() + LOCK_SECONDS
        return False

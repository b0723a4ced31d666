"""The admin PIN: 4–8 digits, kept only as a salted scrypt hash; 5 wrong tries lock it.

Stored form: ``scrypt$n$r$p$<salt b64>$<hash b64>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from collections.abc import Callable

N, R, P = 2**14, 8, 1
MAX_TRIES = 5
LOCK_SECONDS = 300.0


def valid_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8


def hash_pin(pin: str) -> str:
    if not valid_pin(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                                p=int(p), dklen=len(expected))  # fmt: skip
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


class PinGuard:
    """Counts wrong tries; after five, refuses every try for five minutes."""

    def __init__(self, stored_hash: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.stored_hash = stored_hash
        self._clock = clock
        self.failures = 0
        self._locked_until = 0.0

    def locked_for(self) -> float:
        return max(0.0, self._locked_until - self._clock())

    def check(self, pin: str) -> bool:
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

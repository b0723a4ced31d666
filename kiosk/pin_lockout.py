"""Wrong admin-PIN tries, kept in a file so they survive dialogs and restarts.

The rule: 5 wrong tries in a row lock the PIN for 1 minute; every further
wrong try locks it again, twice as long as the last time (2, 4, 8 … minutes,
at most 60). The right PIN clears the count. A 4-digit PIN then takes years
to guess from the touchscreen, and closing the dialog or restarting the app
resets nothing.

The file (``pin-lockout.json`` in the config folder, mode 0600, written
atomically: temp file, fsync, rename) holds no PIN, only the count and the
end of the lock as UTC wall-clock time::

    {"version": 1, "failures": 6, "locked_until": "2026-12-03T09:31:00.250000Z"}

Wall-clock time, because a monotonic clock starts again with the machine. When
the clock has been set back, a lock can seem to end further ahead than the
longest lock: it is clamped to the longest lock from now (and written back).
A clock set forward ends a lock early; whoever can do that can also delete
the file, so it opens nothing new.

Fail closed: a file that is there but cannot be read or makes no sense counts
as the worst state: locked for the longest lock, and every wrong try after it
locks for the longest lock again, until the right PIN clears it. Deleting the
file by hand clears it too.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger("kiosk.pin")

FILE_NAME = "pin-lockout.json"
MAX_TRIES = 5
"""Wrong tries in a row before the first lock."""
FIRST_LOCK_S = 60.0
MAX_LOCK_S = 3600.0
WORST_FAILURES = MAX_TRIES + 6
"""A count whose lock is already the longest (60 s · 2**6 > 3600 s): the fail-closed state."""
_MAX_COUNT = 1_000_000
_VERSION = 1


def lock_seconds(failures: int) -> float:
    """How long the PIN locks right after the ``failures``-th wrong try in a row."""
    if failures < MAX_TRIES:
        return 0.0
    return min(FIRST_LOCK_S * 2.0 ** min(failures - MAX_TRIES, 32), MAX_LOCK_S)


@dataclass(frozen=True, slots=True)
class LockoutState:
    failures: int = 0
    """Wrong tries since the last right PIN."""
    locked_until: float = 0.0
    """End of the lock, UTC seconds since the epoch; 0 when never locked."""

    def locked_for(self, now: float) -> float:
        """Seconds until a PIN may be tried again (never more than the longest lock)."""
        return min(max(0.0, self.locked_until - now), MAX_LOCK_S)

    def tries_left(self) -> int:
        """Wrong tries still allowed before the next lock: 1 once the first lock has been."""
        return max(MAX_TRIES - self.failures, 1)

    def next_lock_seconds(self) -> float:
        """How long the wrong try that uses up :meth:`tries_left` will lock."""
        return lock_seconds(max(self.failures + 1, MAX_TRIES))

    def after_failure(self, now: float) -> LockoutState:
        failures = min(self.failures + 1, _MAX_COUNT)
        wait = lock_seconds(failures)
        return LockoutState(failures, now + wait if wait else 0.0)

    def clamped(self, now: float) -> LockoutState:
        """The same state with a lock that ends no later than the longest lock from now."""
        if self.locked_until - now > MAX_LOCK_S:
            return LockoutState(self.failures, now + MAX_LOCK_S)
        return self

    @classmethod
    def worst(cls, now: float) -> LockoutState:
        """What a damaged file counts as: locked for the longest lock."""
        return cls(WORST_FAILURES, now + MAX_LOCK_S)


def _to_text(state: LockoutState) -> str:
    until = None
    if state.locked_until:
        until = datetime.fromtimestamp(state.locked_until, UTC).isoformat().replace("+00:00", "Z")
    return json.dumps({"version": _VERSION, "failures": state.failures, "locked_until": until})


def _from_text(text: str) -> LockoutState:
    """The state in ``text``; ValueError for anything this module did not write."""
    raw = json.loads(text)
    if not isinstance(raw, dict) or raw.get("version") != _VERSION:
        raise ValueError("not a lockout file")
    failures, until = raw.get("failures"), raw.get("locked_until")
    if type(failures) is not int or not 0 <= failures <= _MAX_COUNT:
        raise ValueError("bad failure count")
    if until is None:
        return LockoutState(failures, 0.0)
    if not isinstance(until, str):
        raise ValueError("bad lock time")
    moment = datetime.fromisoformat(until)
    if moment.utcoffset() is None:
        raise ValueError("lock time without a zone")
    return LockoutState(failures, moment.timestamp())


class LockoutFile:
    """Reads and writes the state; knows nothing of PINs or clocks."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> LockoutState | None:
        """The stored state; a fresh one when there is no file; None when it is damaged."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return LockoutState()
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("PIN lockout file unreadable (%s)", type(exc).__name__)
            return None
        try:
            return _from_text(text)
        except (ValueError, TypeError, OverflowError) as exc:
            log.warning("PIN lockout file damaged (%s)", type(exc).__name__)
            return None

    def write(self, state: LockoutState) -> None:
        """Atomically, owner-only: temp file, fsync, rename, then fsync the folder."""
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".pin-lockout-", dir=folder)
        try:
            if hasattr(os, "fchmod"):  # not on older Windows Pythons
                os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(_to_text(state))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:
            dir_fd = os.open(folder, os.O_RDONLY)
        except OSError:  # some platforms cannot open a folder; the rename is done anyway
            return
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
